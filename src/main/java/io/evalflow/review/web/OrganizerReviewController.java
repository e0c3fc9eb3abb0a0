package io.evalflow.review.web;

import java.util.Optional;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.ReopenService;
import io.evalflow.review.ReplacementService;
import io.evalflow.review.Review;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.UserMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organizer's changes to a round's reviews from its progress page: reopen a submitted
 * review with a reason, assign an expert to a place nobody took over. Back to the
 * progress page either way, with what happened.
 */
@Controller
@RequestMapping("/organizer/rounds/{roundId}")
class OrganizerReviewController {

	private final ReopenService reopening;

	private final ReplacementService replacements;

	private final CampaignService campaigns;

	private final UserMessages messages;

	OrganizerReviewController(ReopenService reopening, ReplacementService replacements, CampaignService campaigns,
			UserMessages messages) {
		this.reopening = reopening;
		this.replacements = replacements;
		this.campaigns = campaigns;
		this.messages = messages;
	}

	@PostMapping("/reviews/{reviewId}/reopen")
	String reopen(@AuthenticationPrincipal CurrentUser organizer, @PathVariable Long roundId,
			@PathVariable Long reviewId, @RequestParam(required = false) String reference,
			@ModelAttribute ReasonForm form, RedirectAttributes redirect) {
		try {
			this.reopening.reopen(organizer, reviewId, form.getReason());
			redirect.addFlashAttribute("success", this.messages.get("review.flash.reopened"));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
		}
		return progress(roundId, reference);
	}

	@PostMapping("/vacancies/{reviewId}")
	String fillVacancy(@AuthenticationPrincipal CurrentUser organizer, @PathVariable Long roundId,
			@PathVariable Long reviewId, @ModelAttribute VacancyForm form, RedirectAttributes redirect) {
		try {
			Review review = this.replacements.fillVacancy(organizer, reviewId, form.getUsername(),
					form.getOverrideReason());
			redirect.addFlashAttribute("success", this.messages.get("review.flash.vacancyFilled", form.getUsername()));
			return progress(review.getRoundId(), null);
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
			return progress(roundId, null);
		}
	}

	private String progress(Long roundId, String reference) {
		ReviewRound round = this.campaigns.round(roundId);
		return "redirect:" + UriComponentsBuilder.fromPath("/organizer/campaigns/{id}/rounds/{n}")
			.queryParamIfPresent("reference", Optional.ofNullable(reference).filter(r -> !r.isBlank()))
			.buildAndExpand(round.getCampaignId(), round.getRoundNo())
			.encode()
			.toUriString();
	}

}
