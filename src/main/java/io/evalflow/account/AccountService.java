package io.evalflow.account;

import java.time.Clock;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Registration of applicant units and the accounts of experts and staff; lookups of units
 * by id or name.
 */
@Service
@Transactional
public class AccountService {

	private final AccountRepository accounts;

	private final UnitRepository units;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	AccountService(AccountRepository accounts, UnitRepository units, PasswordEncoder passwordEncoder, Clock clock) {
		this.accounts = accounts;
		this.units = units;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/**
	 * Registers an applicant: the unit (or the individual) and its contact person's
	 * account.
	 */
	public Account registerApplicant(RegistrationRequest request) {
		checkUsernameFree(request.username());
		if (this.units.findByName(request.unitName().trim()).isPresent()) {
			throw new DomainException("account.error.unitTaken", request.unitName());
		}
		Unit unit = new Unit(request.unitName().trim(), request.unitType(), request.region(), this.clock.instant());
		unit.contact(request.contactPerson(), request.email(), request.phone());
		this.units.save(unit);
		String displayName = StringUtils.hasText(request.contactPerson()) ? request.contactPerson() : unit.getName();
		return this.accounts.save(new Account(request.username(), this.passwordEncoder.encode(request.password()),
				displayName, Role.APPLICANT, unit.getId(), this.clock.instant()));
	}

	/**
	 * Creates an account of any role; used for experts, organizers and the demo.
	 */
	public Account createAccount(String username, String rawPassword, String displayName, Role role, Long unitId) {
		checkUsernameFree(username);
		return this.accounts.save(new Account(username, this.passwordEncoder.encode(rawPassword), displayName, role,
				unitId, this.clock.instant()));
	}

	/**
	 * The unit of that name, created with the given type and region when it is new.
	 * Co-applicant units and experts' affiliations are often named before anyone from
	 * them registers.
	 */
	public Unit findOrCreateUnit(String name, UnitType type, String region) {
		String trimmed = name.trim();
		return this.units.findByName(trimmed)
			.orElseGet(() -> this.units.save(new Unit(trimmed, type, region, this.clock.instant())));
	}

	/**
	 * A new unit, under an existing parent unit if one is given. Unlike
	 * {@link #findOrCreateUnit}, refuses a name that is taken.
	 */
	public Unit createUnit(String name, UnitType type, String region, Long parentId) {
		String trimmed = name.trim();
		if (this.units.findByName(trimmed).isPresent()) {
			throw new DomainException("account.error.unitTaken", trimmed);
		}
		Unit unit = new Unit(trimmed, type, region, this.clock.instant());
		if (parentId != null) {
			unit.placeUnder(unit(parentId).getId());
		}
		return this.units.save(unit);
	}

	/**
	 * The units with these names, compared without regard to case (as MySQL's unique key
	 * on the name does); names without a unit are left out.
	 */
	@Transactional(readOnly = true)
	public List<Unit> unitsNamed(Collection<String> names) {
		List<Unit> found = new ArrayList<>();
		chunks(lowerCase(names)).forEach(chunk -> found.addAll(this.units.findByLowerCaseNameIn(chunk)));
		return found;
	}

	/**
	 * Which of these user names are taken, compared without regard to case; in lower
	 * case.
	 */
	@Transactional(readOnly = true)
	public Set<String> takenUsernames(Collection<String> usernames) {
		Set<String> taken = new HashSet<>();
		chunks(lowerCase(usernames)).forEach(chunk -> taken.addAll(this.accounts.findTakenLowerCaseUsernames(chunk)));
		return taken;
	}

	@Transactional(readOnly = true)
	public Optional<Account> findAccount(String username) {
		return this.accounts.findByUsername(username);
	}

	@Transactional(readOnly = true)
	public boolean usernameTaken(String username) {
		return this.accounts.existsByUsername(username);
	}

	@Transactional(readOnly = true)
	public Unit unit(Long id) {
		return this.units.findById(id).orElseThrow(() -> new NotFoundException("unit", id));
	}

	@Transactional(readOnly = true)
	public Optional<Unit> findUnit(String name) {
		return this.units.findByName(name.trim());
	}

	@Transactional(readOnly = true)
	public Map<Long, Unit> units(Collection<Long> ids) {
		return this.units.findAllById(ids).stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
	}

	/**
	 * By primary key, so an account already loaded in this transaction costs no query.
	 */
	@Transactional(readOnly = true)
	public String username(Long accountId) {
		return this.accounts.findById(accountId)
			.map(Account::getUsername)
			.orElseThrow(() -> new NotFoundException("account", accountId));
	}

	/**
	 * Every unit's parent (部委 → 司局, 省 → 厅局, 集团 → 子公司), for conflicts of interest; units
	 * without a parent are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> unitParents() {
		Map<Long, Long> parents = new HashMap<>();
		for (Object[] link : this.units.parentLinks()) {
			parents.put((Long) link[0], (Long) link[1]);
		}
		return parents;
	}

	/** User names by account id. */
	@Transactional(readOnly = true)
	public Map<Long, String> usernames(Collection<Long> accountIds) {
		Map<Long, String> names = new HashMap<>();
		for (Account account : this.accounts.findAllById(accountIds)) {
			names.put(account.getId(), account.getUsername());
		}
		return names;
	}

	@Transactional(readOnly = true)
	public Map<Long, Account> accountsById(Collection<Long> ids) {
		return this.accounts.findAllById(ids).stream().collect(Collectors.toMap(Account::getId, Function.identity()));
	}

	@Transactional(readOnly = true)
	public List<Account> accounts(Role role) {
		return this.accounts.findByRoleOrderByUsername(role);
	}

	private static List<String> lowerCase(Collection<String> names) {
		return names.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).distinct().toList();
	}

	/** Keeps each IN list of a query short. */
	private static List<List<String>> chunks(List<String> values) {
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < values.size(); i += 500) {
			chunks.add(values.subList(i, Math.min(values.size(), i + 500)));
		}
		return chunks;
	}

	private void checkUsernameFree(String username) {
		if (this.accounts.existsByUsername(username)) {
			throw new DomainException("account.error.usernameTaken", username);
		}
	}

}
