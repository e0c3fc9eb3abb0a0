package io.evalflow.web;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final CampaignService campaigns;

	HomeController(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (user != null) {
			return switch (user.getRole()) {
				case APPLICANT -> "redirect:/applicant";
				case EXPERT -> "redirect:/expert";
				case ORGANIZER, ADMIN -> "redirect:/organizer";
			};
		}
		model.addAttribute("campaigns", this.campaigns.all());
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
