package io.evalflow.audit;

import java.io.Serializable;

/**
 * What a walk along the chain found.
 *
 * @param intact whether every row checked out
 * @param checked how many rows were checked (up to and including the broken one)
 * @param headSeq the last seq the head row names
 * @param headHash the hash the head row names: kept somewhere else, it also proves that
 * the chain up to it was not rewritten since
 * @param brokenSeq the first broken row, {@code null} when intact
 * @param problem what is wrong with it, {@code null} when intact
 * @param millis how long the walk took
 */
public record ChainVerification(boolean intact, long checked, long headSeq, String headHash, Long brokenSeq,
		Problem problem, long millis) implements Serializable {

	public enum Problem {

		/** The row's fields no longer give its hash: the row was edited. */
		HASH_MISMATCH,

		/**
		 * The row does not name the previous row's hash: the previous row was rewritten
		 * with a new hash, or this row's link was changed.
		 */
		BROKEN_LINK,

		/** A row is missing: the chain jumps over this seq. */
		MISSING_ROW,

		/** Rows are missing at the end: the chain stops before the head's seq. */
		TRUNCATED,

		/** The last row's hash is not the one the head names. */
		HEAD_MISMATCH

	}

	static ChainVerification ok(long checked, long headSeq, String headHash, long millis) {
		return new ChainVerification(true, checked, headSeq, headHash, null, null, millis);
	}

	static ChainVerification broken(long checked, long headSeq, String headHash, long brokenSeq, Problem problem,
			long millis) {
		return new ChainVerification(false, checked, headSeq, headHash, brokenSeq, problem, millis);
	}

	/** One line for a console or a log. */
	public String line() {
		if (this.intact) {
			return "AUDIT CHAIN OK: %d rows, head %d %s (%d ms)".formatted(this.checked, this.headSeq, this.headHash,
					this.millis);
		}
		return "AUDIT CHAIN BROKEN at row %d: %s (%d rows checked, head %d %s)".formatted(this.brokenSeq, this.problem,
				this.checked, this.headSeq, this.headHash);
	}

}
