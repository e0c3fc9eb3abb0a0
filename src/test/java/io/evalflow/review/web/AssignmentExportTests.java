package io.evalflow.review.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.evalflow.review.AssignmentChanges;
import io.evalflow.review.AssignmentFixture;
import io.evalflow.review.AssignmentFixture.Scenario;
import io.evalflow.review.Expert;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assignment as a workbook: one row per review with the application, the expert, the
 * status and the reason of an override, headers in the user's language; text that would
 * start a formula stays text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssignmentExportTests {

	private static final String FORMULA_REASON = "=HYPERLINK(\"http://example.org\",\"点击\")";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AssignmentChanges changes;

	@Test
	void everyReviewIsARowAndFormulaLikeTextStaysText() throws Exception {
		AssignmentFixture fixture = new AssignmentFixture(this.context);
		Scenario s = fixture.propose(2, false, false, 2, 2);
		Expert minus = fixture.expert("-负号", s.unitName(), "北京", Set.of(s.categoryCode()), 10, null);
		this.changes.swap(s.round().getId(), s.application(1).getId(), s.drawn().get(1).getId(), minus.getId(),
				FORMULA_REASON, "organizer");
		String organizer = fixture.run().organizer();

		byte[] xlsx = this.mvc.perform(workbook(s).with(user(fixture.run().user(organizer))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", AssignmentExportController.XLSX.toString()))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.containsString(s.campaign().getCode() + "-round-1-assignment.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(book.getSheetName(0)).isEqualTo("专家分配");
			assertThat(texts(sheet.getRow(0))).containsExactly("申报编号", "案例名称", "类别", "申报单位", "评审专家", "专家单位", "状态",
					"回避规则例外理由");
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			List<List<String>> rows = new ArrayList<>();
			for (int i = 1; i <= 4; i++) {
				rows.add(texts(sheet.getRow(i)));
			}
			assertThat(rows).allSatisfy(row -> {
				assertThat(row.get(2)).isEqualTo("管理创新");
				assertThat(row.get(3)).isEqualTo(s.unitName());
				assertThat(row.get(6)).isEqualTo("拟定");
			});
			assertThat(rows).extracting(row -> row.get(0))
				.containsOnly(s.application(0).getReferenceNo(), s.application(1).getReferenceNo());
			assertThat(rows).extracting(row -> row.get(4))
				.containsExactlyInAnyOrder(s.drawn().get(0).getName(), s.drawn().get(1).getName(),
						s.drawn().get(0).getName(), minus.getName());

			Row overridden = sheet.getRow(4);
			assertThat(texts(overridden)).containsExactly(s.application(1).getReferenceNo(),
					s.application(1).getTitle(), "管理创新", s.unitName(), minus.getName(), s.unitName(), "拟定",
					FORMULA_REASON);
			for (int column : new int[] { 4, 7 }) {
				Cell cell = overridden.getCell(column);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix of column %d", column).isTrue();
			}
			assertThat(overridden.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				}
			}
		}
	}

	@Test
	void theApiGivesTheWorkbookToOrganizersOnlyWithEnglishHeadersOnRequest() throws Exception {
		AssignmentFixture fixture = new AssignmentFixture(this.context);
		Scenario s = fixture.propose(1, false, false, 1, 1);
		String organizer = fixture.run().organizer();
		String api = "/api/v1/rounds/" + s.round().getId() + "/assignment.xlsx";

		byte[] xlsx = this.mvc
			.perform(get(api).with(httpBasic(organizer, "secret-pass")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(texts(book.getSheetAt(0).getRow(0))).startsWith("Reference", "Practice");
			assertThat(texts(book.getSheetAt(0).getRow(1))).contains(s.application(0).getReferenceNo(), "Proposed");
		}
		this.mvc.perform(get(api).with(httpBasic(s.applicant(), "secret-pass"))).andExpect(status().isForbidden());
		this.mvc.perform(get(api)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/rounds/0/assignment.xlsx").with(httpBasic(organizer, "secret-pass")))
			.andExpect(status().isNotFound());
	}

	private static MockHttpServletRequestBuilder workbook(Scenario s) {
		return get(AssignmentPageController.url(s.round().getId()) + ".xlsx");
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach(cell -> texts.add(cell.getStringCellValue()));
		return texts;
	}

}
