package io.evalflow.submission.web;

import java.time.Clock;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;
import jakarta.validation.Valid;

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
 * Writing an application: a new draft in an open campaign, and changes to a draft.
 */
@Controller
@RequestMapping("/applicant")
class ApplicationFormController {

	static final String VIEW = "submission/application-form";

	private final SubmissionService submissions;

	private final CampaignService campaigns;

	private final ApplicationPages pages;

	private final UserMessages messages;

	private final Clock clock;

	ApplicationFormController(SubmissionService submissions, CampaignService campaigns, ApplicationPages pages,
			UserMessages messages, Clock clock) {
		this.submissions = submissions;
		this.campaigns = campaigns;
		this.pages = pages;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/campaigns/{campaignId}/applications/new")
	String newForm(@PathVariable Long campaignId, Model model, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.get(campaignId);
		if (!campaign.acceptsSubmissionsAt(this.clock.instant())) {
			redirect.addFlashAttribute("error", this.messages.get("application.error.callClosed"));
			return "redirect:/applicant";
		}
		model.addAttribute("form", new ApplicationForm());
		return show(campaign, null, model);
	}

	@PostMapping("/campaigns/{campaignId}/applications/new")
	String create(@AuthenticationPrincipal CurrentUser user, @PathVariable Long campaignId,
			@Valid @ModelAttribute("form") ApplicationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.get(campaignId);
		if (result.hasErrors()) {
			return show(campaign, null, model);
		}
		try {
			Application draft = this.submissions.createDraft(user, campaignId, form.toContent());
			redirect.addFlashAttribute("success", this.messages.get("submission.form.created"));
			return ApplicantController.redirectTo(draft.getId());
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			result.reject(ex.getMessageKey(), ex.getArguments(), null);
			return show(campaign, null, model);
		}
	}

	@GetMapping("/applications/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model,
			RedirectAttributes redirect) {
		Application application;
		try {
			application = this.submissions.editableBy(user, id);
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
			return ApplicantController.redirectTo(id);
		}
		model.addAttribute("form", ApplicationForm.of(application, this.pages.coApplicantNames(application)));
		return show(this.campaigns.get(application.getCampaignId()), application, model);
	}

	@PostMapping("/applications/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
			@Valid @ModelAttribute("form") ApplicationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Application application = this.submissions.visibleTo(user, id);
		Campaign campaign = this.campaigns.get(application.getCampaignId());
		if (result.hasErrors()) {
			return show(campaign, application, model);
		}
		try {
			this.submissions.update(user, id, form.toContent());
			redirect.addFlashAttribute("success", this.messages.get("common.saved"));
			return ApplicantController.redirectTo(id);
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			result.reject(ex.getMessageKey(), ex.getArguments(), null);
			return show(campaign, application, model);
		}
	}

	private static String show(Campaign campaign, Application application, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("app", application);
		return VIEW;
	}

}
