package io.evalflow.ranking;

import java.math.BigDecimal;

import io.evalflow.campaign.Aggregation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An application's place in one round: whether its reviews are complete, its aggregate
 * and ranks, whether the rule proposed it and whether the organizer advanced it.
 */
@Entity
@Table(name = "round_result")
public class RoundResult {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long roundId;

	private Long applicationId;

	private Long categoryId;

	private boolean reviewsComplete;

	private int reviewCount;

	private BigDecimal meanTotal;

	private BigDecimal stdDev;

	private Integer rankOverall;

	private Integer rankInCategory;

	private boolean proposed;

	private boolean tiedAtCut;

	private Boolean advanced;

	private BigDecimal trimmedMean;

	private BigDecimal normalisedMean;

	private BigDecimal aggregate;

	private boolean disputed;

	private boolean tieOpen;

	private boolean inUnderMean;

	private boolean inUnderTrimmed;

	private boolean inUnderZscore;

	private boolean nearLine;

	protected RoundResult() {
	}

	RoundResult(Long roundId, Long applicationId, Long categoryId) {
		this.roundId = roundId;
		this.applicationId = applicationId;
		this.categoryId = categoryId;
	}

	void reviewsComplete() {
		this.reviewsComplete = true;
	}

	void reviewsIncomplete() {
		this.reviewsComplete = false;
	}

	/** The figures of application {@code i} of a ranking. */
	void ranked(Ranker.Ranking ranking, int i) {
		Aggregates a = ranking.aggregates();
		this.reviewCount = a.count()[i];
		this.meanTotal = decimal(a.mean()[i]);
		this.trimmedMean = decimal(a.trimmed()[i]);
		this.normalisedMean = decimal(a.normalised()[i]);
		this.stdDev = decimal(a.stdDev()[i]);
		this.aggregate = (ranking.score()[i] != CutRule.NONE) ? BigDecimal.valueOf(ranking.score()[i], 4) : null;
		this.rankOverall = ranking.cut().rankOverall[i];
		this.rankInCategory = ranking.cut().rankInCategory[i];
		this.proposed = ranking.cut().proposed[i];
		this.tiedAtCut = ranking.cut().tied[i];
		this.tieOpen = ranking.cut().tieOpen[i];
		this.disputed = ranking.disputed()[i];
		this.inUnderMean = ranking.proposedUnder(Aggregation.MEAN, i);
		this.inUnderTrimmed = ranking.proposedUnder(Aggregation.TRIMMED_MEAN, i);
		this.inUnderZscore = ranking.proposedUnder(Aggregation.ZSCORE, i);
		this.nearLine = ranking.nearLine()[i];
	}

	private static BigDecimal decimal(double value) {
		long scaled = CutRule.scale(value);
		return (scaled != CutRule.NONE) ? BigDecimal.valueOf(scaled, 4) : null;
	}

	/**
	 * The figures and decision as one canonical line: what the snapshot's hash covers and
	 * what a recomputation must reproduce.
	 */
	String figures() {
		return String.join("|", String.valueOf(this.applicationId), String.valueOf(this.reviewCount),
				plain(this.meanTotal), plain(this.trimmedMean), plain(this.normalisedMean), plain(this.stdDev),
				plain(this.aggregate), String.valueOf(this.rankOverall), String.valueOf(this.rankInCategory),
				String.valueOf(this.proposed), String.valueOf(this.tiedAtCut), String.valueOf(this.tieOpen),
				String.valueOf(this.disputed), String.valueOf(this.inUnderMean), String.valueOf(this.inUnderTrimmed),
				String.valueOf(this.inUnderZscore), String.valueOf(this.nearLine));
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.setScale(4).toPlainString() : "-";
	}

	void decide(boolean advanced) {
		this.advanced = advanced;
	}

	public Long getId() {
		return this.id;
	}

	public Long getRoundId() {
		return this.roundId;
	}

	public Long getApplicationId() {
		return this.applicationId;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public boolean isReviewsComplete() {
		return this.reviewsComplete;
	}

	public int getReviewCount() {
		return this.reviewCount;
	}

	public BigDecimal getMeanTotal() {
		return this.meanTotal;
	}

	public BigDecimal getStdDev() {
		return this.stdDev;
	}

	public Integer getRankOverall() {
		return this.rankOverall;
	}

	public Integer getRankInCategory() {
		return this.rankInCategory;
	}

	public boolean isProposed() {
		return this.proposed;
	}

	public boolean isTiedAtCut() {
		return this.tiedAtCut;
	}

	public Boolean getAdvanced() {
		return this.advanced;
	}

	public BigDecimal getTrimmedMean() {
		return this.trimmedMean;
	}

	public BigDecimal getNormalisedMean() {
		return this.normalisedMean;
	}

	/** The figure ranked on: that of the round's method as applied. */
	public BigDecimal getAggregate() {
		return this.aggregate;
	}

	/** Whether the experts disagree: a standard deviation above the round's threshold. */
	public boolean isDisputed() {
		return this.disputed;
	}

	/** Whether it is in a tie at the line that the tie rule leaves to the organizer. */
	public boolean isTieOpen() {
		return this.tieOpen;
	}

	/** Whether the method would propose it, all else equal. */
	public boolean isProposedUnder(Aggregation method) {
		return switch (method) {
			case MEAN -> this.inUnderMean;
			case TRIMMED_MEAN -> this.inUnderTrimmed;
			case ZSCORE -> this.inUnderZscore;
		};
	}

	/** Whether its aggregate is within one point of its cut line. */
	public boolean isNearLine() {
		return this.nearLine;
	}

}
