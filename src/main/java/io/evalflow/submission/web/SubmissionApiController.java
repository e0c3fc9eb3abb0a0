package io.evalflow.submission.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Role;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.SubmissionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Applications for automation: an applicant's drafts, attachments, submission and
 * withdrawal; the organizer's formal check. Who may see or change what is decided by
 * {@link SubmissionService}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Applications", description = "Drafts, attachments, submission, withdrawal and the formal check (形式审查)")
class SubmissionApiController {

	private static final String APPLICANT = "hasRole('APPLICANT')";

	private static final String ORGANIZER = "hasRole('ORGANIZER') or hasRole('ADMIN')";

	private final SubmissionService submissions;

	private final AccountService accounts;

	SubmissionApiController(SubmissionService submissions, AccountService accounts) {
		this.submissions = submissions;
		this.accounts = accounts;
	}

	@PostMapping("/campaigns/{campaignId}/applications")
	@PreAuthorize(APPLICANT)
	@ApiResponse(responseCode = "201", description = "Draft created")
	@Operation(summary = "Start a draft application of the caller's unit",
			description = "Co-applicant units are given by name; unknown ones are created.")
	ResponseEntity<ApplicationView> create(@PathVariable Long campaignId, @Valid @RequestBody ApplicationBody body,
			@AuthenticationPrincipal CurrentUser user) {
		Application draft = this.submissions.createDraft(user, campaignId, body.toContent());
		return ResponseEntity.created(URI.create("/api/v1/applications/" + draft.getId())).body(view(draft));
	}

	@PutMapping("/applications/{id}")
	@PreAuthorize(APPLICANT)
	@Operation(summary = "Replace a draft's content (lead unit only)")
	ApplicationView update(@PathVariable Long id, @Valid @RequestBody ApplicationBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return view(this.submissions.update(user, id, body.toContent()));
	}

	@PostMapping(path = "/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(APPLICANT)
	@ApiResponse(responseCode = "201", description = "Uploaded")
	@Operation(summary = "Upload an attachment to a draft",
			description = "PDF, Word (doc/docx) or an image, recognised by content; at most 20 MB.")
	ResponseEntity<ApplicationView.AttachmentView> upload(@PathVariable Long id,
			@Parameter(description = "The file") @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) {
		Attachment attachment = this.submissions.addAttachment(user, id, file.getOriginalFilename(), bytes(file));
		return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/attachments/" + attachment.getId()))
			.body(ApplicationView.AttachmentView.of(attachment));
	}

	@GetMapping("/applications/{id}/attachments/{attachmentId}")
	@PreAuthorize(APPLICANT + " or " + ORGANIZER)
	@Operation(summary = "Download an attachment", description = "Always served as a download.")
	ResponseEntity<Resource> download(@PathVariable Long id, @PathVariable Long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		Application application = this.submissions.visibleTo(user, id);
		Attachment attachment = application.attachment(attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.getContentType()))
			.contentLength(attachment.getSizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(attachment.getOriginalName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(this.submissions.download(application, attachmentId));
	}

	@DeleteMapping("/applications/{id}/attachments/{attachmentId}")
	@PreAuthorize(APPLICANT)
	@ApiResponse(responseCode = "204", description = "Removed")
	@Operation(summary = "Remove an attachment from a draft")
	ResponseEntity<Void> removeAttachment(@PathVariable Long id, @PathVariable Long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		this.submissions.removeAttachment(user, id, attachmentId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/applications/{id}/submit")
	@PreAuthorize(APPLICANT)
	@Operation(summary = "Submit a draft before the deadline",
			description = "Needs every section and at least one attachment; gives the reference number.")
	ApplicationView submit(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user) {
		return view(this.submissions.submit(user, id));
	}

	@PostMapping("/applications/{id}/withdraw")
	@PreAuthorize(APPLICANT)
	@Operation(summary = "Withdraw a submitted application while the call is open")
	ApplicationView withdraw(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user) {
		return view(this.submissions.withdraw(user, id));
	}

	@GetMapping("/applications")
	@PreAuthorize(APPLICANT + " or " + ORGANIZER)
	@Operation(summary = "List applications",
			description = "Applicants: their unit's applications (lead or co-applicant), optionally of one campaign. "
					+ "Organizers: a campaign's applications (campaignId required), optionally of one status.")
	List<ApplicationSummaryView> list(@RequestParam(required = false) Long campaignId,
			@RequestParam(required = false) ApplicationStatus status, @AuthenticationPrincipal CurrentUser user) {
		List<Application> found;
		if (user.is(Role.APPLICANT)) {
			found = this.submissions.forUnit(user.getUnitId())
				.stream()
				.filter(a -> campaignId == null || a.getCampaignId().equals(campaignId))
				.toList();
		}
		else if (campaignId == null) {
			throw new DomainException("submission.api.error.campaignRequired");
		}
		else {
			found = (status != null) ? this.submissions.withStatus(campaignId, status)
					: this.submissions.inCampaign(campaignId);
		}
		return found.stream()
			.filter(a -> status == null || a.getStatus() == status)
			.map(ApplicationSummaryView::of)
			.toList();
	}

	@GetMapping("/applications/{id}")
	@PreAuthorize(APPLICANT + " or " + ORGANIZER)
	@Operation(summary = "An application with its content and attachments",
			description = "Applicants see their unit's applications only; experts read theirs through their reviews.")
	ApplicationView get(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user) {
		return view(this.submissions.visibleTo(user, id));
	}

	@PostMapping("/applications/{id}/eligibility")
	@PreAuthorize(ORGANIZER)
	@Operation(summary = "Decide an application's eligibility in the formal check",
			description = "Only while the call is closed and the formal check runs; ineligible needs a reason.")
	ApplicationView decideEligibility(@PathVariable Long id, @Valid @RequestBody EligibilityBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return view(this.submissions.decideEligibility(id, body.eligible(), body.reason(), user.getUsername()));
	}

	@PostMapping("/campaigns/{campaignId}/formal-check/complete")
	@PreAuthorize(ORGANIZER)
	@ApiResponse(responseCode = "204", description = "The campaign is in review")
	@Operation(summary = "End the formal check",
			description = "Refused while any submitted application is unchecked; the campaign then goes into review.")
	ResponseEntity<Void> completeFormalCheck(@PathVariable Long campaignId, @AuthenticationPrincipal CurrentUser user) {
		this.submissions.completeFormalCheck(campaignId, user.getUsername());
		return ResponseEntity.noContent().build();
	}

	private ApplicationView view(Application application) {
		return ApplicationView.of(application, this.accounts.units(application.unitIds()));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
