package io.evalflow.audit.web;

import java.util.List;

import io.evalflow.audit.AuditChain;
import io.evalflow.audit.AuditLog;
import io.evalflow.audit.AuditRecord;
import io.evalflow.audit.ChainVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log and its verification, for automation and outside checks.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
@Tag(name = "Audit log", description = "Every state change with who, when, what and why, chained by hash")
class AuditApiController {

	private final AuditLog log;

	private final AuditChain chain;

	AuditApiController(AuditLog log, AuditChain chain) {
		this.log = log;
		this.chain = chain;
	}

	@GetMapping("/verify")
	@Operation(summary = "Verify the audit chain",
			description = "Recomputes every row's SHA-256 and link up to the head. Intact: the number of rows and "
					+ "the head's hash. Broken: the first broken row's seq and what is wrong with it.")
	ChainVerification verify() {
		return this.chain.verify();
	}

	@GetMapping("/events")
	@Operation(summary = "A page of the audit log, newest first",
			description = "50 rows a page, of one campaign when campaignId is given; each row with its hashes, "
					+ "so the chain can also be checked outside evalflow.")
	List<AuditRecord> events(@RequestParam(required = false) Long campaignId,
			@RequestParam(defaultValue = "0") int page) {
		return this.log.page(campaignId, page).getContent();
	}

}
