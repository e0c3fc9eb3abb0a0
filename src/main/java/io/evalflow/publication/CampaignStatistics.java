package io.evalflow.publication;

import java.util.List;

/**
 * A campaign's figures for the organizers' statistics page, with every label already in
 * the reader's language so the browser only draws.
 *
 * @param byCategory applications received per category
 * @param byUnitType applications received per type of lead unit
 * @param byRegion applications received per region of the lead unit, most first
 * @param rounds per round, the distribution of review totals and each expert's severity
 */
public record CampaignStatistics(Long campaignId, String campaignName, long received, List<Count> byCategory,
		List<Count> byUnitType, List<Count> byRegion, List<RoundFigures> rounds) {

	public record Count(String label, long count) {
	}

	/**
	 * @param maxTotal the rubric's highest total (Σ weights)
	 * @param distribution review totals in ten bins from 0 to {@code maxTotal}
	 * @param severity per expert, the mean of (own total − the other experts' mean for
	 * the same application), most lenient first
	 */
	public record RoundFigures(int roundNo, String name, double maxTotal, long reviews, List<Bin> distribution,
			List<ExpertOffset> severity) {
	}

	public record Bin(double from, double to, long count) {
	}

	public record ExpertOffset(String expert, double offset, int reviews) {
	}

}
