package io.evalflow.publication;

/**
 * Guards exported cells against formula injection (OWASP "CSV Injection"): titles, unit
 * and expert names come from applicants and organizers, and a text starting with
 * {@code = + - @} (or a tab or carriage return, which some spreadsheets skip before
 * looking) would run as a formula when the file is opened or the cell edited.
 * <ul>
 * <li>CSV has no cell types, so such a text gets a leading apostrophe: the spreadsheet
 * shows it as text, and a reader of the raw file sees the apostrophe and knows why.</li>
 * <li>XLSX cells are written as string cells, which are never evaluated; such a cell also
 * carries Excel's quote prefix, so editing it keeps it text. The value itself is stored
 * unchanged.</li>
 * </ul>
 * Numbers (scores, ranks) are written as numbers and need no guard.
 */
final class SpreadsheetText {

	private SpreadsheetText() {
	}

	static boolean formulaLike(String value) {
		return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
	}

	/** The text as it goes into a CSV field, before quoting. */
	static String forCsv(String value) {
		if (value == null) {
			return "";
		}
		return formulaLike(value) ? "'" + value : value;
	}

}
