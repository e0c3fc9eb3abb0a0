package io.evalflow.ranking.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.QuotaChange;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.ranking.RoundSnapshot;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.SubmissionService;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A round's ranking and the organizer's cut: the system proposes, ties at the line are
 * shown, and the organizer confirms the proposal or a different selection with a reason.
 */
@Controller
@RequestMapping("/organizer/campaigns/{campaignId}/rounds/{roundNo}/ranking")
class RankingController {

	static final String VIEW = "ranking/ranking";

	private static final String FORM = "cutForm";

	private final CampaignService campaigns;

	private final RankingService ranking;

	private final SubmissionService submissions;

	private final UserMessages messages;

	RankingController(CampaignService campaigns, RankingService ranking, SubmissionService submissions,
			UserMessages messages) {
		this.campaigns = campaigns;
		this.ranking = ranking;
		this.submissions = submissions;
		this.messages = messages;
	}

	@GetMapping
	String ranking(@PathVariable Long campaignId, @PathVariable int roundNo,
			@RequestParam(required = false) Long category, Model model, Locale locale) {
		Campaign campaign = this.campaigns.get(campaignId);
		ReviewRound round = round(campaign, roundNo);
		Long filter = (category != null && campaign.getCategories().stream().anyMatch(c -> c.getId().equals(category)))
				? category : null;
		model.addAttribute("campaign", campaign);
		model.addAttribute("round", round);
		model.addAttribute("ruleLine", ruleLine(campaign, round, locale));
		model.addAttribute("filter", filter);
		boolean ranked = round.getStatus() == RoundStatus.RANKED || round.getStatus() == RoundStatus.DECIDED;
		model.addAttribute("ranked", ranked);
		model.addAttribute("cutOpen", round.getStatus() == RoundStatus.RANKED);
		if (ranked) {
			List<RoundResult> results = this.ranking.results(round.getId());
			// A refused confirmation comes back with the organizer's own selection.
			CutForm form = (CutForm) model.getAttribute(FORM);
			if (form == null) {
				form = proposal(results, round);
				model.addAttribute(FORM, form);
			}
			RoundSnapshot snapshot = this.ranking.snapshot(round.getId()).orElse(null);
			model.addAttribute("snapshot", snapshot);
			model.addAttribute("quotaChanges",
					this.campaigns.quotaChanges(campaignId)
						.stream()
						.filter(c -> c.getRoundId().equals(round.getId()))
						.toList());
			model.addAttribute("ranking",
					RankingPage.of(campaign, round, results,
							this.submissions.byIds(results.stream().map(RoundResult::getApplicationId).toList()),
							new HashSet<>(form.getAdvanced()), filter,
							(snapshot != null) ? snapshot.getApplied() : round.getAggregation()));
		}
		return VIEW;
	}

	@PostMapping("/cut")
	String confirmCut(@PathVariable Long campaignId, @PathVariable int roundNo,
			@Valid @ModelAttribute(FORM) CutForm form, BindingResult binding, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		ReviewRound round = round(this.campaigns.get(campaignId), roundNo);
		String back = "redirect:/organizer/campaigns/" + campaignId + "/rounds/" + roundNo + "/ranking";
		if (binding.hasErrors()) {
			// Only the reason is typed by hand; anything else wrong is a tampered
			// request.
			FieldError reason = binding.getFieldError("reason");
			if (reason == null) {
				redirect.addFlashAttribute("error", this.messages.get("error.badRequest"));
				return back;
			}
			redirect.addFlashAttribute("error", reason.getDefaultMessage());
			redirect.addFlashAttribute(FORM, form);
			return back;
		}
		try {
			this.ranking.confirmCut(round.getId(), new HashSet<>(form.getAdvanced()), form.getReason(),
					user.getUsername());
			redirect.addFlashAttribute("success",
					this.messages.get(round.isFinalRound() ? "ranking.cut.doneFinal" : "ranking.cut.done"));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
			redirect.addFlashAttribute(FORM, form);
		}
		return back;
	}

	/**
	 * Lowers a category's final quota that its finalists cannot fill, with a reason; the
	 * proposal follows the new quota.
	 */
	@PostMapping("/quota")
	String lowerQuota(@PathVariable Long campaignId, @PathVariable int roundNo, @Valid QuotaForm form,
			BindingResult binding, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect,
			Locale locale) {
		Campaign campaign = this.campaigns.get(campaignId);
		ReviewRound round = round(campaign, roundNo);
		String back = "redirect:/organizer/campaigns/" + campaignId + "/rounds/" + roundNo + "/ranking";
		if (binding.hasErrors()) {
			FieldError reason = binding.getFieldError("reason");
			String error = (reason != null) ? reason.getDefaultMessage() : (binding.getFieldError("quota") != null)
					? this.messages.get("ranking.quota.notANumber") : this.messages.get("error.badRequest");
			redirect.addFlashAttribute("error", error);
			return back;
		}
		try {
			QuotaChange change = this.ranking.lowerQuota(round.getId(), form.getCategoryId(), form.getQuota(),
					form.getReason(), user.getUsername());
			redirect.addFlashAttribute("success",
					this.messages.get("ranking.quota.done", campaign.category(change.getCategoryId()).name(locale),
							change.getOldQuota(), change.getNewQuota()));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
		}
		return back;
	}

	/** Before a decision the form holds the proposal; after it, who advanced. */
	private static CutForm proposal(List<RoundResult> results, ReviewRound round) {
		CutForm form = new CutForm();
		boolean decided = round.getStatus() == RoundStatus.DECIDED;
		form.setAdvanced(results.stream()
			.filter(r -> decided ? Boolean.TRUE.equals(r.getAdvanced()) : r.isProposed())
			.map(RoundResult::getApplicationId)
			.toList());
		return form;
	}

	/** The cut line of the round's rule, in words. */
	private String ruleLine(Campaign campaign, ReviewRound round, Locale locale) {
		if (round.getRuleType() == AdvancementRule.CATEGORY_QUOTA) {
			String quotas = campaign.getCategories()
				.stream()
				.map(c -> this.messages.get("ranking.rule.quotaItem", c.name(locale), c.getQuota()))
				.collect(Collectors.joining(this.messages.get("ranking.list.separator")));
			return this.messages.get("ranking.rule.CATEGORY_QUOTA", quotas);
		}
		if (round.getRuleType() == AdvancementRule.SCORE_THRESHOLD) {
			return this.messages.get("ranking.rule.SCORE_THRESHOLD",
					round.getRuleThreshold().stripTrailingZeros().toPlainString());
		}
		return this.messages.get("ranking.rule." + round.getRuleType(), round.getRuleCount());
	}

	private static ReviewRound round(Campaign campaign, int roundNo) {
		try {
			return campaign.round(roundNo);
		}
		catch (DomainException unknown) {
			throw new NotFoundException("round", roundNo);
		}
	}

}
