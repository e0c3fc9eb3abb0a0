package io.evalflow.submission.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;
import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
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
 * The formal check (形式审查): the organizer reads each submitted application, declares it
 * eligible or ineligible with a reason, and ends the check once none is left.
 */
@Controller
@RequestMapping("/organizer")
class FormalCheckController {

	static final String VIEW = "submission/formal-check";

	/** Statuses an application reaches only through the formal check. */
	private static final Set<ApplicationStatus> CHECKED = Set.of(ApplicationStatus.INELIGIBLE,
			ApplicationStatus.IN_REVIEW, ApplicationStatus.NOT_ADVANCED, ApplicationStatus.FINALIST,
			ApplicationStatus.WINNER);

	private final SubmissionService submissions;

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final UserMessages messages;

	FormalCheckController(SubmissionService submissions, CampaignService campaigns, AccountService accounts,
			UserMessages messages) {
		this.submissions = submissions;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/campaigns/{campaignId}/formal-check")
	String list(@PathVariable Long campaignId, Model model) {
		Campaign campaign = this.campaigns.get(campaignId);
		List<Application> all = this.submissions.inCampaign(campaignId);
		Map<Long, Unit> units = this.accounts
			.units(all.stream().map(Application::getLeadUnitId).collect(Collectors.toSet()));
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("campaign", campaign);
		model.addAttribute("deciding", campaign.getStatus() == CampaignStatus.CALL_CLOSED);
		model.addAttribute("unchecked", rows(all, Set.of(ApplicationStatus.SUBMITTED), campaign, units, locale));
		model.addAttribute("checked", rows(all, CHECKED, campaign, units, locale));
		model.addAttribute("ineligibleCount",
				all.stream().filter(a -> a.getStatus() == ApplicationStatus.INELIGIBLE).count());
		return VIEW;
	}

	@PostMapping("/applications/{id}/eligibility")
	String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
			@Valid @ModelAttribute EligibilityForm form, BindingResult result, RedirectAttributes redirect) {
		Application application = this.submissions.visibleTo(user, id);
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", result.getAllErrors().get(0).getDefaultMessage());
			return redirectToList(application.getCampaignId());
		}
		try {
			Application decided = this.submissions.decideEligibility(id, form.getEligible(), form.getReason(),
					user.getUsername());
			redirect.addFlashAttribute("success",
					this.messages.get(form.getEligible() ? "submission.formalCheck.decided.eligible"
							: "submission.formalCheck.decided.ineligible", decided.getReferenceNo()));
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return redirectToList(application.getCampaignId());
	}

	@PostMapping("/campaigns/{campaignId}/formal-check/complete")
	String complete(@AuthenticationPrincipal CurrentUser user, @PathVariable Long campaignId,
			RedirectAttributes redirect) {
		this.campaigns.get(campaignId);
		try {
			this.submissions.completeFormalCheck(campaignId, user.getUsername());
			redirect.addFlashAttribute("success", this.messages.get("submission.formalCheck.completed"));
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return redirectToList(campaignId);
	}

	private static List<ApplicationRow> rows(List<Application> all, Set<ApplicationStatus> statuses, Campaign campaign,
			Map<Long, Unit> units, Locale locale) {
		return all.stream()
			.filter(a -> statuses.contains(a.getStatus()))
			.map(a -> new ApplicationRow(a, campaign.getName(), campaign.category(a.getCategoryId()).name(locale),
					units.get(a.getLeadUnitId()).getName(), null, a.getStatus()))
			.toList();
	}

	private static String redirectToList(Long campaignId) {
		return "redirect:/organizer/campaigns/" + campaignId + "/formal-check";
	}

}
