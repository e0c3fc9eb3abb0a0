package io.evalflow.review.expertimport;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an expert-pool spreadsheet, in their fixed order from column A. The
 * header row names them in Chinese or in English.
 */
public enum ExpertImportColumn {

	USERNAME("用户名", "username"), NAME("姓名", "name"), UNIT("单位", "unit"), PARENT_UNIT("上级单位", "parent unit"),
	REGION("地区", "region"), TITLE("职称", "title"), CATEGORIES("专业类别", "categories"), ROUND_CAP("每轮上限", "round cap"),
	CAMPAIGN_CAP("评选总上限", "campaign cap"), EMAIL("电子邮箱", "email"), NEW_UNIT("新单位", "new unit");

	private final String chinese;

	private final String english;

	ExpertImportColumn(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	/** The zero-based position of the column. */
	public int index() {
		return ordinal();
	}

	public String letter() {
		return letter(ordinal());
	}

	/** The header in the reader's language: Chinese unless it is English. */
	public String header(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.english : this.chinese;
	}

	/**
	 * The column a header names, in either language, ignoring case and repeated spaces.
	 */
	public static Optional<ExpertImportColumn> byHeader(String header) {
		String wanted = normalize(header);
		for (ExpertImportColumn column : values()) {
			if (column.chinese.equals(wanted) || column.english.equals(wanted)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	/** The column at a zero-based position, if it is one of the expert columns. */
	public static Optional<ExpertImportColumn> at(int index) {
		return (index >= 0 && index < values().length) ? Optional.of(values()[index]) : Optional.empty();
	}

	/** The spreadsheet's letters for a zero-based column position: 0 → A, 26 → AA. */
	public static String letter(int index) {
		StringBuilder letters = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			letters.insert(0, (char) ('A' + (i - 1) % 26));
		}
		return letters.toString();
	}

	private static String normalize(String header) {
		return header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
