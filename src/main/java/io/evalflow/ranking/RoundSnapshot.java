package io.evalflow.ranking;

import java.time.Instant;

import io.evalflow.campaign.Aggregation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A round's latest ranking and, once its cut is confirmed, its frozen snapshot: the
 * method asked for and applied, the experts normalised and kept as given, the hash of the
 * reviews ranked and, when frozen, of every application's figures and decision.
 */
@Entity
@Table(name = "round_snapshot")
public class RoundSnapshot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long roundId;

	@Enumerated(EnumType.STRING)
	private Aggregation aggregation;

	@Enumerated(EnumType.STRING)
	private Aggregation applied;

	private int expertsNormalised;

	private int expertsFallback;

	private int reviewCount;

	private int openTies;

	private String inputsHash;

	private String figuresHash;

	private Instant rankedAt;

	private Instant frozenAt;

	private String frozenBy;

	protected RoundSnapshot() {
	}

	RoundSnapshot(Long roundId) {
		this.roundId = roundId;
	}

	void ranked(Aggregation aggregation, Ranker.Ranking ranking, int reviewCount, String inputsHash, Instant now) {
		this.aggregation = aggregation;
		this.applied = ranking.applied();
		this.expertsNormalised = ranking.aggregates().expertsNormalised();
		this.expertsFallback = ranking.aggregates().expertsFallback();
		this.reviewCount = reviewCount;
		this.openTies = ranking.cut().openTies.size();
		this.inputsHash = inputsHash;
		this.rankedAt = now;
	}

	void freeze(String figuresHash, String by, Instant now) {
		this.figuresHash = figuresHash;
		this.frozenBy = by;
		this.frozenAt = now;
	}

	public Long getRoundId() {
		return this.roundId;
	}

	public Aggregation getAggregation() {
		return this.aggregation;
	}

	public Aggregation getApplied() {
		return this.applied;
	}

	/** Whether the z-score was asked for but no expert had enough reviews. */
	public boolean isFellBack() {
		return this.aggregation != this.applied;
	}

	public int getExpertsNormalised() {
		return this.expertsNormalised;
	}

	public int getExpertsFallback() {
		return this.expertsFallback;
	}

	public int getReviewCount() {
		return this.reviewCount;
	}

	public int getOpenTies() {
		return this.openTies;
	}

	public String getInputsHash() {
		return this.inputsHash;
	}

	public String getFiguresHash() {
		return this.figuresHash;
	}

	public Instant getRankedAt() {
		return this.rankedAt;
	}

	public Instant getFrozenAt() {
		return this.frozenAt;
	}

	public String getFrozenBy() {
		return this.frozenBy;
	}

	public boolean isFrozen() {
		return this.frozenAt != null;
	}

}
