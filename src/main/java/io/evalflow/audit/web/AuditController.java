package io.evalflow.audit.web;

import java.util.Map;
import java.util.stream.Collectors;

import io.evalflow.audit.AuditChain;
import io.evalflow.audit.AuditLog;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's audit log: the latest events, newest first, of one campaign or all, and
 * a button that verifies the whole chain.
 */
@Controller
@RequestMapping("/organizer/audit")
class AuditController {

	static final String VIEW = "audit/audit";

	private final AuditLog log;

	private final AuditChain chain;

	private final CampaignService campaigns;

	AuditController(AuditLog log, AuditChain chain, CampaignService campaigns) {
		this.log = log;
		this.chain = chain;
		this.campaigns = campaigns;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long campaignId, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Map<Long, String> names = this.campaigns.all()
			.stream()
			.collect(Collectors.toMap(Campaign::getId, Campaign::getName, (a, b) -> a, java.util.LinkedHashMap::new));
		model.addAttribute("events", this.log.page(campaignId, page));
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("campaignNames", names);
		return VIEW;
	}

	@PostMapping("/verify")
	String verify(@RequestParam(required = false) Long campaignId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("verification", this.chain.verify());
		if (campaignId != null) {
			redirect.addAttribute("campaignId", campaignId);
		}
		return "redirect:/organizer/audit";
	}

}
