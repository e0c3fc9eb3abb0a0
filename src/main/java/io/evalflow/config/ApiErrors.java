package io.evalflow.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.shared.BusyException;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Refusals of the JSON API as RFC 9457 problem details, in the caller's language
 * (Accept-Language). The response statuses also tell the OpenAPI document which problems
 * every operation may answer.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound(NotFoundException ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, ex, locale);
	}

	@ExceptionHandler(DomainException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	ProblemDetail refused(DomainException ex, Locale locale) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, ex, locale);
	}

	/**
	 * The request kept losing races with other users' requests and changed nothing; the
	 * same request sent again will most likely succeed.
	 */
	@ExceptionHandler(BusyException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	ResponseEntity<ProblemDetail> busy(BusyException ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ex, locale));
	}

	/**
	 * Role rules ({@code @PreAuthorize}) and the services' object-level checks. Left to
	 * Spring Security, they would reach the client as a servlet error page, not as
	 * problem JSON.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ProblemDetail forbidden(AccessDeniedException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
		problem.setDetail(this.messages.getMessage("account.error.forbidden", null, locale));
		return problem;
	}

	/**
	 * A body that breaks its constraints: every field's message, in the caller's
	 * language.
	 */
	@ExceptionHandler(MethodArgumentNotValidException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail invalid(MethodArgumentNotValidException ex, Locale locale) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map(error -> Map.of("field",
					(error instanceof FieldError field) ? field.getField() : error.getObjectName(), "message",
					this.messages.getMessage(error, locale)))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setDetail(String.join(" ", errors.stream().map(e -> e.get("message")).toList()));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			ServletRequestBindingException.class, MissingServletRequestPartException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail unreadable(Exception ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setDetail(this.messages.getMessage("error.badRequest", null, locale));
		return problem;
	}

	private ProblemDetail problem(HttpStatus status, DomainException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail(this.messages.getMessage(ex.getMessageKey(), ex.getArguments(), locale));
		problem.setProperty("code", ex.getMessageKey());
		return problem;
	}

}
