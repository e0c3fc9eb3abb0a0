package io.evalflow.demo.web;

import java.security.Principal;

import io.evalflow.demo.ReplayRuns;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.UserMessages;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Offers the demo replay to organizers of the embedded demo and shows its progress.
 */
@Controller
@ConditionalOnBooleanProperty("evalflow.demo.enabled")
class ReplayController {

	private final ReplayRuns runs;

	private final UserMessages messages;

	ReplayController(ReplayRuns runs, UserMessages messages) {
		this.runs = runs;
		this.messages = messages;
	}

	@GetMapping("/organizer/demo")
	String status(Model model) {
		ReplayRuns.Status status = this.runs.status();
		model.addAttribute("status", status);
		model.addAttribute("refusal", (status.refusal() != null) ? this.messages.of(status.refusal()) : null);
		return "demo/replay";
	}

	@PostMapping("/organizer/demo/replay")
	String start(Principal organizer, RedirectAttributes redirect) {
		try {
			this.runs.start(organizer.getName());
			redirect.addFlashAttribute("success", this.messages.get("demo.started"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return "redirect:/organizer/demo";
	}

}
