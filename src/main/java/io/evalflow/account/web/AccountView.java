package io.evalflow.account.web;

import io.evalflow.account.Account;
import io.evalflow.account.Role;
import io.evalflow.account.Unit;
import io.evalflow.account.UnitType;

/**
 * An account as the API shows it; the unit is absent for staff without one.
 */
record AccountView(Long id, String username, String displayName, Role role, AccountUnitView unit) {

	static AccountView of(Account account, Unit unit) {
		return new AccountView(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
				(unit != null) ? new AccountUnitView(unit.getId(), unit.getName(), unit.getType(), unit.getRegion())
						: null);
	}

	record AccountUnitView(Long id, String name, UnitType type, String region) {
	}

}
