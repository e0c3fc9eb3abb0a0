package io.evalflow.audit;

import java.util.Map;

import io.evalflow.audit.ChainVerification.Problem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks the audit log's chain: every row's hash, every link, no gap, and the end against
 * the head. Reads in chunks by seq, so memory stays flat however long the log is.
 */
@Service
public class AuditChain {

	static final int CHUNK = 2000;

	private final JdbcTemplate jdbc;

	AuditChain(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Walks the chain up to the head as it stands when the walk starts; rows appended
	 * meanwhile are left for the next walk. Each chunk is its own read, so the walk holds
	 * no lock and no long transaction.
	 */
	public ChainVerification verify() {
		long started = System.nanoTime();
		Map<String, Object> head = this.jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
		long headSeq = ((Number) head.get("last_seq")).longValue();
		String headHash = (String) head.get("last_hash");
		Walk walk = new Walk();
		while (walk.broken == null && walk.lastSeq < headSeq) {
			long before = walk.lastSeq;
			this.jdbc.query("SELECT " + AuditLog.COLUMNS + " FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq "
					+ "LIMIT " + CHUNK, rs -> {
						if (walk.broken == null) {
							walk.check(AuditLog.row(rs, 0));
						}
					}, before, headSeq);
			if (walk.broken == null && walk.lastSeq == before) {
				// Nothing after `before`, though the head names a later row.
				walk.fail(before + 1, Problem.TRUNCATED);
			}
		}
		if (walk.broken == null && !walk.lastHash.equals(headHash)) {
			walk.fail(headSeq, Problem.HEAD_MISMATCH);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		return (walk.broken == null) ? ChainVerification.ok(walk.checked, headSeq, headHash, millis)
				: ChainVerification.broken(walk.checked, headSeq, headHash, walk.broken, walk.problem, millis);
	}

	/** The state of a walk: the last good row, and the first broken one once found. */
	static final class Walk {

		long lastSeq;

		String lastHash = AuditHash.GENESIS;

		long checked;

		Long broken;

		Problem problem;

		void check(AuditRecord row) {
			this.checked++;
			if (row.seq() != this.lastSeq + 1) {
				fail(this.lastSeq + 1, Problem.MISSING_ROW);
			}
			else if (!this.lastHash.equals(row.prevHash())) {
				fail(row.seq(), Problem.BROKEN_LINK);
			}
			else if (!row.hashMatches()) {
				fail(row.seq(), Problem.HASH_MISMATCH);
			}
			else {
				this.lastSeq = row.seq();
				this.lastHash = row.hash();
			}
		}

		void fail(long seq, Problem problem) {
			this.broken = seq;
			this.problem = problem;
		}

	}

}
