package io.evalflow.review.expertimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.evalflow.review.expertimport.KnownFacts.ExpertAt;
import io.evalflow.review.expertimport.KnownFacts.KnownUnit;

/**
 * Checks a whole expert-pool spreadsheet before anything of it is imported: the header
 * row, every cell, and then every row against the system (units, user names, categories,
 * the pool), collecting every problem with its row and column. Only a spreadsheet without
 * problems yields an {@link ImportPlan}.
 * <p>
 * A unit must exist unless a row marks it 新单位 = Y; the first such row creates it, with
 * the parent unit given on that row, which must exist or be created by an earlier row.
 * Every other row that names the unit with a parent must name the same parent. Unit names
 * and user names are compared without regard to case, as MySQL does.
 */
public final class ExpertImportCheck {

	/**
	 * Rows below the header one file may hold. Each new expert costs a bcrypt hash of
	 * their password (about 70 ms on two cores), so 2,000 rows take a few minutes in one
	 * transaction; a larger pool comes in several files.
	 */
	public static final int MAX_ROWS = 2_000;

	private final List<ImportRow> rows = new ArrayList<>();

	private final List<ImportProblem> problems = new ArrayList<>();

	private ExpertImportCheck() {
	}

	/**
	 * Reads the workbook and checks its header and every cell.
	 * @throws ExpertImportRefused when the file is not a readable XLSX within the limits,
	 * or its header row is not the expected one
	 */
	public static ExpertImportCheck of(byte[] content) {
		ExpertSheet sheet = ExpertSheetReader.read(content, MAX_ROWS);
		List<ExpertSheet.Row> all = sheet.rows();
		boolean hasHeader = !all.isEmpty() && all.get(0).number() == 1;
		ExpertSheet.Row header = hasHeader ? all.get(0) : new ExpertSheet.Row(1, new TreeMap<>());
		List<ImportProblem> headerProblems = HeaderCheck.problems(header);
		if (!headerProblems.isEmpty()) {
			throw new ExpertImportRefused(headerProblems);
		}
		List<ExpertSheet.Row> data = all.subList(hasHeader ? 1 : 0, all.size());
		if (data.isEmpty()) {
			throw ExpertImportRefused.because("expertimport.file.noRows");
		}
		if (data.size() > MAX_ROWS) {
			throw ExpertImportRefused.because("expertimport.file.tooManyRows", MAX_ROWS);
		}
		ExpertImportCheck check = new ExpertImportCheck();
		data.forEach(row -> check.rows.add(RowReader.read(row, check.problems)));
		check.checkDuplicates();
		return check;
	}

	/** The user names of the rows, to look up which are taken. */
	public Set<String> usernames() {
		Set<String> names = new LinkedHashSet<>();
		this.rows.stream().map(ImportRow::username).filter(n -> n != null).forEach(names::add);
		return names;
	}

	/** The units and parent units the rows name, to look up which exist. */
	public Set<String> unitNames() {
		Set<String> names = new LinkedHashSet<>();
		for (ImportRow row : this.rows) {
			Optional.ofNullable(row.unit()).ifPresent(names::add);
			Optional.ofNullable(row.parentUnit()).ifPresent(names::add);
		}
		return names;
	}

	/**
	 * Checks the rows against what the system holds.
	 * @throws ExpertImportRefused with every problem of the file, if it has any
	 */
	public ImportPlan plan(KnownFacts known) {
		List<ImportProblem> found = new ArrayList<>(this.problems);
		Map<String, ImportRow> created = creatingRows(known);
		for (ImportRow row : this.rows) {
			checkAgainst(known, created, row, found);
		}
		if (!found.isEmpty()) {
			throw new ExpertImportRefused(found);
		}
		List<ImportPlan.NewUnit> units = created.values()
			.stream()
			.map(r -> new ImportPlan.NewUnit(r.unit(), r.parentUnit(), r.region()))
			.toList();
		return new ImportPlan(units, this.rows);
	}

