package io.evalflow.workflow.web;

import java.util.Locale;
import java.util.Optional;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.UserMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's decisions taken on the console. The process refuses a decision at the
 * wrong stage; the refusal comes back as a flash message and nothing changes.
 */
@Controller
class DecisionController {

	private final CampaignService campaigns;

	private final UserMessages messages;

	DecisionController(CampaignService campaigns, UserMessages messages) {
		this.campaigns = campaigns;
		this.messages = messages;
	}

	@PostMapping("/organizer/campaigns/{id}/decisions/{step}")
	String decide(@PathVariable Long id, @PathVariable String step, @RequestParam(required = false) Integer roundNo,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal CurrentUser user,
			Locale locale, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.get(id);
		String back = "redirect:/organizer/campaigns/" + id;
		Optional<DashboardDecision> decision = DashboardDecision.of(step);
		if (decision.isEmpty()) {
			return refuse(redirect, back, "workflow.decision.notHere");
		}
		DashboardDecision d = decision.get();
		if (d.perRound() && roundNo == null) {
			return refuse(redirect, back, "workflow.decision.roundRequired");
		}
		if (d.needsConfirmation() && !confirmed) {
			return refuse(redirect, back, "workflow.decision.confirmRequired");
		}
		try {
			String roundName = d.perRound() ? campaign.round(roundNo).name(locale) : null;
			this.campaigns.decide(id, d.step(), d.perRound() ? roundNo : null, user.getUsername());
			redirect.addFlashAttribute("success", this.messages.get(d.doneMessageKey(), roundName));
			if (d == DashboardDecision.START_ROUND) {
				// The organizer watches the draw and confirms it on the round's
				// assignment page, which refreshes until the draw is there.
				return "redirect:/organizer/rounds/" + campaign.round(roundNo).getId() + "/assignment?drawing=0";
			}
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
		}
		return back;
	}

	private String refuse(RedirectAttributes redirect, String back, String key) {
		redirect.addFlashAttribute("error", this.messages.get(key));
		return back;
	}

}
