package io.evalflow.notification.web;

import io.evalflow.notification.Outbox;
import io.evalflow.notification.OutboxStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for automation: what was written to whom and how its delivery went, and
 * sending a failed message again. Organizers and admins only.
 */
@RestController
@RequestMapping("/api/v1/outbox")
@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
@Tag(name = "E-mail outbox", description = "Every e-mail evalflow writes, and its delivery")
class OutboxApiController {

	private final Outbox outbox;

	OutboxApiController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping
	@Operation(summary = "A page of the outbox, newest first",
			description = "50 messages a page, without their bodies; optionally only those of one status.")
	OutboxPageView messages(
			@Parameter(description = "PENDING, SENDING, SENT or FAILED; all when absent") @RequestParam(
					required = false) OutboxStatus status,
			@Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page) {
		return OutboxPageView.of(this.outbox.messages(status, page));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One message, with its body")
	OutboxMessageView message(@PathVariable Long id) {
		return OutboxMessageView.of(this.outbox.message(id), true);
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Send a failed message again",
			description = "Back to PENDING, due now, its failed attempts kept: one more attempt. 422 unless FAILED.")
	OutboxMessageView retry(@PathVariable Long id) {
		return OutboxMessageView.of(this.outbox.retry(id), true);
	}

}
