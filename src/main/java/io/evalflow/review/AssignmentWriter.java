package io.evalflow.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a drawn assignment as proposed reviews: batched inserts, each chunk of
 * applications in its own short transaction, so a national round never becomes one giant
 * transaction and a crash loses only the chunk in flight (the draw is replayed from its
 * seed and the chunks already written are skipped).
 */
@Component
class AssignmentWriter {

	private static final String INSERT = "INSERT INTO review (round_id, application_id, expert_id, status, assigned_at, version) "
			+ "VALUES (?, ?, ?, 'PROPOSED', ?, 0)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate chunkTransaction;

	AssignmentWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.chunkTransaction = new TransactionTemplate(transactions);
		this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param assignments expert ids per application id
	 * @param written applications whose places are already in the table (a resumed write)
	 * @param chunkSize applications per transaction
	 * @return the number of reviews written
	 */
	int write(Long roundId, Map<Long, List<Long>> assignments, java.util.Set<Long> written, int chunkSize,
			Instant now) {
		Timestamp at = Timestamp.from(now);
		List<Object[]> rows = new ArrayList<>();
		int applications = 0;
		int total = 0;
		for (Map.Entry<Long, List<Long>> entry : assignments.entrySet()) {
			if (written.contains(entry.getKey())) {
				continue;
			}
			for (Long expertId : entry.getValue()) {
				rows.add(new Object[] { roundId, entry.getKey(), expertId, at });
			}
			if (++applications == chunkSize) {
				total += flush(rows);
				applications = 0;
			}
		}
		return total + flush(rows);
	}

	/** Runs a piece of work in its own transaction, committed on return. */
	void inOwnTransaction(Runnable work) {
		this.chunkTransaction.executeWithoutResult(status -> work.run());
	}

	private int flush(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		List<Object[]> chunk = new ArrayList<>(rows);
		rows.clear();
		this.chunkTransaction.executeWithoutResult(status -> this.jdbc.batchUpdate(INSERT, chunk));
		return chunk.size();
	}

}
