package io.evalflow.publication;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table for organizers to download, written as XLSX (streamed with SXSSF, a window of
 * rows in memory) or as CSV (UTF-8 with a byte order mark, which Excel needs to read
 * Chinese, and RFC 4180 quoting). Cells are {@link String}s, {@link Number}s or
 * {@code null}; texts are guarded by {@link SpreadsheetText}.
 */
record ExportTable(String name, List<String> header, List<List<Object>> rows) {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	void writeXlsx(OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			workbook.setCompressTempFiles(true);
			CellStyle quoted = workbook.createCellStyle();
			quoted.setQuotePrefixed(true);
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle headerStyle = workbook.createCellStyle();
			headerStyle.setFont(bold);
			Sheet sheet = workbook.createSheet(this.name);
			Row headerRow = sheet.createRow(0);
			for (int i = 0; i < this.header.size(); i++) {
				Cell cell = headerRow.createCell(i);
				cell.setCellValue(this.header.get(i));
				cell.setCellStyle(headerStyle);
				sheet.setColumnWidth(i, 16 * 256);
			}
			sheet.createFreezePane(0, 1);
			int rowNo = 1;
			for (List<Object> values : this.rows) {
				Row row = sheet.createRow(rowNo++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						Cell cell = row.createCell(i);
						cell.setCellValue(value.toString());
						if (SpreadsheetText.formulaLike(value.toString())) {
							cell.setCellStyle(quoted);
						}
					}
				}
			}
			workbook.write(out);
		}
	}

	void writeCsv(OutputStream out) throws IOException {
		out.write(BOM);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		line(writer, List.copyOf(this.header));
		for (List<Object> row : this.rows) {
			line(writer, row);
		}
		writer.flush();
	}

	private static void line(Writer writer, List<?> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			Object value = values.get(i);
			String text = (value instanceof BigDecimal decimal) ? decimal.toPlainString()
					: (value instanceof Number number) ? number.toString()
							: SpreadsheetText.forCsv((value != null) ? value.toString() : null);
			if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
					|| text.indexOf('\r') >= 0) {
				text = '"' + text.replace("\"", "\"\"") + '"';
			}
			writer.write(text);
		}
		writer.write("\r\n");
	}

}
