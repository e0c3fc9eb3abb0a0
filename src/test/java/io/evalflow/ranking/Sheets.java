package io.evalflow.ranking;

/** Score sheets for the hand-computed tests: reviews as (application, expert, total). */
final class Sheets {

	private Sheets() {
	}

	/** {@code reviews}: triples of application index, expert index, total. */
	static ScoreSheet of(int applications, int experts, double... reviews) {
		int n = reviews.length / 3;
		int[] application = new int[n];
		int[] expert = new int[n];
		double[] total = new double[n];
		for (int i = 0; i < n; i++) {
			application[i] = (int) reviews[3 * i];
			expert[i] = (int) reviews[3 * i + 1];
			total[i] = reviews[3 * i + 2];
		}
		return new ScoreSheet(applications, experts, application, expert, total);
	}

	static long[] points(double... values) {
		long[] scaled = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			scaled[i] = CutRule.scale(values[i]);
		}
		return scaled;
	}

	static long[] ids(int n) {
		long[] ids = new long[n];
		for (int i = 0; i < n; i++) {
			ids[i] = 100 + i;
		}
		return ids;
	}

}
