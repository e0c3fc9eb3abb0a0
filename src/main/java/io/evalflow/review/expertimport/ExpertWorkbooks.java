package io.evalflow.review.expertimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the small workbooks the expert import hands out: the template and the list of
 * initial passwords. Every cell is text, and so are the columns' empty cells, so that
 * Excel keeps user names, numbers and e-mail addresses as they are typed.
 */
public final class ExpertWorkbooks {

	/** Text, as Excel's 「@」 format. */
	private static final short TEXT_FORMAT = 0x31;

	private ExpertWorkbooks() {
	}

	/** A one-sheet workbook: a bold header row, then the rows. */
	public static byte[] table(String sheetName, List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(TEXT_FORMAT);
			CellStyle bold = workbook.createCellStyle();
			bold.cloneStyleFrom(text);
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = workbook.createSheet(sheetName);
			write(sheet.createRow(0), header, bold);
			for (int i = 0; i < rows.size(); i++) {
				write(sheet.createRow(i + 1), rows.get(i), text);
			}
			for (int column = 0; column < header.size(); column++) {
				sheet.setDefaultColumnStyle(column, text);
				sheet.setColumnWidth(column, 18 * 256);
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Row row, List<String> values, CellStyle style) {
		for (int column = 0; column < values.size(); column++) {
			org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
			cell.setCellStyle(style);
			if (values.get(column) != null) {
				cell.setCellValue(values.get(column));
			}
		}
	}

}
