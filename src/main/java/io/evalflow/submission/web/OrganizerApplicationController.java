package io.evalflow.submission.web;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The organizer's reading of an application, with the unit's contact details, its
 * attachments and, during the formal check, the conclusion to record.
 */
@Controller
@RequestMapping("/organizer/applications/{id}")
class OrganizerApplicationController {

	static final String VIEW = "submission/organizer-application";

	private final SubmissionService submissions;

	private final ApplicationPages pages;

	private final AttachmentDownloads downloads;

	OrganizerApplicationController(SubmissionService submissions, ApplicationPages pages,
			AttachmentDownloads downloads) {
		this.submissions = submissions;
		this.pages = pages;
		this.downloads = downloads;
	}

	@GetMapping
	String application(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
		Application application = this.submissions.visibleTo(user, id);
		Campaign campaign = this.pages.describe(application, true, model);
		model.addAttribute("deciding", campaign.getStatus() == CampaignStatus.CALL_CLOSED
				&& application.getStatus() == ApplicationStatus.SUBMITTED);
		return VIEW;
	}

	@GetMapping("/attachments/{attachmentId}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
			@PathVariable Long attachmentId) {
		return this.downloads.download(this.submissions.visibleTo(user, id), attachmentId);
	}

}
