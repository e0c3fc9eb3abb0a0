package io.evalflow.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.evalflow.account.Account;
import io.evalflow.account.AccountService;
import io.evalflow.account.Role;
import io.evalflow.account.Unit;
import io.evalflow.account.UnitType;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The expert pool.
 */
@Service
@Transactional
public class ExpertService {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final ExpertRepository experts;

	private final AccountService accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ExpertService(ExpertRepository experts, AccountService accounts, Clock clock, ApplicationEventPublisher events) {
		this.experts = experts;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	public Expert create(ExpertRequest request) {
		return create(request, false);
	}

	public Expert create(ExpertRequest request, boolean synthetic) {
		if (!StringUtils.hasText(request.username()) || !StringUtils.hasText(request.name())
				|| !StringUtils.hasText(request.unitName())) {
			throw new DomainException("expert.error.incomplete");
		}
		if (request.loadCap() < 1 || request.loadCap() > 100_000) {
			throw new DomainException("expert.error.loadCap");
		}
		if (request.campaignLoadCap() != null
				&& (request.campaignLoadCap() < request.loadCap() || request.campaignLoadCap() > 100_000)) {
			throw new DomainException("expert.error.campaignLoadCap");
		}
		String email = StringUtils.hasText(request.email()) ? request.email().trim() : null;
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new DomainException("expert.error.email", email);
		}
		Unit unit = this.accounts.findOrCreateUnit(request.unitName(), UnitType.RESEARCH_INSTITUTE, request.region());
		Account account = this.accounts.createAccount(request.username(), request.password(), request.name(),
				Role.EXPERT, unit.getId());
		Expert expert = this.experts
			.save(new Expert(account.getId(), request.name().trim(), unit.getId(), request.region(), request.title(),
					request.loadCap(), request.categoryCodes(), synthetic, this.clock.instant())
				.contact(email, request.campaignLoadCap()));
		this.events.publishEvent(new ExpertJoined(expert.getId(), account.getUsername()));
		return expert;
	}

	/**
	 * Takes the expert into or out of the pool that rounds draw from; their reviews
	 * already assigned are unaffected.
	 */
	public Expert setActive(Long expertId, boolean active) {
		Expert expert = get(expertId);
		if (active) {
			expert.activate();
		}
		else {
			expert.deactivate();
		}
		return expert;
	}

	@Transactional(readOnly = true)
	public List<Expert> pool() {
		return this.experts.findAllByOrderById();
	}

	@Transactional(readOnly = true)
	public List<Expert> active() {
		return this.experts.findByActiveTrueOrderById();
	}

	@Transactional(readOnly = true)
	public Expert get(Long expertId) {
		return this.experts.findById(expertId).orElseThrow(() -> new NotFoundException("expert", expertId));
	}

	@Transactional(readOnly = true)
	public Optional<Expert> forAccount(Long accountId) {
		return this.experts.findByAccountId(accountId);
	}

}
