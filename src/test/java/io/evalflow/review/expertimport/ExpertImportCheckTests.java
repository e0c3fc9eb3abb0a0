package io.evalflow.review.expertimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.evalflow.review.expertimport.KnownFacts.ExpertAt;
import io.evalflow.review.expertimport.KnownFacts.KnownUnit;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;

import static io.evalflow.review.expertimport.TestWorkbooks.HEADER;
import static io.evalflow.review.expertimport.TestWorkbooks.expert;
import static io.evalflow.review.expertimport.TestWorkbooks.experts;
import static io.evalflow.review.expertimport.TestWorkbooks.formula;
import static io.evalflow.review.expertimport.TestWorkbooks.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The checks of an expert spreadsheet without a database: the file, the header, every
 * cell, and the rows against what the system is said to hold.
 */
class ExpertImportCheckTests {

	/**
	 * 示范大学 exists and has no parent; 示范大学法学院 is under it; 李四 of the law school is in the
	 * pool.
	 */
	private static final KnownFacts KNOWN = new KnownFacts(
			Map.of("示范大学", new KnownUnit(1L, "示范大学", null), "示范大学法学院", new KnownUnit(2L, "示范大学法学院", "示范大学"),
					"example institute", new KnownUnit(3L, "Example Institute", null)),
			Set.of("taken.name"), Set.of("MANAGEMENT", "SERVICE"), Set.of(new ExpertAt("李四", 2L)));

	@Test
	void aGoodFilePlansEveryRowAndTheNewUnitsParentsFirst() {
		ImportPlan plan = plan(experts(
				expert("zhang.san", "张三", "示范大学", null, "北京", "教授", "MANAGEMENT、SERVICE", 30, 60,
						"zhang@example.edu.cn", null),
				expert("wang.wu", "王五", "示范大学公管学院", "示范大学", "北京", null, "SERVICE", "20", null, null, "Y"),
				expert("zhao.liu", "赵六", "示范大学公管学院电子政务研究所", "示范大学公管学院", null, null, null, 10, null, null, "y"),
				expert("sun.qi", "孙七", "EXAMPLE INSTITUTE ", null, null, null, "MANAGEMENT,SERVICE", 5, 5, null,
						null)));
		assertThat(plan.units()).containsExactly(new ImportPlan.NewUnit("示范大学公管学院", "示范大学", "北京"),
				new ImportPlan.NewUnit("示范大学公管学院电子政务研究所", "示范大学公管学院", null));
		assertThat(plan.rows())
			.extracting(ImportRow::row, ImportRow::username, ImportRow::roundCap, ImportRow::campaignCap,
					ImportRow::categoryCodes)
			.containsExactly(tuple(2, "zhang.san", 30, 60, Set.of("MANAGEMENT", "SERVICE")),
					tuple(3, "wang.wu", 20, null, Set.of("SERVICE")), tuple(4, "zhao.liu", 10, null, Set.of()),
					tuple(5, "sun.qi", 5, 5, Set.of("MANAGEMENT", "SERVICE")));
	}

	@Test
	void englishHeadersAreAcceptedInAnyCase() {
		List<Object> english = new ArrayList<>();
		for (ExpertImportColumn column : ExpertImportColumn.values()) {
			english.add(column.header(java.util.Locale.ENGLISH).toUpperCase());
		}
		ImportPlan plan = plan(sheet(List.of(english, expert("a.b.c", "甲", "示范大学", null, null, null, null, 3))));
		assertThat(plan.rows()).hasSize(1);
	}

