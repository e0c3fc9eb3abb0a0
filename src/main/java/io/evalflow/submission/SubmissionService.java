package io.evalflow.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Role;
import io.evalflow.account.Unit;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Applications from draft to the formal check, and their standing in the rounds.
 * Object-level rules for applicants live here: a unit's account sees the applications its
 * unit leads or joins, and only the lead unit edits.
 */
@Service
@Transactional
public class SubmissionService {

	private static final int LOOKUP_CHUNK = 1000;

	private final ApplicationRepository applications;

	private final AttachmentStorage storage;

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubmissionService(ApplicationRepository applications, AttachmentStorage storage, CampaignService campaigns,
			AccountService accounts, ApplicationEventPublisher events, Clock clock) {
		this.applications = applications;
		this.storage = storage;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	public Application createDraft(CurrentUser applicant, Long campaignId, ApplicationContent content) {
		requireApplicant(applicant);
		Campaign campaign = this.campaigns.get(campaignId);
		requireOpen(campaign, this.clock.instant());
		Application application = new Application(campaignId, applicant.getUnitId(), applicant.getAccountId(), false,
				this.clock.instant());
		application.edit(checked(campaign, content), coApplicantUnits(applicant.getUnitId(), content),
				this.clock.instant());
		return this.applications.save(application);
	}

	/**
	 * A draft made by the demo replay for a synthetic or seeded unit, through the same
	 * checks as any other.
	 */
	public Application createDraftForUnit(Long accountId, Long unitId, Long campaignId, ApplicationContent content,
			boolean synthetic) {
		Campaign campaign = this.campaigns.get(campaignId);
		requireOpen(campaign, this.clock.instant());
		Application application = new Application(campaignId, unitId, accountId, synthetic, this.clock.instant());
		application.edit(checked(campaign, content), coApplicantUnits(unitId, content), this.clock.instant());
		return this.applications.save(application);
	}

	public Application update(CurrentUser applicant, Long applicationId, ApplicationContent content) {
		Application application = editable(applicant, applicationId);
		Campaign campaign = this.campaigns.get(application.getCampaignId());
		requireOpen(campaign, this.clock.instant());
		application.edit(checked(campaign, content), coApplicantUnits(application.getLeadUnitId(), content),
				this.clock.instant());
		return application;
	}

	public Attachment addAttachment(CurrentUser applicant, Long applicationId, String originalName, byte[] content) {
		return attach(editable(applicant, applicationId), originalName, content);
	}

	Attachment attach(Application application, String originalName, byte[] content) {
		requireOpen(this.campaigns.get(application.getCampaignId()), this.clock.instant());
		String name = cleanFileName(originalName);
		AttachmentStorage.StoredFile stored = this.storage.store(content);
		Attachment attachment = application.attach(name, stored.storedName(), stored.mimeType(), stored.size(),
				stored.sha256(), this.clock.instant());
		checkMetadata(attachment, stored.type(), content);
		return attachment;
	}

	/**
	 * Removes the file's document properties into a cleaned copy, if it has any. A file
	 * that cannot be cleaned is kept and marked: blind rounds will withhold it.
	 */
	private void checkMetadata(Attachment attachment, ContentType type, byte[] content) {
		ScrubbedFile result = MetadataScrubber.scrub(type, content);
		String cleanName = (result.status() == MetadataStatus.CLEANED) ? this.storage.storeCopy(result.cleaned(), type)
				: null;
		attachment.metadataChecked(result, cleanName);
	}

	public Attachment addAttachmentForUnit(Long unitId, Long applicationId, String originalName, byte[] content) {
		Application application = get(applicationId);
		if (!application.getLeadUnitId().equals(unitId)) {
			throw new AccessDeniedException("not the lead unit");
		}
		return attach(application, originalName, content);
	}

	public void removeAttachment(CurrentUser applicant, Long applicationId, Long attachmentId) {
		Application application = editable(applicant, applicationId);
		Attachment removed = application.detach(attachmentId, this.clock.instant());
		removed.storedNames().forEach(this.storage::delete);
	}

	/**
	 * Submits before the deadline. The deadline is read inside this transaction, so a
	 * request replayed after it is refused.
	 */
	public Application submit(CurrentUser applicant, Long applicationId) {
		return submitChecked(editable(applicant, applicationId));
	}

	public Application submitForUnit(Long unitId, Long applicationId) {
		Application application = get(applicationId);
		if (!application.getLeadUnitId().equals(unitId)) {
			throw new AccessDeniedException("not the lead unit");
		}
		return submitChecked(application);
	}

	private Application submitChecked(Application application) {
		Campaign campaign = this.campaigns.get(application.getCampaignId());
		Instant now = this.clock.instant();
		requireOpen(campaign, now);
		Category category = campaign.category(application.getCategoryId());
		String referenceNo = "%s-%s-%05d".formatted(campaign.getCode(), category.getCode(), application.getId());
		application.submit(referenceNo, now);
		this.events.publishEvent(new ApplicationSubmitted(application.getId(), campaign.getId(), referenceNo));
		return application;
	}

	public Application withdraw(CurrentUser applicant, Long applicationId) {
		Application application = ownedByLead(applicant, applicationId);
		requireOpen(this.campaigns.get(application.getCampaignId()), this.clock.instant());
		application.withdraw(this.clock.instant());
		this.events.publishEvent(new ApplicationWithdrawn(application.getId(), application.getProcessInstanceId()));
		return application;
	}

	public Application decideEligibility(Long applicationId, boolean eligible, String reason, String actor) {
		Application application = get(applicationId);
		if (this.campaigns.get(application.getCampaignId()).getStatus() != CampaignStatus.CALL_CLOSED) {
			throw new DomainException("formalCheck.error.notNow");
		}
		application.decideEligibility(eligible, reason, this.clock.instant());
		this.events.publishEvent(
				new EligibilityDecided(application.getId(), application.getProcessInstanceId(), eligible, actor));
		return application;
	}

	/** Ends the formal check; refused while any submitted application is unchecked. */
	public void completeFormalCheck(Long campaignId, String actor) {
		long unchecked = this.applications.countByCampaignIdAndStatus(campaignId, ApplicationStatus.SUBMITTED);
		if (unchecked > 0) {
			throw new DomainException("formalCheck.error.unchecked", unchecked);
		}
		this.campaigns.decide(campaignId, PipelineDecision.FORMAL_CHECK, null, actor);
	}

	public void processStarted(Long applicationId, String processInstanceId) {
		get(applicationId).processStarted(processInstanceId);
	}

	public void roundDecided(Long applicationId, int roundNo, boolean advanced, boolean finalRound) {
		get(applicationId).roundDecided(roundNo, advanced, finalRound, this.clock.instant());
	}

	@Transactional(readOnly = true)
	public Application get(Long applicationId) {
		return this.applications.findById(applicationId)
			.orElseThrow(() -> new NotFoundException("application", applicationId));
	}

	/**
	 * The application, if this user may see it as applicant or organizer; experts go
	 * through the review module.
	 */
	@Transactional(readOnly = true)
	public Application visibleTo(CurrentUser user, Long applicationId) {
		Application application = get(applicationId);
		if (user.is(Role.ORGANIZER) || user.is(Role.ADMIN)) {
			return application;
		}
		if (user.is(Role.APPLICANT) && application.unitIds().contains(user.getUnitId())) {
			return application;
		}
		throw new AccessDeniedException("application " + applicationId);
	}

	/**
	 * The application, if this applicant's unit leads it and it is still a draft: what an
	 * edit form may show.
	 */
	@Transactional(readOnly = true)
	public Application editableBy(CurrentUser applicant, Long applicationId) {
		return editable(applicant, applicationId);
	}

	/**
	 * The applications with these ids, by id; unknown ids are left out. Loaded in chunks:
	 * a ranking screen asks for a whole round at once.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Application> byIds(Collection<Long> applicationIds) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(applicationIds));
		Map<Long, Application> byId = new HashMap<>();
		for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
			for (Application application : this.applications
				.findAllById(ids.subList(from, Math.min(from + LOOKUP_CHUNK, ids.size())))) {
				byId.put(application.getId(), application);
			}
		}
		return byId;
	}

	/** The submitted application with this reference number, if any. */
	@Transactional(readOnly = true)
	public Optional<Application> byReferenceNo(String referenceNo) {
		return this.applications.findByReferenceNo(referenceNo);
	}

	@Transactional(readOnly = true)
	public List<Application> forUnit(Long unitId) {
		return this.applications.findForUnit(unitId);
	}

	@Transactional(readOnly = true)
	public List<Application> inCampaign(Long campaignId) {
		return this.applications.findByCampaignIdOrderById(campaignId);
	}

	@Transactional(readOnly = true)
	public List<Application> withStatus(Long campaignId, ApplicationStatus status) {
		return this.applications.findByCampaignIdAndStatusOrderById(campaignId, status);
	}

	/** The applications taking part in the given round. */
	@Transactional(readOnly = true)
	public List<Application> inRound(Long campaignId, int roundNo) {
		return this.applications.findByCampaignIdAndStatusAndRoundNoOrderById(campaignId, ApplicationStatus.IN_REVIEW,
				roundNo);
	}

	/** The process instance of each application, by application id. */
	@Transactional(readOnly = true)
	public Map<Long, String> processInstanceIds(Collection<Long> applicationIds) {
		Map<Long, String> ids = new HashMap<>();
		this.applications.findAllById(applicationIds).forEach(a -> ids.put(a.getId(), a.getProcessInstanceId()));
		return ids;
	}

	@Transactional(readOnly = true)
	public List<Application> outcomes(Long campaignId) {
		return this.applications.findByCampaignIdAndStatusInOrderById(campaignId,
				List.of(ApplicationStatus.WINNER, ApplicationStatus.FINALIST));
	}

	/** Counts per status and category: the organizer's dashboard. */
	@Transactional(readOnly = true)
	public List<StageCount> stageCounts(Long campaignId) {
		List<StageCount> counts = new ArrayList<>();
		for (Object[] row : this.applications.countByStage(campaignId)) {
			counts.add(new StageCount((ApplicationStatus) row[0], (Long) row[1], (Integer) row[2],
					((Number) row[3]).longValue()));
		}
		return counts;
	}

	@Transactional(readOnly = true)
	public Map<ApplicationStatus, Long> statusTotals(Long campaignId) {
		Map<ApplicationStatus, Long> totals = new EnumMap<>(ApplicationStatus.class);
		for (StageCount c : stageCounts(campaignId)) {
			totals.merge(c.status(), c.count(), Long::sum);
		}
		return totals;
	}

	@Transactional(readOnly = true)
	public Resource download(Application application, Long attachmentId) {
		return this.storage.load(application.attachment(attachmentId).getStoredName());
	}

	/**
	 * The file a blind round's expert may be given: the copy without document properties,
	 * or the upload itself when it had none. Refused for a file whose properties could
	 * not be removed. A file uploaded before uploads were checked is checked now, once.
	 */
	public AttachmentFile fileForBlindRound(Application application, Long attachmentId) {
		// Loaded again in this transaction: a late check is stored with the attachment.
		Attachment attachment = get(application.getId()).attachment(attachmentId);
		if (attachment.getMetadataStatus() == MetadataStatus.UNCHECKED) {
			checkMetadata(attachment, ContentType.ofMimeType(attachment.getContentType()),
					this.storage.read(attachment.getStoredName()));
		}
		return switch (attachment.getMetadataStatus()) {
			case CLEANED -> new AttachmentFile(this.storage.load(attachment.getCleanStoredName()),
					attachment.getCleanSizeBytes(), attachment.getContentType());
			case NONE -> originalFile(attachment);
			case FAILED, UNCHECKED -> throw new DomainException("attachment.error.withheld");
		};
	}

	/** The file as uploaded, for its applicant, organizers and open rounds' experts. */
	@Transactional(readOnly = true)
	public AttachmentFile originalFile(Application application, Long attachmentId) {
		return originalFile(application.attachment(attachmentId));
	}

	private AttachmentFile originalFile(Attachment attachment) {
		return new AttachmentFile(this.storage.load(attachment.getStoredName()), attachment.getSizeBytes(),
				attachment.getContentType());
	}

	private Application editable(CurrentUser applicant, Long applicationId) {
		Application application = ownedByLead(applicant, applicationId);
		if (!application.isEditable()) {
			throw new DomainException("application.error.notEditable");
		}
		return application;
	}

	private Application ownedByLead(CurrentUser applicant, Long applicationId) {
		requireApplicant(applicant);
		Application application = get(applicationId);
		if (!application.getLeadUnitId().equals(applicant.getUnitId())) {
			throw new AccessDeniedException("application " + applicationId);
		}
		return application;
	}

	private static void requireApplicant(CurrentUser user) {
		if (!user.is(Role.APPLICANT) || user.getUnitId() == null) {
			throw new AccessDeniedException("applicants only");
		}
	}

	private static void requireOpen(Campaign campaign, Instant now) {
		if (!campaign.acceptsSubmissionsAt(now)) {
			throw new DomainException("application.error.callClosed");
		}
	}

	private ApplicationContent checked(Campaign campaign, ApplicationContent content) {
		if (content.categoryId() == null) {
			throw new DomainException("application.error.category");
		}
		campaign.category(content.categoryId());
		if (!StringUtils.hasText(content.title()) || content.title().trim().length() > ApplicationContent.TITLE_MAX) {
			throw new DomainException("application.error.title", ApplicationContent.TITLE_MAX);
		}
		for (String section : List.of(nz(content.summary()), nz(content.background()), nz(content.practice()),
				nz(content.innovation()), nz(content.results()))) {
			if (section.length() > ApplicationContent.SECTION_MAX) {
				throw new DomainException("application.error.sectionTooLong", ApplicationContent.SECTION_MAX);
			}
		}
		return content;
	}

	private List<Long> coApplicantUnits(Long leadUnitId, ApplicationContent content) {
		Set<Long> ids = new LinkedHashSet<>();
		if (content.coApplicantUnits() != null) {
			for (String name : content.coApplicantUnits()) {
				if (!StringUtils.hasText(name)) {
					continue;
				}
				if (name.trim().length() > 200) {
					throw new DomainException("application.error.coUnitName");
				}
				Unit unit = this.accounts.findOrCreateUnit(name, UnitType.STATE_ORGAN, null);
				if (!unit.getId().equals(leadUnitId)) {
					ids.add(unit.getId());
				}
			}
		}
		return new ArrayList<>(ids);
	}

	private static String nz(String s) {
		return (s != null) ? s : "";
	}

	private static String cleanFileName(String originalName) {
		String name = (originalName != null) ? originalName.replace('\\', '/') : "";
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
		if (name.isEmpty()) {
			name = "attachment";
		}
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	public record StageCount(ApplicationStatus status, Long categoryId, int roundNo, long count) {
	}

}
