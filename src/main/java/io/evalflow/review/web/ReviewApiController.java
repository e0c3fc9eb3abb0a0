package io.evalflow.review.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Unit;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Redaction;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.shared.TransientConflicts;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Experts and reviews for automation: the organizer's expert pool and the rounds'
 * assignments and progress; the expert's inbox, reading and scoring. An expert reaches
 * only their own reviews ({@link ReviewService#ownReview}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Experts and reviews", description = "The expert pool, assignments, progress, and the experts' reviews")
class ReviewApiController {

	private static final String ORGANIZER = "hasRole('ORGANIZER') or hasRole('ADMIN')";

	private static final String EXPERT = "hasRole('EXPERT')";

	private final ExpertService experts;

	private final ReviewService reviews;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final TransientConflicts conflicts;

	private final ExpertReading reading;

	ReviewApiController(ExpertService experts, ReviewService reviews, CampaignService campaigns,
			SubmissionService submissions, AccountService accounts, TransientConflicts conflicts,
			ExpertReading reading) {
		this.experts = experts;
		this.reviews = reviews;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.conflicts = conflicts;
		this.reading = reading;
	}

	@GetMapping("/experts")
	@PreAuthorize(ORGANIZER)
	@Operation(summary = "The expert pool")
	List<ExpertView> experts() {
		return views(this.experts.pool());
	}

	@PostMapping("/experts")
	@PreAuthorize(ORGANIZER)
	@ApiResponse(responseCode = "201", description = "Added")
	@Operation(summary = "Add an expert to the pool, with their sign-in account",
			description = "An expert without category codes covers every category.")
	ResponseEntity<ExpertView> createExpert(@Valid @RequestBody ExpertBody body) {
		Expert expert = this.experts.create(body.toRequest());
		return ResponseEntity.created(URI.create("/api/v1/experts/" + expert.getId()))
			.body(views(List.of(expert)).get(0));
	}

	@PutMapping("/experts/{id}/active")
	@PreAuthorize(ORGANIZER)
	@Operation(summary = "Take an expert into or out of the pool",
			description = "Rounds started afterwards draw only from active experts; assigned reviews stay.")
	ExpertView setActive(@PathVariable Long id, @Valid @RequestBody ExpertActiveBody body) {
		return views(List.of(this.experts.setActive(id, body.active()))).get(0);
	}

	@GetMapping("/rounds/{roundId}/assignments")
	@PreAuthorize(ORGANIZER)
	@Operation(summary = "A round's assignments: which expert reviews which application, and how far they are")
	List<AssignmentView> assignments(@PathVariable Long roundId) {
		this.campaigns.round(roundId);
		return this.reviews.reviewsOfRound(roundId).stream().map(AssignmentView::of).toList();
	}

	@GetMapping("/rounds/{roundId}/progress")
	@PreAuthorize(ORGANIZER)
	@Operation(summary = "A round's progress: reviews per status, and per expert")
	RoundProgressView progress(@PathVariable Long roundId) {
		ReviewRound round = this.campaigns.round(roundId);
		return RoundProgressView.of(round, this.reviews.progress(roundId), this.reviews.progressPerExpert(roundId));
	}

	@GetMapping("/reviews")
	@PreAuthorize(EXPERT)
	@Operation(summary = "The caller's open reviews, earliest deadline first",
			description = "A page of at most " + ReviewService.INBOX_PAGE_SIZE
					+ " reviews; the next page is asked for with page=1, 2, …; an empty list ends it.")
	List<InboxEntryView> inbox(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page) {
		List<ReviewService.InboxItem> items = this.reviews.inbox(user, page).items();
		Map<Long, Redaction> redactions = this.reading.redactions(
				items.stream().filter(i -> i.round().isBlind()).map(ReviewService.InboxItem::application).toList());
		return items.stream()
			.map(i -> InboxEntryView.of(i,
					redactions.getOrDefault(i.application().getId(), Redaction.none())
						.apply(i.application().getTitle())))
			.toList();
	}

	@GetMapping("/reviews/{id}")
	@PreAuthorize(EXPERT)
	@Operation(summary = "One of the caller's reviews, with the application and the round's rubric",
			description = "In blind rounds the applicant units and the attachments' names are withheld, and the "
					+ "applicants' names in the title and sections are replaced by a placeholder.")
	ReviewView review(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user) {
		return view(this.reviews.ownReview(user, id));
	}

	@PutMapping("/reviews/{id}/draft")
	@PreAuthorize(EXPERT)
	@Operation(summary = "Save scores and comment as a draft", description = "Scores are keyed by criterion id.")
	ReviewView saveDraft(@PathVariable Long id, @Valid @RequestBody ScoresBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return view(this.conflicts.retry(() -> this.reviews.saveDraft(user, id, body.scores(), body.comment())));
	}

	@PostMapping("/reviews/{id}/submit")
	@PreAuthorize(EXPERT)
	@Operation(summary = "Submit the review before the round's deadline; it is then locked",
			description = "Every criterion of the rubric needs a score between 0 and its maximum. "
					+ "A conflict with other experts' submissions is retried on the server; "
					+ "503 means it kept losing and nothing was changed: send the request again.")
	ReviewView submit(@PathVariable Long id, @Valid @RequestBody ScoresBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return view(this.conflicts.retry(() -> this.reviews.submit(user, id, body.scores(), body.comment())));
	}

	@GetMapping("/reviews/{id}/attachments/{attachmentId}")
	@PreAuthorize(EXPERT)
	@Operation(summary = "Download an attachment of the reviewed application",
			description = "In blind rounds the file is named by its place in the application, not by the name the "
					+ "applicant gave, and comes without its document properties (author, company, XMP, EXIF); "
					+ "a file whose properties could not be removed is refused (422).")
	ResponseEntity<Resource> download(@PathVariable Long id, @PathVariable Long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		return this.reading.attachment(this.reviews.ownReview(user, id), attachmentId);
	}

	private ReviewView view(Review review) {
		ReviewRound round = this.campaigns.round(review.getRoundId());
		Application application = this.submissions.get(review.getApplicationId());
		Map<Long, Unit> units = round.isBlind() ? Map.of() : this.accounts.units(application.unitIds());
		return ReviewView.of(review, round, application, units, this.reading.redaction(round, application));
	}

	private List<ExpertView> views(List<Expert> pool) {
		Map<Long, String> usernames = this.accounts.accountsById(pool.stream().map(Expert::getAccountId).toList())
			.values()
			.stream()
			.collect(Collectors.toMap(a -> a.getId(), a -> a.getUsername()));
		Map<Long, Unit> units = this.accounts.units(pool.stream().map(Expert::getUnitId).distinct().toList());
		return pool.stream()
			.map(e -> ExpertView.of(e, usernames.get(e.getAccountId()), units.get(e.getUnitId())))
			.toList();
	}

}
