package io.evalflow.account.web;

import io.evalflow.account.AccountService;
import io.evalflow.account.UnitType;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.UserMessages;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self-registration of applicant units and individual applicants. Experts and staff get
 * their accounts from the organizer.
 */
@Controller
@RequestMapping("/register")
class RegistrationController {

	static final String VIEW = "account/register";

	private final AccountService accounts;

	private final UserMessages messages;

	RegistrationController(AccountService accounts, UserMessages messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@ModelAttribute("unitTypes")
	UnitType[] unitTypes() {
		return UnitType.values();
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", new RegistrationForm());
		return VIEW;
	}

	@PostMapping
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (!form.passwordsMatch()) {
			result.rejectValue("confirmPassword", "account.register.confirmPassword.mismatch");
		}
		if (!form.passwordFitsHash()) {
			result.rejectValue("password", "account.register.password.tooLong",
					new Object[] { RegistrationForm.PASSWORD_MAX_BYTES }, null);
		}
		if (!result.hasErrors()) {
			try {
				this.accounts.registerApplicant(form.toRequest());
				redirect.addFlashAttribute("success", this.messages.get("account.register.done", form.getUsername()));
				return "redirect:/login";
			}
			catch (DomainException ex) {
				rejectRefusal(result, ex);
			}
			catch (DataIntegrityViolationException ex) {
				// Someone took the name between our check and the insert.
				result.reject("account.register.conflict");
			}
		}
		form.forgetPasswords();
		return VIEW;
	}

	/** Puts the service's refusal next to the field it is about. */
	private static void rejectRefusal(BindingResult result, DomainException ex) {
		String field = switch (ex.getMessageKey()) {
			case "account.error.usernameTaken" -> "username";
			case "account.error.unitTaken" -> "unitName";
			default -> null;
		};
		if (field != null) {
			result.rejectValue(field, ex.getMessageKey(), ex.getArguments(), null);
		}
		else {
			result.reject(ex.getMessageKey(), ex.getArguments(), null);
		}
	}

}
