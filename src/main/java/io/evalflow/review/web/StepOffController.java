package io.evalflow.review.web;

import io.evalflow.account.CurrentUser;
import io.evalflow.review.ReplacementService;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.UserMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The expert steps off a review: declares a conflict of interest (with a reason) or
 * declines it. The task leaves their inbox and another expert takes it; a refusal sends
 * them back to the review with the reason.
 */
@Controller
@RequestMapping("/expert/reviews/{reviewId}")
class StepOffController {

	private final ReplacementService replacements;

	private final UserMessages messages;

	StepOffController(ReplacementService replacements, UserMessages messages) {
		this.replacements = replacements;
		this.messages = messages;
	}

	@PostMapping("/conflict")
	String declareConflict(@AuthenticationPrincipal CurrentUser expert, @PathVariable Long reviewId,
			@ModelAttribute ReasonForm form, RedirectAttributes redirect) {
		try {
			this.replacements.declareConflict(expert, reviewId, form.getReason());
			redirect.addFlashAttribute("success", this.messages.get("review.flash.conflictDeclared"));
			return "redirect:/expert";
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
			return "redirect:/expert/reviews/" + reviewId;
		}
	}

	@PostMapping("/decline")
	String decline(@AuthenticationPrincipal CurrentUser expert, @PathVariable Long reviewId,
			@ModelAttribute ReasonForm form, RedirectAttributes redirect) {
		try {
			this.replacements.decline(expert, reviewId, form.getReason());
			redirect.addFlashAttribute("success", this.messages.get("review.flash.declined"));
			return "redirect:/expert";
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
			return "redirect:/expert/reviews/" + reviewId;
		}
	}

}
