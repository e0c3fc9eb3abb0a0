package io.evalflow.notification.web;

import java.util.Map;

import io.evalflow.notification.Outbox;
import io.evalflow.notification.OutboxMessage;
import io.evalflow.notification.OutboxStatus;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's outbox: every e-mail with its delivery state, newest first, filtered by
 * status and paged; failed ones can be sent again.
 */
@Controller
@RequestMapping("/organizer/outbox")
class OutboxController {

	static final String VIEW = "notification/outbox";

	private final Outbox outbox;

	private final UserMessages messages;

	private final boolean sending;

	OutboxController(Outbox outbox, UserMessages messages, @Value("${evalflow.mail.enabled:false}") boolean sending) {
		this.outbox = outbox;
		this.messages = messages;
		this.sending = sending;
	}

	@GetMapping
	String list(@RequestParam(required = false) OutboxStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("messages", this.outbox.messages(status, page));
		model.addAttribute("status", status);
		Map<OutboxStatus, Long> counts = this.outbox.countsByStatus();
		model.addAttribute("counts", counts);
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("sending", this.sending);
		return VIEW;
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable Long id, @RequestParam(required = false) OutboxStatus status,
			RedirectAttributes redirect) {
		try {
			OutboxMessage message = this.outbox.retry(id);
			redirect.addFlashAttribute("success",
					this.messages.get("notification.outbox.retried", message.getRecipient()));
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
		}
		if (status != null) {
			redirect.addAttribute("status", status);
		}
		return "redirect:/organizer/outbox";
	}

}