	/** How names are compared: trimmed, without regard to case. */
	public static String key(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	/** A value as quoted in a message: long ones are cut. */
	static String shown(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	/** The same user name, or the same expert (name and unit), twice in the file. */
	private void checkDuplicates() {
		Map<String, Integer> usernames = new HashMap<>();
		Map<String, Integer> experts = new HashMap<>();
		for (ImportRow row : this.rows) {
			if (row.username() != null) {
				Integer first = usernames.putIfAbsent(key(row.username()), row.row());
				if (first != null) {
					this.problems.add(ImportProblem.at(row.row(), ExpertImportColumn.USERNAME.index(),
							"expertimport.username.duplicate", row.username(), first));
				}
			}
			if (row.name() != null && row.unit() != null) {
				Integer first = experts.putIfAbsent(row.name() + "\n" + key(row.unit()), row.row());
				if (first != null) {
					this.problems.add(ImportProblem.at(row.row(), ExpertImportColumn.NAME.index(),
							"expertimport.expert.duplicate", row.name(), row.unit(), first));
				}
			}
		}
	}

	/** The first row marked 新单位 = Y of each unit the system does not have. */
	private Map<String, ImportRow> creatingRows(KnownFacts known) {
		Map<String, ImportRow> created = new LinkedHashMap<>();
		for (ImportRow row : this.rows) {
			if (row.newUnit() && row.unit() != null && !known.units().containsKey(key(row.unit()))) {
				created.putIfAbsent(key(row.unit()), row);
			}
		}
		return created;
	}

	private void checkAgainst(KnownFacts known, Map<String, ImportRow> created, ImportRow row,
			List<ImportProblem> found) {
		if (row.username() != null && known.takenUsernames().contains(key(row.username()))) {
			found.add(ImportProblem.at(row.row(), ExpertImportColumn.USERNAME.index(), "expertimport.username.taken",
					row.username()));
		}
		for (String code : row.categoryCodes()) {
			if (!known.categoryCodes().contains(code)) {
				found.add(ImportProblem.at(row.row(), ExpertImportColumn.CATEGORIES.index(),
						"expertimport.category.unknown", shown(code),
						String.join(", ", new TreeSet<>(known.categoryCodes()))));
			}
		}
		if (row.unit() == null) {
			return;
		}
		KnownUnit existing = known.units().get(key(row.unit()));
		ImportRow creating = created.get(key(row.unit()));
		int unitColumn = ExpertImportColumn.UNIT.index();
		int parentColumn = ExpertImportColumn.PARENT_UNIT.index();
		if (existing != null) {
			if (row.name() != null && known.experts().contains(new ExpertAt(row.name(), existing.id()))) {
				found.add(ImportProblem.at(row.row(), ExpertImportColumn.NAME.index(), "expertimport.expert.exists",
						row.name(), existing.name()));
			}
			if (row.parentUnit() != null && !sameUnit(row.parentUnit(), existing.parentName())) {
				found.add((existing.parentName() != null)
						? ImportProblem.at(row.row(), parentColumn, "expertimport.unit.parentMismatch", existing.name(),
								existing.parentName(), row.parentUnit())
						: ImportProblem.at(row.row(), parentColumn, "expertimport.unit.hasNoParent", existing.name(),
								row.parentUnit()));
			}
		}
		else if (creating == null) {
			found.add(ImportProblem.at(row.row(), unitColumn, "expertimport.unit.unknown", shown(row.unit())));
		}
		else if (creating == row) {
			if (row.parentUnit() != null && !known.units().containsKey(key(row.parentUnit()))
					&& !createdBefore(created, row.parentUnit(), row.row())) {
				found.add(ImportProblem.at(row.row(), parentColumn, "expertimport.unit.parentUnknown",
						shown(row.parentUnit())));
			}
		}
		else if (row.parentUnit() != null && !sameUnit(row.parentUnit(), creating.parentUnit())) {
			found.add((creating.parentUnit() != null)
					? ImportProblem.at(row.row(), parentColumn, "expertimport.unit.parentDiffers", creating.unit(),
							creating.row(), creating.parentUnit(), row.parentUnit())
					: ImportProblem.at(row.row(), parentColumn, "expertimport.unit.createdWithoutParent",
							creating.unit(), creating.row(), row.parentUnit()));
		}
	}

	private static boolean createdBefore(Map<String, ImportRow> created, String unit, int row) {
		ImportRow creating = created.get(key(unit));
		return creating != null && creating.row() < row;
	}

	private static boolean sameUnit(String a, String b) {
		return b != null && key(a).equals(key(b));
	}

}
