package io.evalflow.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.evalflow.shared.DomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A campaign (评选活动) and its life cycle. State changes check their own preconditions.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private String organizer;

	private String description;

	@Enumerated(EnumType.STRING)
	private CampaignStatus status;

	private Instant submissionDeadline;

	private boolean unrankedListing;

	private boolean regionConflict;

	private String processInstanceId;

	private Instant publishedAt;

	private Instant createdAt;

	// Categories, rounds and rubrics are a handful of rows that every screen needs:
	// loaded with the campaign.
	@OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@OrderBy("sortOrder")
	private List<Category> categories = new ArrayList<>();

	@OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@OrderBy("roundNo")
	private List<ReviewRound> rounds = new ArrayList<>();

	@Version
	private long version;

	protected Campaign() {
	}

	Campaign(CampaignDefinition definition, Instant now) {
		this.code = definition.code();
		this.name = definition.name();
		this.organizer = definition.organizer();
		this.description = definition.description();
		// Deadlines are kept to the second: the engine's timers on MySQL 5.5-era schemas
		// are no finer.
		this.submissionDeadline = definition.submissionDeadline().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		this.unrankedListing = definition.unrankedListing();
		this.regionConflict = definition.regionConflict();
		this.status = CampaignStatus.DRAFT;
		this.createdAt = now;
		int order = 1;
		for (CampaignDefinition.CategoryDefinition c : definition.categories()) {
			this.categories.add(new Category(this, c.code(), c.name(), c.nameEn(), c.quota(), order++));
		}
		int roundNo = 1;
		for (CampaignDefinition.RoundDefinition r : definition.rounds()) {
			this.rounds.add(new ReviewRound(this, r, roundNo++));
		}
	}

	void processStarted(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void openCall() {
		requireStatus(CampaignStatus.DRAFT);
		this.status = CampaignStatus.CALL_OPEN;
	}

	void closeCall() {
		requireStatus(CampaignStatus.CALL_OPEN);
		this.status = CampaignStatus.CALL_CLOSED;
	}

	void startReview() {
		requireStatus(CampaignStatus.CALL_CLOSED);
		this.status = CampaignStatus.IN_REVIEW;
	}

	void publish(Instant now) {
		requireStatus(CampaignStatus.IN_REVIEW);
		this.status = CampaignStatus.PUBLISHED;
		this.publishedAt = now;
	}

	/**
	 * Whether an application may be submitted or withdrawn at this instant. Checked
	 * inside the submitting transaction, so a request replayed after the deadline is
	 * refused.
	 */
	public boolean acceptsSubmissionsAt(Instant now) {
		return this.status == CampaignStatus.CALL_OPEN && now.isBefore(this.submissionDeadline);
	}

	private void requireStatus(CampaignStatus expected) {
		if (this.status != expected) {
			throw new DomainException("campaign.error.wrongStatus", this.name, this.status);
		}
	}

	public ReviewRound round(int roundNo) {
		return this.rounds.stream()
			.filter(r -> r.getRoundNo() == roundNo)
			.findFirst()
			.orElseThrow(() -> new DomainException("round.error.unknown", roundNo));
	}

	public Category category(Long categoryId) {
		return this.categories.stream()
			.filter(c -> c.getId().equals(categoryId))
			.findFirst()
			.orElseThrow(() -> new DomainException("category.error.unknown", categoryId));
	}

	public boolean isPublished() {
		return this.status == CampaignStatus.PUBLISHED;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getOrganizer() {
		return this.organizer;
	}

	public String getDescription() {
		return this.description;
	}

	public CampaignStatus getStatus() {
		return this.status;
	}

	public Instant getSubmissionDeadline() {
		return this.submissionDeadline;
	}

	public boolean isUnrankedListing() {
		return this.unrankedListing;
	}

	/** Whether an expert from an applicant unit's region is in conflict. */
	public boolean isRegionConflict() {
		return this.regionConflict;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public List<Category> getCategories() {
		return List.copyOf(this.categories);
	}

	public List<ReviewRound> getRounds() {
		return List.copyOf(this.rounds);
	}

}
