package io.evalflow.review.web;

import java.time.Instant;
import java.util.List;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.DeadlineExtension;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertService;
import io.evalflow.review.ReviewDeadlines;
import io.evalflow.review.ReviewStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's deadlines for automation: the overdue reviews and the extensions.
 */
@RestController
@RequestMapping("/api/v1/rounds/{roundId}")
@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
@Tag(name = "Deadlines", description = "Overdue reviews, and extensions for one expert or a whole round")
class DeadlineApiController {

	static final int MAX_LIMIT = 1000;

	private final CampaignService campaigns;

	private final ReviewDeadlines deadlines;

	private final ExpertService experts;

	DeadlineApiController(CampaignService campaigns, ReviewDeadlines deadlines, ExpertService experts) {
		this.campaigns = campaigns;
		this.deadlines = deadlines;
		this.experts = experts;
	}

	@GetMapping("/overdue")
	@Operation(summary = "The round's open reviews past their due date",
			description = "Longest overdue first, at most `limit` of them (1000 at most); `total` counts them all.")
	OverdueListView overdue(@PathVariable Long roundId, @RequestParam(defaultValue = "200") int limit) {
		ReviewRound round = this.campaigns.round(roundId);
		ReviewDeadlines.OverdueList list = this.deadlines.overdue(round.getId(),
				Math.max(1, Math.min(limit, MAX_LIMIT)));
		return new OverdueListView(round.getId(), list.now(), list.total(),
				list.reviews().stream().map(OverdueView::of).toList());
	}

	@GetMapping("/extensions")
	@Operation(summary = "The extensions granted in the round, latest first")
	List<ExtensionView> extensions(@PathVariable Long roundId) {
		return this.deadlines.extensions(this.campaigns.round(roundId).getId())
			.stream()
			.map(ExtensionView::of)
			.toList();
	}

	@PostMapping("/extensions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Extend one expert's open reviews, or the whole round",
			description = "With `expertId`: all that expert's open reviews in the round are due at `dueAt`, which "
					+ "must be later than now and than each of their current due dates; the round waits for them. "
					+ "Without it: the round's deadline moves to `dueAt`, and every open review due earlier with it. "
					+ "A reason is required. Refused with 422 when the round is not waiting for reviews.")
	ExtensionView extend(@PathVariable Long roundId, @RequestBody ExtensionBody body,
			@AuthenticationPrincipal CurrentUser user) {
		ReviewRound round = this.campaigns.round(roundId);
		DeadlineExtension extension = (body.expertId() != null)
				? this.deadlines.extendForExpert(round.getId(), body.expertId(), body.dueAt(), body.reason(),
						user.getUsername())
				: this.deadlines.extendRound(round.getId(), body.dueAt(), body.reason(), user.getUsername());
		Expert expert = (extension.getExpertId() != null) ? this.experts.get(extension.getExpertId()) : null;
		return ExtensionView.of(new ReviewDeadlines.GrantedExtension(extension, expert));
	}

	record OverdueListView(Long roundId, Instant now, long total, List<OverdueView> reviews) {
	}

	record OverdueView(Long reviewId, Long expertId, String expertName, Long applicationId, String referenceNo,
			ReviewStatus status, Instant dueAt, long daysOverdue) {

		static OverdueView of(ReviewDeadlines.OverdueReview r) {
			return new OverdueView(r.reviewId(), r.expert().getId(), r.expert().getName(), r.application().getId(),
					r.application().getReferenceNo(), r.status(), r.dueAt(), r.daysOverdue());
		}

	}

	record ExtensionView(Long id, Long roundId, boolean wholeRound, Long expertId, String expertName, Instant dueAt,
			Instant previousDue, int reviewCount, String reason, String extendedBy, Instant extendedAt) {

		static ExtensionView of(ReviewDeadlines.GrantedExtension granted) {
			DeadlineExtension e = granted.extension();
			Expert expert = granted.expert();
			return new ExtensionView(e.getId(), e.getRoundId(), e.isWholeRound(), e.getExpertId(),
					(expert != null) ? expert.getName() : null, e.getDueAt(), e.getPreviousDue(), e.getReviewCount(),
					e.getReason(), e.getExtendedBy(), e.getExtendedAt());
		}

	}

}
