package io.evalflow.config;

import java.util.Locale;

import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of the JSON API as RFC 9457 problem details, in the caller's language
 * (Accept-Language).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, ex, locale);
	}

	@ExceptionHandler(DomainException.class)
	ProblemDetail refused(DomainException ex, Locale locale) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, ex, locale);
	}

	@ExceptionHandler({ MethodArgumentNotValidException.class, HttpMessageNotReadableException.class,
			MethodArgumentTypeMismatchException.class })
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
