package io.evalflow.publication.web;

import java.util.Locale;

import io.evalflow.campaign.CampaignService;
import io.evalflow.publication.StatisticsService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The organizers' statistics page. The figures travel in the page as JSON (a data
 * attribute, which the CSP allows) and {@code /js/statistics.js} draws them as SVG.
 */
@Controller
class StatisticsController {

	static final String VIEW = "publication/statistics";

	private final StatisticsService statistics;

	private final CampaignService campaigns;

	private final JsonMapper json;

	StatisticsController(StatisticsService statistics, CampaignService campaigns, JsonMapper json) {
		this.statistics = statistics;
		this.campaigns = campaigns;
		this.json = json;
	}

	@GetMapping("/organizer/campaigns/{id}/statistics")
	String statistics(@PathVariable Long id, Locale locale, Model model) {
		model.addAttribute("campaign", this.campaigns.get(id));
		model.addAttribute("statisticsJson", this.json.writeValueAsString(this.statistics.statistics(id, locale)));
		return VIEW;
	}

}
