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
		this.status = RoundStatus.PENDING;
		int order = 1;
		for (CampaignDefinition.CriterionDefinition c : definition.criteria()) {
			this.criteria.add(new Criterion(this, order++, c.name(), c.nameEn(), c.weight(), c.maxScore()));
		}
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
