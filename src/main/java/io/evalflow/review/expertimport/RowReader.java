package io.evalflow.review.expertimport;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.evalflow.review.expertimport.ExpertImportColumn.CAMPAIGN_CAP;
import static io.evalflow.review.expertimport.ExpertImportColumn.CATEGORIES;
import static io.evalflow.review.expertimport.ExpertImportColumn.EMAIL;
import static io.evalflow.review.expertimport.ExpertImportColumn.NAME;
import static io.evalflow.review.expertimport.ExpertImportColumn.NEW_UNIT;
import static io.evalflow.review.expertimport.ExpertImportColumn.PARENT_UNIT;
import static io.evalflow.review.expertimport.ExpertImportColumn.REGION;
import static io.evalflow.review.expertimport.ExpertImportColumn.ROUND_CAP;
import static io.evalflow.review.expertimport.ExpertImportColumn.TITLE;
import static io.evalflow.review.expertimport.ExpertImportColumn.UNIT;
import static io.evalflow.review.expertimport.ExpertImportColumn.USERNAME;

/**
 * Reads one row of the sheet into an {@link ImportRow}, with a problem for every cell
 * that is not what its column needs. The limits are those of the expert form and the
 * database columns.
 */
final class RowReader {

	static final int MAX_CAP = 100_000;

	private static final Pattern USERNAME_PATTERN = Pattern.compile("[A-Za-z0-9._@-]{3,60}");

	private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	/** Category codes are separated by commas (half or full width), 、 or semicolons. */
	private static final Pattern CODE_SEPARATOR = Pattern.compile("[,，、;；\\s]+");

	private static final Set<String> YES = Set.of("y", "yes", "是");

	private static final Set<String> NO = Set.of("n", "no", "否");

	private final ExpertSheet.Row row;

	private final List<ImportProblem> problems;

	private RowReader(ExpertSheet.Row row, List<ImportProblem> problems) {
		this.row = row;
		this.problems = problems;
	}

	static ImportRow read(ExpertSheet.Row row, List<ImportProblem> problems) {
		return new RowReader(row, problems).read();
	}

	private ImportRow read() {
		for (Map.Entry<Integer, ExpertSheet.Cell> cell : this.row.cells().entrySet()) {
			if (cell.getKey() >= ExpertImportColumn.values().length) {
				if (cell.getValue().formula()) {
					problem(cell.getKey(), "expertimport.cell.formula");
				}
				else {
					problem(cell.getKey(), "expertimport.cell.outside",
							ExpertImportCheck.shown(cell.getValue().text()));
				}
			}
		}
		String username = text(USERNAME, true, 60);
		if (username != null && !USERNAME_PATTERN.matcher(username).matches()) {
			problem(USERNAME.index(), "expertimport.username.invalid", ExpertImportCheck.shown(username));
			username = null;
		}
		String unit = text(UNIT, true, 200);
		String parent = text(PARENT_UNIT, false, 200);
		if (unit != null && parent != null && ExpertImportCheck.key(unit).equals(ExpertImportCheck.key(parent))) {
			problem(PARENT_UNIT.index(), "expertimport.unit.ownParent", parent);
			parent = null;
		}
		Integer roundCap = cap(ROUND_CAP, true);
		Integer campaignCap = cap(CAMPAIGN_CAP, false);
		if (roundCap != null && campaignCap != null && campaignCap < roundCap) {
			problem(CAMPAIGN_CAP.index(), "expertimport.campaignCap.belowRoundCap", campaignCap, roundCap);
			campaignCap = null;
		}
		String email = text(EMAIL, false, 120);
		if (email != null && !EMAIL_PATTERN.matcher(email).matches()) {
			problem(EMAIL.index(), "expertimport.email.invalid", ExpertImportCheck.shown(email));
			email = null;
		}
		return new ImportRow(this.row.number(), username, text(NAME, true, 60), unit, parent, text(REGION, false, 60),
				text(TITLE, false, 100), categories(), roundCap, campaignCap, email, newUnit());
	}

	/**
	 * The cell's text, or {@code null} when it is missing but required, too long, a
	 * formula or an error value (with a problem), or empty.
	 */
	private String text(ExpertImportColumn column, boolean required, int maxLength) {
		ExpertSheet.Cell cell = this.row.cells().get(column.index());
		if (cell == null || cell.text().isEmpty() && !cell.formula()) {
			if (required) {
				problem(column.index(), "expertimport.value.required");
			}
			return null;
		}
		if (cell.formula()) {
			problem(column.index(), "expertimport.cell.formula");
			return null;
		}
		if (cell.error()) {
			problem(column.index(), "expertimport.cell.error", cell.text());
			return null;
		}
		if (cell.text().length() > maxLength) {
			problem(column.index(), "expertimport.value.tooLong", maxLength);
			return null;
		}
		return cell.text();
	}

	private Integer cap(ExpertImportColumn column, boolean required) {
		String text = text(column, required, 20);
		if (text == null) {
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(text);
			if (number.signum() > 0 && number.compareTo(BigDecimal.valueOf(MAX_CAP)) <= 0
					&& number.stripTrailingZeros().scale() <= 0) {
				return number.intValueExact();
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// refused below
		}
		problem(column.index(), "expertimport.number.invalid", ExpertImportCheck.shown(text), MAX_CAP);
		return null;
	}

	private Set<String> categories() {
		String text = text(CATEGORIES, false, 2000);
		Set<String> codes = new LinkedHashSet<>();
		if (text != null) {
			for (String code : CODE_SEPARATOR.split(text)) {
				if (!code.isEmpty()) {
					codes.add(code);
				}
			}
		}
		return codes;
	}

	private boolean newUnit() {
		String text = text(NEW_UNIT, false, 10);
		if (text == null || NO.contains(text.toLowerCase(Locale.ROOT))) {
			return false;
		}
		if (YES.contains(text.toLowerCase(Locale.ROOT))) {
			return true;
		}
		problem(NEW_UNIT.index(), "expertimport.newUnit.invalid", ExpertImportCheck.shown(text));
		return false;
	}

	private void problem(int column, String key, Object... arguments) {
		this.problems.add(ImportProblem.at(this.row.number(), column, key, arguments));
	}

}
