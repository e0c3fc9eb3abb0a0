package io.evalflow.campaign.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.evalflow.account.CurrentUser;
import io.evalflow.account.Role;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns for automation: define one of any shape, read it back with the ids the other
 * endpoints need, and take the organizer's pipeline decisions.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Campaign definitions (categories, rounds, rubrics, rules) and the "
		+ "organizer's pipeline decisions")
class CampaignApiController {

	/** The decisions this endpoint takes; the others have endpoints that check more. */
	private static final Set<String> GENERIC_STEPS = Set.of(PipelineDecision.PUBLISH_CALL,
			PipelineDecision.CLOSE_SUBMISSIONS, PipelineDecision.START_ROUND, PipelineDecision.PUBLISH_RESULTS);

	private final CampaignService campaigns;

	CampaignApiController(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@PostMapping
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@ApiResponse(responseCode = "201", description = "Defined")
	@Operation(summary = "Define a campaign",
			description = "Categories with winner quotas and two to five rounds, each with its rubric and advancement "
					+ "rule; only the last round uses CATEGORY_QUOTA. Starts the campaign's process in DRAFT.")
	ResponseEntity<CampaignView> create(@Valid @RequestBody CampaignBody body) {
		Campaign campaign = this.campaigns.create(body.toDefinition());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.getId()))
			.body(CampaignView.of(campaign));
	}

	@GetMapping
	@Operation(summary = "List campaigns, newest first",
			description = "Organizers see every campaign; others see campaigns whose call has been published.")
	List<CampaignSummaryView> list(@AuthenticationPrincipal CurrentUser user) {
		return this.campaigns.all().stream().filter(c -> visible(user, c)).map(CampaignSummaryView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A campaign with its categories, rounds and rubrics, and their ids")
	CampaignView get(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user) {
		Campaign campaign = this.campaigns.get(id);
		if (!visible(user, campaign)) {
			throw new NotFoundException("campaign", id);
		}
		return CampaignView.of(campaign);
	}

	@PostMapping("/{id}/decisions")
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@Operation(summary = "Take an organizer decision that moves the campaign on",
			description = "Steps: publish-call, close-submissions, start-round (with roundNo), publish-results. "
					+ "The formal check, the assignment and the cuts have their own endpoints. A step the campaign "
					+ "is not at, or another step, is refused with 422.")
	CampaignView decide(@PathVariable Long id, @Valid @RequestBody DecisionBody body,
			@AuthenticationPrincipal CurrentUser user) {
		if (!GENERIC_STEPS.contains(body.step())) {
			throw new DomainException("campaign.api.error.step", body.step());
		}
		boolean roundStep = PipelineDecision.START_ROUND.equals(body.step());
		if (roundStep && body.roundNo() == null) {
			throw new DomainException("campaign.api.error.roundNoRequired");
		}
		this.campaigns.decide(id, body.step(), roundStep ? body.roundNo() : null, user.getUsername());
		return CampaignView.of(this.campaigns.get(id));
	}

	/**
	 * A campaign in preparation is the organizers' business until its call is published.
	 */
	private static boolean visible(CurrentUser user, Campaign campaign) {
		return campaign.getStatus() != CampaignStatus.DRAFT || user.is(Role.ORGANIZER) || user.is(Role.ADMIN);
	}

}
