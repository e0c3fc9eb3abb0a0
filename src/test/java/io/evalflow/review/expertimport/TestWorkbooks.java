package io.evalflow.review.expertimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Expert spreadsheets for tests, written with POI as Excel would save them: text cells,
 * numeric cells, formulas.
 */
public final class TestWorkbooks {

	/** The header row in Chinese, as the template has it. */
	public static final List<Object> HEADER = List
		.copyOf(Arrays.stream(ExpertImportColumn.values()).map(c -> (Object) c.header(Locale.CHINESE)).toList());

	private TestWorkbooks() {
	}

	/** A workbook with the Chinese header row and these rows below it. */
	public static byte[] experts(List<?>... rows) {
		List<List<?>> all = new ArrayList<>();
		all.add(HEADER);
		all.addAll(Arrays.asList(rows));
		return sheet(all);
	}

	/**
	 * One row of an expert: user name, name, unit, parent unit, region, title, category
	 * codes, round cap, campaign cap, e-mail, new unit; {@code null} leaves a cell empty.
	 */
	public static List<Object> expert(Object... cells) {
		return Arrays.asList(cells);
	}

	/** A workbook whose first sheet holds exactly these rows, from row 1. */
	public static byte[] sheet(List<? extends List<?>> rows) {
		try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("专家");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<?> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof Formula formula) {
						cell.setCellFormula(formula.text());
					}
					else if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else {
						cell.setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Formula formula(String text) {
		return new Formula(text);
	}

	/** A cell that holds a formula, such as {@code B2&"x"}. */
	public record Formula(String text) {
	}

}
