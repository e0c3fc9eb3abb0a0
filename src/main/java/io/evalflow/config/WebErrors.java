package io.evalflow.config;

import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The last word on refusals that a screen did not handle itself: a page that says what
 * went wrong in the user's language. Screens handle the refusals they expect next to the
 * form.
 */
@ControllerAdvice(annotations = Controller.class)
class WebErrors {

	private final UserMessages messages;

	WebErrors(UserMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return page(ex, model);
	}

	@ExceptionHandler(DomainException.class)
	String refused(DomainException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return page(ex, model);
	}

	private String page(DomainException ex, Model model) {
		model.addAttribute("message", this.messages.of(ex));
		return "error/refused";
	}

}