	@Test
	void wrongColumnsAreEachReportedInTheHeaderRowAndNoRowIsRead() {
		List<Object> header = new ArrayList<>(HEADER);
		header.set(0, "姓名");
		header.set(1, "用户名");
		header.set(4, "手机");
		header.remove(10);
		header.add("备注");
		List<ImportProblem> problems = problems(sheet(List.of(header, expert("a.b.c", "甲", "示范大学"))));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::columnLetter, ImportProblem::messageKey)
			.containsExactly(tuple(1, "A", "expertimport.header.misplaced"),
					tuple(1, "B", "expertimport.header.misplaced"), tuple(1, "E", "expertimport.header.unknown"),
					tuple(1, "E", "expertimport.header.missing"), tuple(1, "K", "expertimport.header.unknown"),
					tuple(1, "K", "expertimport.header.missing"));
	}

	@Test
	void aFormulaIsRefusedWhereverItIs() {
		List<Object> row = new ArrayList<>(expert("a.b.c", "甲", "示范大学", null, null, null, null, formula("2*3")));
		row.add(null);
		row.add(null);
		row.add(null);
		row.add(formula("B2"));
		List<ImportProblem> problems = problems(experts(row));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::columnLetter, ImportProblem::messageKey)
			.containsExactly(tuple(2, "H", "expertimport.cell.formula"), tuple(2, "L", "expertimport.cell.formula"));
	}

	@Test
	void valuesThatAreNotWhatTheColumnNeedsAreReportedCellByCell() {
		List<ImportProblem> problems = problems(
				experts(expert("ab", null, "示范大学", null, null, null, null, "many", 10, "not-an-email", "maybe"),
						expert("x.y.z", "乙", "示范大学", null, null, null, null, 0, null, null, null),
						expert("p.q.r", "丙", "示范大学", null, null, null, null, 2.5, null, "a@b.cn", null),
						expert("s.t.u", "丁", "示范大学", "示范大学", null, null, null, 30, 20, null, null),
						expert("v.w.x", "戊", "示范大学", null, null, null, null, null, 100001, null, null)));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::columnLetter, ImportProblem::messageKey)
			.containsExactly(tuple(2, "A", "expertimport.username.invalid"),
					tuple(2, "B", "expertimport.value.required"), tuple(2, "H", "expertimport.number.invalid"),
					tuple(2, "J", "expertimport.email.invalid"), tuple(2, "K", "expertimport.newUnit.invalid"),
					tuple(3, "H", "expertimport.number.invalid"), tuple(4, "H", "expertimport.number.invalid"),
					tuple(5, "D", "expertimport.unit.ownParent"),
					tuple(5, "I", "expertimport.campaignCap.belowRoundCap"),
					tuple(6, "H", "expertimport.value.required"), tuple(6, "I", "expertimport.number.invalid"));
		assertThat(problems.get(2).arguments()).containsExactly("many", 100_000);
	}

	@Test
	void aValueOutsideTheColumnsIsReported() {
		List<Object> row = new ArrayList<>(expert("a.b.c", "甲", "示范大学", null, null, null, null, 3));
		while (row.size() < 12) {
			row.add(null);
		}
		row.add("备注");
		assertThat(problems(experts(row))).extracting(ImportProblem::columnLetter, ImportProblem::messageKey)
			.containsExactly(tuple("M", "expertimport.cell.outside"));
	}

	@Test
	void theSameUserNameOrTheSameExpertTwiceInTheFileIsReportedAtTheSecond() {
		List<ImportProblem> problems = problems(experts(expert("a.b.c", "甲", "示范大学", null, null, null, null, 3),
				expert("A.B.C", "乙", "示范大学", null, null, null, null, 3),
				expert("d.e.f", "甲", "示范大学 ", null, null, null, null, 3)));
		assertThat(problems)
			.extracting(ImportProblem::row, ImportProblem::columnLetter, ImportProblem::messageKey,
					ImportProblem::arguments)
			.containsExactly(tuple(3, "A", "expertimport.username.duplicate", List.of("A.B.C", 2)),
					tuple(4, "B", "expertimport.expert.duplicate", List.of("甲", "示范大学", 2)));
	}

	@Test
	void rowsAreCheckedAgainstTheSystem() {
		List<ImportProblem> problems = problems(
				experts(expert("Taken.Name", "甲", "示范大学", null, null, null, "MANAGEMENT、NOPE", 3),
						expert("b.b.b", "李四", "示范大学法学院", null, null, null, null, 3),
						expert("c.c.c", "乙", "示范大学法学院", "别的大学", null, null, null, 3),
						expert("d.d.d", "丙", "示范大学", "示范大学法学院", null, null, null, 3),
						expert("e.e.e", "丁", "示范大学商学院", null, null, null, null, 3)));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::columnLetter, ImportProblem::messageKey)
			.containsExactly(tuple(2, "A", "expertimport.username.taken"),
					tuple(2, "G", "expertimport.category.unknown"), tuple(3, "B", "expertimport.expert.exists"),
					tuple(4, "D", "expertimport.unit.parentMismatch"), tuple(5, "D", "expertimport.unit.hasNoParent"),
					tuple(6, "C", "expertimport.unit.unknown"));
		assertThat(problems.get(1).arguments()).containsExactly("NOPE", "MANAGEMENT, SERVICE");
	}

	@Test
	void aNewUnitsParentMustExistOrBeCreatedByAnEarlierRowAndStayTheSame() {
		List<ImportProblem> problems = problems(
				experts(expert("a.a.a", "甲", "研究所", "新学院", null, null, null, 3, null, null, "Y"),
						expert("b.b.b", "乙", "新学院", null, null, null, null, 3, null, null, "Y"),
						expert("c.c.c", "丙", "研究所", "示范大学", null, null, null, 3),
						expert("d.d.d", "丁", "新学院", "示范大学", null, null, null, 3),
						expert("e.e.e", "戊", "研究所", "新学院", null, null, null, 3)));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::columnLetter, ImportProblem::messageKey)
			.containsExactly(tuple(2, "D", "expertimport.unit.parentUnknown"),
					tuple(4, "D", "expertimport.unit.parentDiffers"),
					tuple(5, "D", "expertimport.unit.createdWithoutParent"));
	}

	@Test
	void aFileThatIsNotAnXlsxWorkbookIsRefusedAsAWhole() throws IOException {
		assertFileRefused(new byte[0], "expertimport.file.empty");
		assertFileRefused("用户名,姓名\nzhang,张三\n".getBytes(StandardCharsets.UTF_8), "expertimport.file.notXlsx");
		assertFileRefused("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "expertimport.file.notXlsx");
		try (HSSFWorkbook xls = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			xls.createSheet("专家").createRow(0).createCell(0).setCellValue("用户名");
			xls.write(out);
			assertFileRefused(out.toByteArray(), "expertimport.file.oldExcel");
		}
		assertFileRefused(zip("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8)),
				"expertimport.file.notXlsx");
		assertFileRefused(zip("xl/worksheets/sheet1.xml", new byte[70 * 1024 * 1024]),
				"expertimport.file.tooLargeUnpacked");
		assertFileRefused(new byte[ExpertSheetReader.MAX_BYTES + 1], "expertimport.file.tooLarge");
	}

	@Test
	void aSheetWithoutExpertsOrWithMoreRowsThanTheLimitIsRefused() {
		assertFileRefused(experts(), "expertimport.file.noRows");
		List<List<?>> rows = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			rows.add(expert("user" + i, "专家" + i, "示范大学", null, null, null, null, 3));
		}
		byte[] fourRows = experts(rows.toArray(List[]::new));
		assertThat(ExpertSheetReader.read(fourRows, 4).rows()).hasSize(5);
		ExpertImportRefused refused = catchThrowableOfType(ExpertImportRefused.class,
				() -> ExpertSheetReader.read(fourRows, 3));
		assertThat(refused.getProblems()).extracting(ImportProblem::messageKey, ImportProblem::arguments)
			.containsExactly(tuple("expertimport.file.tooManyRows", List.of(3)));
	}

	private static void assertFileRefused(byte[] content, String key) {
		ExpertImportRefused refused = catchThrowableOfType(ExpertImportRefused.class,
				() -> ExpertImportCheck.of(content));
		assertThat(refused).as(key).isNotNull();
		assertThat(refused.getProblems())
			.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
			.containsExactly(tuple(0, -1, key));
	}

	private static byte[] zip(String entry, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static ImportPlan plan(byte[] content) {
		return ExpertImportCheck.of(content).plan(KNOWN);
	}

	private static List<ImportProblem> problems(byte[] content) {
		ExpertImportRefused refused = catchThrowableOfType(ExpertImportRefused.class, () -> plan(content));
		assertThat(refused).isNotNull();
		return refused.getProblems();
	}

}
