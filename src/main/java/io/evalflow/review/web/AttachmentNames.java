package io.evalflow.review.web;

import java.util.Map;

import io.evalflow.submission.Application;
import io.evalflow.submission.Attachment;

/**
 * The name an expert sees for an attachment. In a blind round the applicant's own file
 * name may name the unit, so the expert gets a neutral one whose extension follows the
 * file's checked content, never the name it was uploaded under.
 */
final class AttachmentNames {

	private static final Map<String, String> EXTENSIONS = Map.of("application/pdf", "pdf",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "application/msword",
			"doc", "image/png", "png", "image/jpeg", "jpg", "image/gif", "gif");

	private AttachmentNames() {
	}

	/**
	 * The name of one of the application's attachments, numbered by its place in the
	 * application's list.
	 */
	static String forExpert(Application application, Attachment attachment, boolean blind) {
		return forExpert(attachment, application.getAttachments().indexOf(attachment) + 1, blind);
	}

	/**
	 * @param position the attachment's place in the application's list, from 1
	 */
	static String forExpert(Attachment attachment, int position, boolean blind) {
		if (!blind) {
			return attachment.getOriginalName();
		}
		return "attachment-" + position + "." + EXTENSIONS.getOrDefault(attachment.getContentType(), "bin");
	}

}
