package io.evalflow.review;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.evalflow.account.Account;
import io.evalflow.account.AccountService;
import io.evalflow.account.Role;
import io.evalflow.account.Unit;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.CampaignService;
import io.evalflow.review.expertimport.ExpertImportCheck;
import io.evalflow.review.expertimport.ExpertImportRefused;
import io.evalflow.review.expertimport.ImportPlan;
import io.evalflow.review.expertimport.ImportRow;
import io.evalflow.review.expertimport.KnownFacts;
import io.evalflow.review.expertimport.KnownFacts.ExpertAt;
import io.evalflow.review.expertimport.KnownFacts.KnownUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds experts to the pool from an XLSX spreadsheet, all or nothing: the whole file is
 * checked first ({@link ExpertImportCheck}), and only a file without problems is
 * imported, in one transaction. Each expert gets a sign-in account with a generated
 * initial password, returned once in the result; units the file marks as new are created,
 * parents first.
 */
@Service
@Transactional
public class ExpertImport {

	/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/l/I). */
	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final int PASSWORD_LENGTH = 12;

	private final ExpertRepository experts;

	private final AccountService accounts;

	private final CampaignService campaigns;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	ExpertImport(ExpertRepository experts, AccountService accounts, CampaignService campaigns, Clock clock,
			ApplicationEventPublisher events) {
		this.experts = experts;
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Imports the experts of an XLSX workbook's first sheet.
	 * @throws ExpertImportRefused with every problem of the file; nothing is imported
	 */
	public ExpertImportResult importWorkbook(byte[] content) {
		ExpertImportCheck check = ExpertImportCheck.of(content);
		KnownFacts known = known(check);
		ImportPlan plan = check.plan(known);
		Map<String, Long> unitIds = new HashMap<>();
		known.units().forEach((key, unit) -> unitIds.put(key, unit.id()));
		List<String> unitsCreated = new ArrayList<>();
		for (ImportPlan.NewUnit newUnit : plan.units()) {
			Long parentId = (newUnit.parentName() != null) ? unitIds.get(ExpertImportCheck.key(newUnit.parentName()))
					: null;
			Unit unit = this.accounts.createUnit(newUnit.name(), UnitType.RESEARCH_INSTITUTE, newUnit.region(),
					parentId);
			unitIds.put(ExpertImportCheck.key(unit.getName()), unit.getId());
			unitsCreated.add(unit.getName());
		}
		Instant now = this.clock.instant();
		List<ExpertImportResult.Imported> imported = new ArrayList<>();
		for (ImportRow row : plan.rows()) {
			Long unitId = unitIds.get(ExpertImportCheck.key(row.unit()));
			String password = password();
			Account account = this.accounts.createAccount(row.username(), password, row.name(), Role.EXPERT, unitId);
			Expert expert = this.experts.save(new Expert(account.getId(), row.name(), unitId, row.region(), row.title(),
					row.roundCap(), row.categoryCodes(), false, now)
				.contact(row.email(), row.campaignCap()));
			this.events.publishEvent(new ExpertJoined(expert.getId(), row.username()));
			imported.add(
					new ExpertImportResult.Imported(expert, new InitialPassword(row.username(), row.name(), password)));
		}
		return new ExpertImportResult(imported, unitsCreated);
	}

	/** The category codes of every campaign, which experts may cover. */
	@Transactional(readOnly = true)
	public Set<String> categoryCodes() {
		Set<String> codes = new HashSet<>();
		this.campaigns.all().forEach(c -> c.getCategories().forEach(category -> codes.add(category.getCode())));
		return codes;
	}

	private KnownFacts known(ExpertImportCheck check) {
		List<Unit> units = this.accounts.unitsNamed(check.unitNames());
		Map<Long, Unit> parents = this.accounts
			.units(units.stream().map(Unit::getParentId).filter(id -> id != null).distinct().toList());
		Map<String, KnownUnit> byKey = units.stream()
			.collect(
					Collectors.toMap(u -> ExpertImportCheck.key(u.getName()),
							u -> new KnownUnit(u.getId(), u.getName(),
									(u.getParentId() != null) ? parents.get(u.getParentId()).getName() : null),
							(a, b) -> a));
		Set<ExpertAt> pool = new HashSet<>();
		if (!units.isEmpty()) {
			for (Object[] expert : this.experts.namesInUnits(units.stream().map(Unit::getId).toList())) {
				pool.add(new ExpertAt((String) expert[0], (Long) expert[1]));
			}
		}
		return new KnownFacts(byKey, this.accounts.takenUsernames(check.usernames()), categoryCodes(), pool);
	}

	private String password() {
		StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
		for (int i = 0; i < PASSWORD_LENGTH; i++) {
			password.append(PASSWORD_ALPHABET.charAt(this.random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

}
