package io.evalflow.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.evalflow.shared.DomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A round of review (初审, 复审, 终审): its rubric, experts per application, blindness,
 * advancement rule and, once open, its deadline.
 */
@Entity
@Table(name = "review_round")
public class ReviewRound {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "campaign_id")
	private Campaign campaign;

	private int roundNo;

	private String name;

	private String nameEn;

	@Enumerated(EnumType.STRING)
	private RoundType roundType;

	private int expertsPerApplication;

	private int reviewDays;

	private boolean blind;

	private boolean excludeEarlierExperts;

	@Enumerated(EnumType.STRING)
	private AdvancementRule ruleType;

	@Column(name = "rule_count")
	private Integer ruleCount;

	private java.math.BigDecimal ruleThreshold;

	@Enumerated(EnumType.STRING)
	private Aggregation aggregation;

	private java.math.BigDecimal trimShare;

	private int minReviewsPerExpert;

	private java.math.BigDecimal disagreementThreshold;

	@Enumerated(EnumType.STRING)
	private TieRule tieRule;

	/**
	 * The criteria that break a tie: their positions in the rubric (1 = first), in order.
	 */
	private String tieCriteria;

	@Enumerated(EnumType.STRING)
	private RoundStatus status;

	private Instant deadline;

	private Instant openedAt;

	private Instant rankedAt;

	private Instant cutConfirmedAt;

	private String cutConfirmedBy;

	private String cutNote;

	@OneToMany(mappedBy = "round", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@OrderBy("sortOrder")
	private List<Criterion> criteria = new ArrayList<>();

	@Version
	private long version;

	protected ReviewRound() {
	}

	ReviewRound(Campaign campaign, CampaignDefinition.RoundDefinition definition, int roundNo) {
		this.campaign = campaign;
		this.roundNo = roundNo;
		this.name = definition.name();
		this.nameEn = definition.nameEn();
		this.roundType = definition.type();
		this.expertsPerApplication = definition.expertsPerApplication();
		this.reviewDays = definition.reviewDays();
		this.blind = definition.blind();
		this.excludeEarlierExperts = definition.excludeEarlierExperts();
		this.ruleType = definition.rule();
		this.ruleCount = definition.ruleCount();
		this.ruleThreshold = definition.ruleThreshold();
		this.status = RoundStatus.PENDING;
		int order = 1;
		for (CampaignDefinition.CriterionDefinition c : definition.criteria()) {
			this.criteria.add(new Criterion(this, order++, c.name(), c.nameEn(), c.weight(), c.maxScore()));
		}
		ScoringSettings scoring = definition.scoringOrDefaults();
		this.aggregation = (scoring.aggregation() != null) ? scoring.aggregation() : Aggregation.MEAN;
		this.trimShare = (scoring.trimShare() != null) ? scoring.trimShare() : ScoringSettings.DEFAULT_TRIM_SHARE;
		this.minReviewsPerExpert = (scoring.minReviewsPerExpert() != null) ? scoring.minReviewsPerExpert()
				: ScoringSettings.DEFAULT_MIN_REVIEWS;
		this.disagreementThreshold = (scoring.disagreementThreshold() != null) ? scoring.disagreementThreshold()
				: ScoringSettings.DEFAULT_DISAGREEMENT;
		this.tieRule = (scoring.tieRule() != null) ? scoring.tieRule() : TieRule.defaultFor(this.ruleType);
		List<String> names = definition.criteria().stream().map(CampaignDefinition.CriterionDefinition::name).toList();
		this.tieCriteria = (scoring.tieCriteria() != null) ? scoring.tieCriteria()
			.stream()
			.map(n -> String.valueOf(names.indexOf(n) + 1))
			.collect(java.util.stream.Collectors.joining(",")) : "";
	}

	void open(Instant now) {
		requireStatus(RoundStatus.PENDING);
		this.status = RoundStatus.OPEN;
		this.openedAt = now;
		this.deadline = now.plus(java.time.Duration.ofDays(this.reviewDays))
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
	}

	/**
	 * Moves the round's deadline later; only while its reviews are open.
	 */
	void extendDeadline(Instant deadline) {
		requireStatus(RoundStatus.OPEN);
		if (!deadline.isAfter(this.deadline)) {
			throw new DomainException("round.error.deadlineNotLater", this.name);
		}
		this.deadline = deadline;
	}

	void ranked(Instant now) {
		requireStatus(RoundStatus.OPEN);
		this.status = RoundStatus.RANKED;
		this.rankedAt = now;
	}

	void cutConfirmed(Instant now, String by, String note) {
		requireStatus(RoundStatus.RANKED);
		this.status = RoundStatus.DECIDED;
		this.cutConfirmedAt = now;
		this.cutConfirmedBy = by;
		this.cutNote = note;
	}

	private void requireStatus(RoundStatus expected) {
		if (this.status != expected) {
			throw new DomainException("round.error.wrongStatus", this.name, this.status);
		}
	}

	public boolean isFinalRound() {
		return this.roundNo == this.campaign.getRounds().size();
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaign.getId();
	}

	public int getRoundNo() {
		return this.roundNo;
	}

	public String getName() {
		return this.name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String name(java.util.Locale locale) {
		return ("en".equals(locale.getLanguage()) && this.nameEn != null) ? this.nameEn : this.name;
	}

	public RoundType getRoundType() {
		return this.roundType;
	}

	public int getExpertsPerApplication() {
		return this.expertsPerApplication;
	}

	public int getReviewDays() {
		return this.reviewDays;
	}

	public boolean isBlind() {
		return this.blind;
	}

	/** Whether experts of an earlier round are kept away from the same application. */
	public boolean isExcludeEarlierExperts() {
		return this.excludeEarlierExperts;
	}

	public AdvancementRule getRuleType() {
		return this.ruleType;
	}

	public Integer getRuleCount() {
		return this.ruleCount;
	}

	/** The aggregate that advances under {@link AdvancementRule#SCORE_THRESHOLD}. */
	public java.math.BigDecimal getRuleThreshold() {
		return this.ruleThreshold;
	}

	public Aggregation getAggregation() {
		return this.aggregation;
	}

	public java.math.BigDecimal getTrimShare() {
		return this.trimShare;
	}

	public int getMinReviewsPerExpert() {
		return this.minReviewsPerExpert;
	}

	public java.math.BigDecimal getDisagreementThreshold() {
		return this.disagreementThreshold;
	}

	public TieRule getTieRule() {
		return this.tieRule;
	}

	/** The criteria that break a tie under {@link TieRule#CRITERIA}, in order. */
	public List<Criterion> getTieCriteria() {
		if (this.tieCriteria == null || this.tieCriteria.isBlank()) {
			return List.of();
		}
		List<Criterion> rubric = getCriteria();
		return java.util.Arrays.stream(this.tieCriteria.split(","))
			.map(p -> rubric.get(Integer.parseInt(p.trim()) - 1))
			.toList();
	}

	public RoundStatus getStatus() {
		return this.status;
	}

	public Instant getDeadline() {
		return this.deadline;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getCutConfirmedAt() {
		return this.cutConfirmedAt;
	}

	public String getCutConfirmedBy() {
		return this.cutConfirmedBy;
	}

	public String getCutNote() {
		return this.cutNote;
	}

	public List<Criterion> getCriteria() {
		return List.copyOf(this.criteria);
	}

}
