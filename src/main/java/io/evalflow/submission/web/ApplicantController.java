package io.evalflow.submission.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's start page, one application's page with its status timeline, and
 * submitting or withdrawing it.
 */
@Controller
@RequestMapping("/applicant")
class ApplicantController {

	static final String HOME_VIEW = "submission/applicant-home";

	static final String APPLICATION_VIEW = "submission/application";

	private final SubmissionService submissions;

	private final CampaignService campaigns;

	private final ApplicationPages pages;

	private final UserMessages messages;

	private final Clock clock;

	ApplicantController(SubmissionService submissions, CampaignService campaigns, ApplicationPages pages,
			UserMessages messages, Clock clock) {
		this.submissions = submissions;
		this.campaigns = campaigns;
		this.pages = pages;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<Long, Campaign> byId = new HashMap<>();
		List<ApplicationRow> rows = this.submissions.forUnit(user.getUnitId()).stream().map(application -> {
			Campaign campaign = byId.computeIfAbsent(application.getCampaignId(), this.campaigns::get);
			String round = (application.getRoundNo() > 0) ? campaign.round(application.getRoundNo()).name(locale)
					: null;
			return new ApplicationRow(application, campaign.getName(),
					campaign.category(application.getCategoryId()).name(locale), null, round,
					StatusTimeline.shownStatus(application, campaign, false));
		}).toList();
		model.addAttribute("applications", rows);
		model.addAttribute("openCampaigns",
				this.campaigns.all().stream().filter(c -> c.acceptsSubmissionsAt(this.clock.instant())).toList());
		return HOME_VIEW;
	}

	@GetMapping("/applications/{id}")
	String application(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
		Application application = this.submissions.visibleTo(user, id);
		Campaign campaign = this.pages.describe(application, false, model);
		boolean lead = application.getLeadUnitId().equals(user.getUnitId());
		boolean open = campaign.acceptsSubmissionsAt(this.clock.instant());
		model.addAttribute("lead", lead);
		model.addAttribute("mayEdit", lead && open && application.isEditable());
		model.addAttribute("mayWithdraw", lead && open && application.getStatus() == ApplicationStatus.SUBMITTED);
		return APPLICATION_VIEW;
	}

	@PostMapping("/applications/{id}/submit")
	String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
			@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
		if (!confirm) {
			this.submissions.visibleTo(user, id);
			redirect.addFlashAttribute("error", this.messages.get("submission.submit.confirmRequired"));
			return redirectTo(id);
		}
		try {
			Application submitted = this.submissions.submit(user, id);
			redirect.addFlashAttribute("success",
					this.messages.get("submission.submit.done", submitted.getReferenceNo()));
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return redirectTo(id);
	}

	@PostMapping("/applications/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
			@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
		if (!confirm) {
			this.submissions.visibleTo(user, id);
			redirect.addFlashAttribute("error", this.messages.get("submission.withdraw.confirmRequired"));
			return redirectTo(id);
		}
		try {
			Application withdrawn = this.submissions.withdraw(user, id);
			redirect.addFlashAttribute("success",
					this.messages.get("submission.withdraw.done", withdrawn.getReferenceNo()));
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return redirectTo(id);
	}

	static String redirectTo(Long applicationId) {
		return "redirect:/applicant/applications/" + applicationId;
	}

}
