package io.evalflow.submission.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.evalflow.shared.UserMessages;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A request over the multipart limits fails while it is parsed, before any controller is
 * chosen; this advice therefore applies to every handler. It sends the applicant back to
 * the application with a sentence instead of an error page. The upload form carries its
 * CSRF token in the URL, so the token is still read when the body is refused.
 */
@ControllerAdvice
class UploadLimits {

	private static final Pattern UPLOAD = Pattern.compile("/applicant/applications/(\\d+)/attachments/?");

	private final UserMessages messages;

	private final DataSize maxFileSize;

	private final DataSize maxRequestSize;

	UploadLimits(UserMessages messages, @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize,
			@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
		this.messages = messages;
		this.maxFileSize = maxFileSize;
		this.maxRequestSize = maxRequestSize;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", this.messages.get("submission.attachments.requestTooLarge",
				this.maxFileSize.toMegabytes(), this.maxRequestSize.toMegabytes()));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher upload = UPLOAD.matcher(path);
		return upload.matches() ? ApplicantController.redirectTo(Long.valueOf(upload.group(1))) : "redirect:/applicant";
	}

}
