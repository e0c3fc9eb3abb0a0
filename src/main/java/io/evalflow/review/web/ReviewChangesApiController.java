package io.evalflow.review.web;

import java.util.List;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;
import io.evalflow.review.ReopenService;
import io.evalflow.review.ReplacementService;
import io.evalflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviews changing hands for automation: an expert declines a review or declares a
 * conflict of interest and another takes the place; the organizer fills a place nobody
 * could take, and reopens a submitted review.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Experts and reviews")
class ReviewChangesApiController {

	private static final String ORGANIZER = "hasRole('ORGANIZER') or hasRole('ADMIN')";

	private static final String EXPERT = "hasRole('EXPERT')";

	private final ReplacementService replacements;

	private final ReopenService reopening;

	private final CampaignService campaigns;

	ReviewChangesApiController(ReplacementService replacements, ReopenService reopening, CampaignService campaigns) {
		this.replacements = replacements;
		this.reopening = reopening;
		this.campaigns = campaigns;
	}

	@PostMapping("/reviews/{id}/conflict")
	@PreAuthorize(EXPERT)
	@Operation(summary = "Declare a conflict of interest with the review's application",
			description = "The reason is required. The review is recused, the conflict is kept for later draws, and "
					+ "another expert takes the place, or it is left vacant for the organizer. Refused with 422 once "
					+ "the review is submitted or the round's deadline has passed.")
	ReviewChangeView declareConflict(@PathVariable Long id, @RequestBody ReasonBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return ReviewChangeView.of(this.replacements.declareConflict(user, id, body.reason()));
	}

	@PostMapping("/reviews/{id}/decline")
	@PreAuthorize(EXPERT)
	@Operation(summary = "Decline the review",
			description = "The reason is optional. Another expert takes the place, or it is left vacant for the "
					+ "organizer. Refused with 422 once the review is submitted or the round's deadline has passed.")
	ReviewChangeView decline(@PathVariable Long id, @RequestBody(required = false) ReasonBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return ReviewChangeView.of(this.replacements.decline(user, id, (body != null) ? body.reason() : null));
	}

	@PostMapping("/reviews/{id}/reopen")
	@PreAuthorize(ORGANIZER)
	@Operation(summary = "Send a submitted review back to its expert",
			description = "The reason is required. The review becomes a draft again with its scores kept and its "
					+ "total cleared, until the expert submits again. Refused with 422 once the round is ranked or "
					+ "its deadline has passed.")
	ReviewChangeView reopen(@PathVariable Long id, @RequestBody ReasonBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return ReviewChangeView.of(this.reopening.reopen(user, id, body.reason()));
	}

	@GetMapping("/rounds/{roundId}/vacancies")
	@PreAuthorize(ORGANIZER)
	@Operation(summary = "The round's places nobody took over",
			description = "An expert declined or declared a conflict and no eligible expert was left; "
					+ "vacantBinding names the rule that left nobody.")
	List<ReviewChangeView> vacancies(@PathVariable Long roundId) {
		this.campaigns.round(roundId);
		return this.replacements.vacancies(roundId).stream().map(ReviewChangeView::of).toList();
	}

	@PostMapping("/rounds/{roundId}/vacancies/{reviewId}")
	@PreAuthorize(ORGANIZER)
	@Operation(summary = "Assign an expert to a vacant place",
			description = "The expert is held to the draw's rules (category, unit, region, declared conflicts, "
					+ "earlier rounds, load cap); breaking one needs an overrideReason. Returns the new review.")
	ReviewChangeView fillVacancy(@PathVariable Long roundId, @PathVariable Long reviewId, @RequestBody VacancyBody body,
			@AuthenticationPrincipal CurrentUser user) {
		if (this.replacements.vacancies(roundId).stream().noneMatch(v -> v.getId().equals(reviewId))) {
			throw new NotFoundException("vacancy", reviewId);
		}
		return ReviewChangeView
			.of(this.replacements.fillVacancy(user, reviewId, body.username(), body.overrideReason()));
	}

	record ReasonBody(String reason) {
	}

	record VacancyBody(String username, String overrideReason) {
	}

}
