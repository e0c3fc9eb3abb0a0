package io.evalflow.account;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in principal, carrying the ids that object-level checks need without another
 * query.
 */
public class CurrentUser extends User {

	private final Long accountId;

	private final Long unitId;

	private final Role role;

	private final String displayName;

	CurrentUser(Account account) {
		super(account.getUsername(), account.getPasswordHash(), account.isEnabled(), true, true, true,
				List.of(new SimpleGrantedAuthority(account.getRole().authority())));
		this.accountId = account.getId();
		this.unitId = account.getUnitId();
		this.role = account.getRole();
		this.displayName = account.getDisplayName();
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public Role getRole() {
		return this.role;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public boolean is(Role role) {
		return this.role == role;
	}

}
