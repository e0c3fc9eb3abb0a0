package io.evalflow.account.web;

import java.net.URI;

import io.evalflow.account.Account;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Unit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration of applicant units and the caller's own account, for automation.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "Registration of applicant units and the signed-in account")
class AccountApiController {

	private final AccountService accounts;

	AccountApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/registrations")
	@SecurityRequirements
	@ApiResponse(responseCode = "201", description = "Registered")
	@Operation(summary = "Register an applicant unit (申报单位) and its contact person's account",
			description = "Public. The account signs in with HTTP Basic afterwards.")
	ResponseEntity<AccountView> register(@Valid @RequestBody RegistrationBody body) {
		Account account = this.accounts.registerApplicant(body.toRequest());
		return ResponseEntity.created(URI.create("/api/v1/me")).body(view(account));
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in account, its role and unit")
	AccountView me(@AuthenticationPrincipal CurrentUser user) {
		return view(this.accounts.findAccount(user.getUsername()).orElseThrow());
	}

	private AccountView view(Account account) {
		Unit unit = (account.getUnitId() != null) ? this.accounts.unit(account.getUnitId()) : null;
		return AccountView.of(account, unit);
	}

}
