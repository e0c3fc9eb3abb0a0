package io.evalflow.campaign;

/**
 * How a round turns the weighted totals of an application's reviews into one figure.
 */
public enum Aggregation {

	/** The plain mean of the totals. */
	MEAN,
	/**
	 * The mean once the round's trim share of the lowest and highest totals is dropped.
	 */
	TRIMMED_MEAN,
	/**
	 * Each expert's totals standardised against that expert's own mean and spread, mapped
	 * back onto the round's scale, then averaged: corrects harsh and lenient experts.
	 * Experts with too few reviews keep their totals as given.
	 */
	ZSCORE

}
