package io.evalflow.review.web;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.review.ReviewDeadlines;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A round's deadlines for the organizer: the reviews past due and still open, whom to
 * chase, and extensions for one expert or the whole round, each with its reason.
 */
@Controller
@RequestMapping("/organizer/campaigns/{campaignId}/rounds/{roundNo}/deadlines")
class DeadlineController {

	static final String VIEW = "review/deadlines";

	/** The list is for chasing, not for paging through a national campaign. */
	static final int OVERDUE_SHOWN = 200;

	private static final String EXPERT_FORM = "expertExtension";

	private static final String ROUND_FORM = "roundExtension";

	private final CampaignService campaigns;

	private final ReviewDeadlines deadlines;

	private final UserMessages messages;

	DeadlineController(CampaignService campaigns, ReviewDeadlines deadlines, UserMessages messages) {
		this.campaigns = campaigns;
		this.deadlines = deadlines;
		this.messages = messages;
	}

	@GetMapping
	String deadlines(@PathVariable Long campaignId, @PathVariable int roundNo, Model model) {
		Campaign campaign = this.campaigns.get(campaignId);
		ReviewRound round = round(campaign, roundNo);
		model.addAttribute("campaign", campaign);
		model.addAttribute("round", round);
		model.addAttribute("overdue", this.deadlines.overdue(round.getId(), OVERDUE_SHOWN));
		model.addAttribute("shown", OVERDUE_SHOWN);
		model.addAttribute("extensions", this.deadlines.extensions(round.getId()));
		boolean open = round.getStatus() == RoundStatus.OPEN;
		model.addAttribute("open", open);
		if (open) {
			model.addAttribute("openExperts", this.deadlines.openPerExpert(round.getId()));
			// A refused extension comes back with what the organizer typed.
			if (!model.containsAttribute(EXPERT_FORM)) {
				model.addAttribute(EXPERT_FORM, new ExtensionForm());
			}
			if (!model.containsAttribute(ROUND_FORM)) {
				model.addAttribute(ROUND_FORM, new ExtensionForm());
			}
		}
		return VIEW;
	}

	@PostMapping("/expert")
	String extendForExpert(@PathVariable Long campaignId, @PathVariable int roundNo,
			@ModelAttribute(EXPERT_FORM) ExtensionForm form, BindingResult binding,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		ReviewRound round = round(this.campaigns.get(campaignId), roundNo);
		return extend(campaignId, roundNo, form, binding, redirect, EXPERT_FORM, () -> {
			if (form.getExpertId() == null) {
				throw new DomainException("review.error.extension.expertRequired");
			}
			this.deadlines.extendForExpert(round.getId(), form.getExpertId(), form.dueInstant(), form.getReason(),
					user.getUsername());
			return this.messages.get("review.deadlines.flash.expertExtended");
		});
	}

	@PostMapping("/round")
	String extendRound(@PathVariable Long campaignId, @PathVariable int roundNo,
			@ModelAttribute(ROUND_FORM) ExtensionForm form, BindingResult binding,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		ReviewRound round = round(this.campaigns.get(campaignId), roundNo);
		return extend(campaignId, roundNo, form, binding, redirect, ROUND_FORM, () -> {
			this.deadlines.extendRound(round.getId(), form.dueInstant(), form.getReason(), user.getUsername());
			return this.messages.get("review.deadlines.flash.roundExtended");
		});
	}

	private String extend(Long campaignId, int roundNo, ExtensionForm form, BindingResult binding,
			RedirectAttributes redirect, String formName, Extension extension) {
		String back = "redirect:/organizer/campaigns/" + campaignId + "/rounds/" + roundNo + "/deadlines";
		if (binding.hasErrors()) {
			// The date is the only field typed by hand that can fail to bind; anything
			// else is a tampered request.
			redirect.addFlashAttribute("error", this.messages
				.get((binding.getFieldError("dueAt") != null) ? "review.deadlines.form.badDate" : "error.badRequest"));
			return back;
		}
		try {
			redirect.addFlashAttribute("success", extension.grant());
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
			redirect.addFlashAttribute(formName, form);
		}
		return back;
	}

	private static ReviewRound round(Campaign campaign, int roundNo) {
		try {
			return campaign.round(roundNo);
		}
		catch (DomainException unknown) {
			throw new NotFoundException("round", roundNo);
		}
	}

	@FunctionalInterface
	private interface Extension {

		/** Grants the extension and says so, or refuses it. */
		String grant();

	}

}
