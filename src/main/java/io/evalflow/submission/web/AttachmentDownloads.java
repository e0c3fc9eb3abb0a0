package io.evalflow.submission.web;

import java.nio.charset.StandardCharsets;

import io.evalflow.shared.NotFoundException;
import io.evalflow.submission.Application;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.SubmissionService;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Serves an attachment the caller has already been allowed to see, always as a download:
 * an uploaded file is never rendered by the browser in the site's origin.
 */
@Component
class AttachmentDownloads {

	private final SubmissionService submissions;

	AttachmentDownloads(SubmissionService submissions) {
		this.submissions = submissions;
	}

	ResponseEntity<Resource> download(Application visible, Long attachmentId) {
		Attachment attachment = visible.attachment(attachmentId);
		Resource file = this.submissions.download(visible, attachmentId);
		if (!file.exists()) {
			throw new NotFoundException("attachment", attachmentId);
		}
		// Spring writes an ASCII fallback filename and the RFC 5987 filename* for Chinese
		// names.
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(attachment.getOriginalName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(attachment.getContentType()))
			.contentLength(attachment.getSizeBytes())
			.body(file);
	}

}
