package io.evalflow.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.evalflow.shared.DomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * An application (申报材料 / 案例) of a lead unit, possibly with co-applicant units, in one
 * category of a campaign. Owns its status changes from draft to its outcome.
 */
@Entity
@Table(name = "application")
public class Application {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long campaignId;

	private Long categoryId;

	private String referenceNo;

	private String title;

	private Long leadUnitId;

	private Long createdBy;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "application_co_unit", joinColumns = @JoinColumn(name = "application_id"))
	@OrderColumn(name = "sort_order")
	@Column(name = "unit_id")
	private List<Long> coApplicantUnitIds = new ArrayList<>();

	private String summary;

	private String background;

	private String practice;

	private String innovation;

	private String results;

	@Enumerated(EnumType.STRING)
	private ApplicationStatus status;

	private String ineligibleReason;

	/** The last round this application took part in; 0 before the first. */
	private int roundNo;

	private boolean synthetic;

	private String processInstanceId;

	private Instant submittedAt;

	private Instant withdrawnAt;

	private Instant createdAt;

	private Instant updatedAt;

	@OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@OrderBy("id")
	private List<Attachment> attachments = new ArrayList<>();

	@Version
	private long version;

	protected Application() {
	}

	Application(Long campaignId, Long leadUnitId, Long createdBy, boolean synthetic, Instant now) {
		this.campaignId = campaignId;
		this.leadUnitId = leadUnitId;
		this.createdBy = createdBy;
		this.synthetic = synthetic;
		this.status = ApplicationStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void edit(ApplicationContent content, List<Long> coApplicantUnitIds, Instant now) {
		requireStatus(ApplicationStatus.DRAFT);
		this.categoryId = content.categoryId();
		this.title = content.title().trim();
		this.coApplicantUnitIds.clear();
		this.coApplicantUnitIds.addAll(coApplicantUnitIds);
		this.summary = content.summary();
		this.background = content.background();
		this.practice = content.practice();
		this.innovation = content.innovation();
		this.results = content.results();
		this.updatedAt = now;
	}

	Attachment attach(String originalName, String storedName, String contentType, long size, String sha256,
			Instant now) {
		requireStatus(ApplicationStatus.DRAFT);
		Attachment attachment = new Attachment(this, originalName, storedName, contentType, size, sha256, now);
		this.attachments.add(attachment);
		this.updatedAt = now;
		return attachment;
	}

	Attachment detach(Long attachmentId, Instant now) {
		requireStatus(ApplicationStatus.DRAFT);
		Attachment attachment = attachment(attachmentId);
		this.attachments.remove(attachment);
		this.updatedAt = now;
		return attachment;
	}

	void submit(String referenceNo, Instant now) {
		requireStatus(ApplicationStatus.DRAFT);
		if (this.attachments.isEmpty()) {
			throw new DomainException("application.error.noAttachment");
		}
		if (isBlank(this.summary) || isBlank(this.background) || isBlank(this.practice) || isBlank(this.innovation)
				|| isBlank(this.results)) {
			throw new DomainException("application.error.sectionsMissing");
		}
		this.status = ApplicationStatus.SUBMITTED;
		this.referenceNo = referenceNo;
		this.submittedAt = now;
		this.updatedAt = now;
	}

	void withdraw(Instant now) {
		requireStatus(ApplicationStatus.SUBMITTED);
		this.status = ApplicationStatus.WITHDRAWN;
		this.withdrawnAt = now;
		this.updatedAt = now;
	}

	void decideEligibility(boolean eligible, String reason, Instant now) {
		requireStatus(ApplicationStatus.SUBMITTED);
		if (eligible) {
			this.status = ApplicationStatus.IN_REVIEW;
			this.roundNo = 1;
			this.ineligibleReason = null;
		}
		else {
			if (isBlank(reason)) {
				throw new DomainException("application.error.reasonRequired");
			}
			this.status = ApplicationStatus.INELIGIBLE;
			this.ineligibleReason = reason.trim();
		}
		this.updatedAt = now;
	}

	/**
	 * Records the round's decision. Idempotent: the engine may run the cut's service task
	 * again.
	 */
	void roundDecided(int decidedRoundNo, boolean advanced, boolean finalRound, Instant now) {
		if (this.status != ApplicationStatus.IN_REVIEW || this.roundNo != decidedRoundNo) {
			return;
		}
		if (finalRound) {
			this.status = advanced ? ApplicationStatus.WINNER : ApplicationStatus.FINALIST;
		}
		else if (advanced) {
			this.roundNo = decidedRoundNo + 1;
		}
		else {
			this.status = ApplicationStatus.NOT_ADVANCED;
		}
		this.updatedAt = now;
	}

	void processStarted(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	private void requireStatus(ApplicationStatus expected) {
		if (this.status != expected) {
			throw new DomainException("application.error.wrongStatus", this.status);
		}
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	public Attachment attachment(Long attachmentId) {
		return this.attachments.stream()
			.filter(a -> a.getId().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new io.evalflow.shared.NotFoundException("attachment", attachmentId));
	}

	/**
	 * The lead unit and the co-applicant units: the units this application speaks for.
	 */
	public List<Long> unitIds() {
		List<Long> ids = new ArrayList<>();
		ids.add(this.leadUnitId);
		ids.addAll(this.coApplicantUnitIds);
		return ids;
	}

	public boolean isEditable() {
		return this.status == ApplicationStatus.DRAFT;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public String getReferenceNo() {
		return this.referenceNo;
	}

	public String getTitle() {
		return this.title;
	}

	public Long getLeadUnitId() {
		return this.leadUnitId;
	}

	public Long getCreatedBy() {
		return this.createdBy;
	}

	public List<Long> getCoApplicantUnitIds() {
		return List.copyOf(this.coApplicantUnitIds);
	}

	public String getSummary() {
		return this.summary;
	}

	public String getBackground() {
		return this.background;
	}

	public String getPractice() {
		return this.practice;
	}

	public String getInnovation() {
		return this.innovation;
	}

	public String getResults() {
		return this.results;
	}

	public ApplicationStatus getStatus() {
		return this.status;
	}

	public String getIneligibleReason() {
		return this.ineligibleReason;
	}

	public int getRoundNo() {
		return this.roundNo;
	}

	public boolean isSynthetic() {
		return this.synthetic;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getWithdrawnAt() {
		return this.withdrawnAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/**
	 * The attachments whose document properties could not be removed: a blind round's
	 * experts do not get them until the applicant replaces them.
	 */
	public List<Attachment> attachmentsWithheldInBlindRounds() {
		return this.attachments.stream().filter(a -> a.getMetadataStatus().withheldInBlindRounds()).toList();
	}

	public List<Attachment> getAttachments() {
		return List.copyOf(this.attachments);
	}

}
