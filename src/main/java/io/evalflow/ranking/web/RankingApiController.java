package io.evalflow.ranking.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.SnapshotCheck;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's ranking and the organizer's confirmation of its cut, for automation.
 */
@RestController
@RequestMapping("/api/v1/rounds/{roundId}")
@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
@Tag(name = "Ranking and cuts", description = "A round's ranking, the proposed cut and its confirmation")
class RankingApiController {

	private final RankingService ranking;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	RankingApiController(RankingService ranking, CampaignService campaigns, SubmissionService submissions) {
		this.ranking = ranking;
		this.campaigns = campaigns;
		this.submissions = submissions;
	}

	@GetMapping("/ranking")
	@Operation(summary = "The round's ranking and proposed cut",
			description = "Ranks, mean weighted total and standard deviation per application; which ones the "
					+ "round's rule proposes, which are tied at the line, and, once confirmed, which advanced.")
	RankingView ranking(@PathVariable Long roundId) {
		return view(this.campaigns.round(roundId));
	}

	@PostMapping("/cut")
	@Operation(summary = "Confirm the round's cut",
			description = "Without advancedIds the proposal is accepted as it stands. A list that differs from the "
					+ "proposal needs a reason; the final round must match each category's quota.")
	RankingView confirmCut(@PathVariable Long roundId, @Valid @RequestBody CutBody body,
			@AuthenticationPrincipal CurrentUser user) {
		this.ranking.confirmCut(roundId, body.advancedIds(), body.reason(), user.getUsername());
		return view(this.campaigns.round(roundId));
	}

	@PostMapping("/quotas")
	@Operation(summary = "Lower a category's final quota that its finalists cannot fill",
			description = "Only for the final round before its winners are confirmed, only for a category with "
					+ "fewer finalists than its quota, and only down to those finalists (at least 1, or 0 when the "
					+ "category has none), with a reason. Recorded with who, when, and the quota before and after; "
					+ "the round is ranked again so the proposal follows the new quota.")
	RankingView lowerQuota(@PathVariable Long roundId, @Valid @RequestBody QuotaBody body,
			@AuthenticationPrincipal CurrentUser user) {
		this.ranking.lowerQuota(roundId, body.categoryId(), body.quota(), body.reason(), user.getUsername());
		return view(this.campaigns.round(roundId));
	}

	@GetMapping("/quotas")
	@Operation(summary = "The quota changes made for this final round",
			description = "Each lowered quota: the category, the quota before and after, the reason, who and when.")
	List<QuotaChangeView> quotaChanges(@PathVariable Long roundId) {
		ReviewRound round = this.campaigns.round(roundId);
		return this.campaigns.quotaChanges(round.getCampaignId())
			.stream()
			.filter(c -> c.getRoundId().equals(roundId))
			.map(QuotaChangeView::of)
			.toList();
	}

	@GetMapping("/snapshot/check")
	@Operation(summary = "Recompute a confirmed round and compare it with its frozen snapshot",
			description = "Recomputes every application's figures from the stored reviews and compares them, the "
					+ "reviews' hash and the figures' hash with the snapshot taken when the cut was confirmed.")
	SnapshotCheck checkSnapshot(@PathVariable Long roundId) {
		return this.ranking.verifySnapshot(roundId);
	}

	private RankingView view(ReviewRound round) {
		Map<Long, Application> applications = this.submissions.inCampaign(round.getCampaignId())
			.stream()
			.collect(Collectors.toMap(Application::getId, Function.identity()));
		return RankingView.of(round, this.ranking.results(round.getId()), applications);
	}

}
