package io.evalflow.ranking;

/**
 * A round's figures per application (index as in the {@link ScoreSheet}): how many
 * reviews, the plain mean, the trimmed mean, the normalised mean and the standard
 * deviation of the totals ({@code NaN} where there is no review); and how many experts
 * were normalised and how many kept their totals as given for having too few reviews (or
 * no spread).
 */
public record Aggregates(int[] count, double[] mean, double[] trimmed, double[] normalised, double[] stdDev,
		int expertsNormalised, int expertsFallback) {

	/** The figure of an aggregation method. */
	public double[] of(io.evalflow.campaign.Aggregation method) {
		return switch (method) {
			case MEAN -> this.mean;
			case TRIMMED_MEAN -> this.trimmed;
			case ZSCORE -> this.normalised;
		};
	}

	/**
	 * Whether no expert could be normalised, so the normalised mean is the plain mean.
	 */
	public boolean normalisationFellBack() {
		return this.expertsNormalised == 0;
	}

}
