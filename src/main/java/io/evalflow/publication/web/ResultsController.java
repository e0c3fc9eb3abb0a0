package io.evalflow.publication.web;

import io.evalflow.account.CurrentUser;
import io.evalflow.publication.PublicationService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public results pages. Whether a campaign's results exist for the viewer is the
 * service's decision: an unpublished campaign is a 404 for everyone but organizers.
 */
@Controller
@RequestMapping("/results")
class ResultsController {

	static final String LIST_VIEW = "publication/list";

	static final String RESULTS_VIEW = "publication/results";

	private final PublicationService publication;

	ResultsController(PublicationService publication) {
		this.publication = publication;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("campaigns", this.publication.publishedCampaigns());
		return LIST_VIEW;
	}

	@GetMapping("/{code}")
	String results(@PathVariable String code, @AuthenticationPrincipal CurrentUser viewer, Model model) {
		model.addAttribute("results", this.publication.results(code, viewer));
		return RESULTS_VIEW;
	}

}
