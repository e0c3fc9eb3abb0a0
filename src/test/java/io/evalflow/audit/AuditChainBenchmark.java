package io.evalflow.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifying an audit chain of at least 1,000,000 rows, and the cost of one append. The
 * rows are appended in chained chunks of 10,000 (each chunk locks the head like any
 * append, so the chain stays whole whatever else runs on the database) and kept for later
 * runs. Run with {@code ./mvnw -Pbench test -Dtest=AuditChainBenchmark} (MariaDB, 1 GB
 * heap: the walk reads 2,000 rows at a time).
 */
@SpringBootTest
class AuditChainBenchmark {

	private static final long ROWS = 1_000_000;

	private static final int CHUNK = 10_000;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void verifyAMillionRows() {
		long start = System.nanoTime();
		while (head() < ROWS) {
			this.transactions.executeWithoutResult(status -> appendChunk());
		}
		System.out.printf("BENCH audit_data_ready %.1f s%n", (System.nanoTime() - start) / 1e9);

		int appends = 500;
		long appendStart = System.nanoTime();
		for (int i = 0; i < appends; i++) {
			long n = i;
			this.transactions.executeWithoutResult(status -> this.log
				.append(AuditEntry.of("bench.append", "bench", n).actor("bench").detail("n", n).build()));
		}
		System.out.printf("BENCH audit_append %.2f ms%n", (System.nanoTime() - appendStart) / 1e6 / appends);

		for (int run = 0; run < 2; run++) {
			Runtime.getRuntime().gc();
			ChainVerification result = this.chain.verify();
			assertThat(result.intact()).as(result.line()).isTrue();
			assertThat(result.checked()).isGreaterThanOrEqualTo(ROWS);
			Runtime runtime = Runtime.getRuntime();
			System.out.printf("BENCH audit_verify_rows %d rows%n", result.checked());
			System.out.printf("BENCH audit_verify %.1f s%n", result.millis() / 1000.0);
			System.out.printf("BENCH audit_verify_rate %.0f rows/s%n", result.checked() * 1000.0 / result.millis());
			System.out.printf("BENCH audit_verify_heap_used_after %d MB%n",
					(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
		}
	}

	/**
	 * Appends from 8 threads at once, each in its own transaction: they queue on the head
	 * row, so this is the ceiling of audited commits per second.
	 */
	@Test
	void concurrentAppends() throws Exception {
		int threads = 8;
		int each = 250;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		try {
			List<java.util.concurrent.Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				long thread = t;
				done.add(pool.submit(() -> {
					for (int i = 0; i < each; i++) {
						this.transactions.executeWithoutResult(status -> this.log.append(
								AuditEntry.of("bench.concurrent", "bench", thread).actor("bench-" + thread).build()));
					}
				}));
			}
			for (java.util.concurrent.Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("BENCH audit_concurrent_appends %.0f appends/s%n", threads * each / seconds);
		assertThat(this.chain.verify().intact()).isTrue();
	}

	private void appendChunk() {
		Map<String, Object> head = this.jdbc
			.queryForMap("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
		long seq = ((Number) head.get("last_seq")).longValue();
		String prevHash = (String) head.get("last_hash");
		Instant now = AuditHash.truncate(Instant.now());
		List<Object[]> batch = new ArrayList<>(CHUNK);
		for (int i = 0; i < CHUNK; i++) {
			seq++;
			AuditRecord row = new AuditRecord(seq, now, "bench-" + (seq % 97), "review.submitted", "review", seq,
					seq % 4, (seq % 10 == 0) ? "评分与评语不一致，退回重评" : null,
					"{\"applicationId\":" + (seq / 5) + ",\"roundId\":" + (seq % 3) + "}", prevHash, null);
			String hash = AuditHash.of(row);
			batch.add(new Object[] { row.seq(), LocalDateTime.ofInstant(now, ZoneOffset.UTC), row.actor(), row.action(),
					row.subjectType(), row.subjectId(), row.campaignId(), row.reason(), row.details(), prevHash,
					hash });
			prevHash = hash;
		}
		this.jdbc.batchUpdate(
				"INSERT INTO audit_event (" + AuditLog.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
		this.jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prevHash);
	}

	private long head() {
		return this.jdbc.queryForObject("SELECT last_seq FROM audit_head WHERE id = 1", Long.class);
	}

}
