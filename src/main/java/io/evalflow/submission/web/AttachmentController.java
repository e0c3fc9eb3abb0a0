package io.evalflow.submission.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.evalflow.account.CurrentUser;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.MetadataField;
import io.evalflow.submission.SubmissionService;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploading, removing and downloading an application's attachments. Each file is checked
 * (size, type by content) and stored on its own: one refused file does not cost the
 * others. The applicant is told which document properties were removed for blind rounds,
 * and which files could not be cleaned.
 */
@Controller
@RequestMapping("/applicant/applications/{id}/attachments")
class AttachmentController {

	private final SubmissionService submissions;

	private final AttachmentDownloads downloads;

	private final UserMessages messages;

	AttachmentController(SubmissionService submissions, AttachmentDownloads downloads, UserMessages messages) {
		this.submissions = submissions;
		this.downloads = downloads;
		this.messages = messages;
	}

	@PostMapping
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		List<MultipartFile> chosen = (files != null) ? files.stream().filter(f -> hasName(f) || !f.isEmpty()).toList()
				: List.of();
		if (chosen.isEmpty()) {
			this.submissions.visibleTo(user, id);
			redirect.addFlashAttribute("error", this.messages.get("submission.attachments.noneChosen"));
			return ApplicantController.redirectTo(id);
		}
		List<String> stored = new ArrayList<>();
		List<String> cleaned = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (MultipartFile file : chosen) {
			try {
				Attachment attachment = this.submissions.addAttachment(user, id, file.getOriginalFilename(),
						bytes(file));
				stored.add(attachment.getOriginalName());
				switch (attachment.getMetadataStatus()) {
					case CLEANED -> cleaned.add(this.messages.get("submission.attachments.metadataRemoved",
							attachment.getOriginalName(), fields(attachment.getMetadataRemoved())));
					case FAILED -> refused
						.add(this.messages.get("submission.attachments.metadataFailed", attachment.getOriginalName(),
								this.messages.get("attachment.metadata.problem." + attachment.getMetadataProblem())));
					default -> {
					}
				}
			}
			catch (NotFoundException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				refused.add(this.messages.get("submission.attachments.refused", file.getOriginalFilename(),
						this.messages.of(ex)));
			}
		}
		if (!stored.isEmpty()) {
			List<String> success = new ArrayList<>();
			success.add(this.messages.get("submission.attachments.uploaded", String.join("、", stored)));
			success.addAll(cleaned);
			redirect.addFlashAttribute("success", String.join(" ", success));
		}
		if (!refused.isEmpty()) {
			redirect.addFlashAttribute("error", String.join(" ", refused));
		}
		return ApplicantController.redirectTo(id);
	}

	@PostMapping("/{attachmentId}/delete")
	String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long attachmentId,
			RedirectAttributes redirect) {
		try {
			this.submissions.removeAttachment(user, id, attachmentId);
			redirect.addFlashAttribute("success", this.messages.get("submission.attachments.removed"));
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return ApplicantController.redirectTo(id);
	}

	@GetMapping("/{attachmentId}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
			@PathVariable Long attachmentId) {
		return this.downloads.download(this.submissions.visibleTo(user, id), attachmentId);
	}

	/** The removed kinds of properties as a list in the user's language. */
	private String fields(List<MetadataField> removed) {
		return removed.stream()
			.map(f -> this.messages.get("attachment.metadata.field." + f))
			.collect(Collectors.joining(this.messages.get("attachment.metadata.separator")));
	}

	private static boolean hasName(MultipartFile file) {
		return file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
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
