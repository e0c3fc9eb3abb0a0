package io.evalflow.review;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.account.Account;
import io.evalflow.account.AccountService;
import io.evalflow.account.Role;
import io.evalflow.account.Unit;
import io.evalflow.submission.Application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an application speaks for, as names a text may mention: its lead and co-applicant
 * units and their parent units (部委 → 司局), the units' contact persons, e-mail addresses
 * and phone numbers, and the applicant who wrote it. A blind round hides all of them
 * ({@link Redaction}).
 */
@Service
@Transactional(readOnly = true)
public class ApplicantIdentities {

	/** Hierarchies are shallow; the bound only guards against a loop in the data. */
	private static final int MAX_DEPTH = 10;

	private final AccountService accounts;

	ApplicantIdentities(AccountService accounts) {
		this.accounts = accounts;
	}

	public Redaction redaction(Application application, String placeholder) {
		return Redaction.of(names(List.of(application)).get(application.getId()), placeholder);
	}

	/** One redaction per application id, with two lookups for all of them. */
	public Map<Long, Redaction> redactions(Collection<Application> applications, String placeholder) {
		Map<Long, Redaction> redactions = new HashMap<>();
		names(applications).forEach((id, names) -> redactions.put(id, Redaction.of(names, placeholder)));
		return redactions;
	}

	/** The identifying names per application id. */
	public Map<Long, Set<String>> names(Collection<Application> applications) {
		Set<Long> unitIds = new HashSet<>();
		Set<Long> accountIds = new HashSet<>();
		applications.forEach(a -> {
			unitIds.addAll(a.unitIds());
			accountIds.add(a.getCreatedBy());
		});
		Map<Long, Unit> units = withAncestors(unitIds);
		Map<Long, Account> creators = this.accounts.accountsById(accountIds);
		Map<Long, Set<String>> names = new HashMap<>();
		for (Application application : applications) {
			Set<String> own = new LinkedHashSet<>();
			for (Long unitId : application.unitIds()) {
				Unit unit = units.get(unitId);
				if (unit != null) {
					own.add(unit.getName());
					own.add(unit.getContactPerson());
					own.add(unit.getEmail());
					own.add(unit.getPhone());
				}
				for (int depth = 0; unit != null && unit.getParentId() != null && depth < MAX_DEPTH; depth++) {
					unit = units.get(unit.getParentId());
					if (unit != null) {
						own.add(unit.getName());
					}
				}
			}
			Account creator = creators.get(application.getCreatedBy());
			if (creator != null && creator.getRole() == Role.APPLICANT) {
				own.add(creator.getDisplayName());
			}
			own.remove(null);
			names.put(application.getId(), own);
		}
		return names;
	}

	private Map<Long, Unit> withAncestors(Set<Long> unitIds) {
		Map<Long, Unit> units = new HashMap<>(this.accounts.units(unitIds));
		Set<Long> missing = parentsNotLoaded(units);
		for (int depth = 0; !missing.isEmpty() && depth < MAX_DEPTH; depth++) {
			units.putAll(this.accounts.units(missing));
			missing = parentsNotLoaded(units);
		}
		return units;
	}

	private static Set<Long> parentsNotLoaded(Map<Long, Unit> units) {
		Set<Long> missing = new HashSet<>();
		units.values().forEach(u -> {
			if (u.getParentId() != null && !units.containsKey(u.getParentId())) {
				missing.add(u.getParentId());
			}
		});
		return missing;
	}

}
