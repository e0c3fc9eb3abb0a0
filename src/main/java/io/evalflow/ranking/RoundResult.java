package io.evalflow.ranking;

import java.math.BigDecimal;

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

	void ranked(Ranker.Ranked ranked) {
		this.reviewCount = ranked.reviewCount();
		this.meanTotal = ranked.mean();
		this.stdDev = ranked.stdDev();
		this.rankOverall = ranked.rankOverall();
		this.rankInCategory = ranked.rankInCategory();
		this.proposed = ranked.proposed();
		this.tiedAtCut = ranked.tiedAtCut();
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

}
