package io.evalflow.submission.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sends an applicant whose upload exceeds the multipart limits back to the application
 * with a sentence, instead of an error page. The container parses a multipart body the
 * first time a parameter is read, which is Spring Security's CSRF check, before any
 * controller; since Tomcat 11 a body over the limits fails right there. So this filter,
 * ordered before the security chain, parses uploads first. It stores nothing and tells
 * nothing about the application: the redirect still goes through the access rules.
 */
@Component
@Order(UploadLimitFilter.ORDER)
class UploadLimitFilter extends OncePerRequestFilter {

	/** After the request-context filter, before Spring Security's chain (-100). */
	static final int ORDER = -101;

	private static final Pattern UPLOAD = Pattern.compile("/applicant/applications/(\\d+)/attachments/?");

	private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final DataSize maxFileSize;

	private final DataSize maxRequestSize;

	UploadLimitFilter(MessageSource messages, LocaleResolver locales,
			@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize,
			@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
		this.messages = messages;
		this.locales = locales;
		this.maxFileSize = maxFileSize;
		this.maxRequestSize = maxRequestSize;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !this.multipart.isMultipart(request)
				|| !UPLOAD.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// The container keeps the parsed parts; later readers get them again.
			this.multipart.resolveMultipart(request);
		}
		catch (MaxUploadSizeExceededException ex) {
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Matcher upload = UPLOAD.matcher(path(request));
		String target = upload.matches()
				? ApplicantController.redirectTo(Long.valueOf(upload.group(1))).substring("redirect:".length())
				: "/applicant";
		if (request.getSession(false) != null) {
			Locale locale = this.locales.resolveLocale(request);
			FlashMap flash = new FlashMap();
			flash.put("error", this.messages.getMessage("submission.attachments.requestTooLarge",
					new Object[] { this.maxFileSize.toMegabytes(), this.maxRequestSize.toMegabytes() }, locale));
			flash.setTargetRequestPath(request.getContextPath() + target);
			this.flashMaps.saveOutputFlashMap(flash, request, response);
		}
		response.sendRedirect(request.getContextPath() + target);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
