package io.evalflow.ranking;

/**
 * A round's submitted reviews as primitive columns, so a million of them aggregate in
 * well under a second: review {@code i} is expert {@code expert[i]}'s weighted total
 * {@code total[i]} for application {@code application[i]}, both as dense indices
 * ({@code 0..applications-1}, {@code 0..experts-1}). The order of the reviews is the
 * order of summation, so the same sheet always gives the same figures to the last bit.
 */
public record ScoreSheet(int applications, int experts, int[] application, int[] expert, double[] total) {

	public ScoreSheet {
		if (application.length != expert.length || expert.length != total.length) {
			throw new IllegalArgumentException("columns of different lengths");
		}
	}

	public int size() {
		return this.total.length;
	}

}
