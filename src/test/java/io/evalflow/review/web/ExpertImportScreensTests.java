package io.evalflow.review.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.evalflow.TestCampaigns;
import io.evalflow.account.AccountService;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.Role;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.CampaignService;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.review.expertimport.ExpertImportCheck;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.evalflow.review.expertimport.TestWorkbooks.expert;
import static io.evalflow.review.expertimport.TestWorkbooks.experts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organizer's import of the expert pool from Excel, on the screens and through the
 * API: the template, the upload, the problems or the initial passwords, and who may.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExpertImportScreensTests {

	private static final String PASSWORD = "secret-pass";

	@Autowired
	MockMvc mvc;

	@Autowired
	ExpertService experts;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder passwordEncoder;

	private final String suffix = TestCampaigns.unique("xs");

	private String category;

	private String unit;

	private String organizer;

	private final List<String> imported = new ArrayList<>();

	@BeforeEach
	void campaignUnitAndOrganizer() {
		this.campaigns.create(ReviewTestCampaigns.twoRounds(this.suffix, false));
		this.category = ReviewTestCampaigns.categoryCode(this.suffix);
		this.unit = this.accounts.findOrCreateUnit("导入单位 " + this.suffix, UnitType.UNIVERSITY, "北京").getName();
		this.organizer = "org." + this.suffix;
		this.accounts.createAccount(this.organizer, PASSWORD, "组织方", Role.ORGANIZER, null);
	}

	/** Imported experts leave the pool, so no other test's round draws them. */
	@AfterEach
	void retireImported() {
		this.imported.forEach(username -> this.accounts.findAccount(username)
			.flatMap(a -> this.experts.forAccount(a.getId()))
			.ifPresent(e -> this.experts.setActive(e.getId(), false)));
	}

	@Test
	void organizerImportsAFileAndSeesTheInitialPasswordsOnce() throws Exception {
		int poolBefore = this.experts.pool().size();
		List<String> usernames = List.of(username("zhang"), username("li"));
		this.imported.addAll(usernames);
		MvcResult upload = this.mvc
			.perform(multipart("/organizer/experts/import").file(xlsx(good(usernames.get(0)), good(usernames.get(1))))
				.with(as(this.organizer))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/organizer/experts/import"))
			.andReturn();
		assertThat(this.experts.pool()).hasSize(poolBefore + 2);
		MockHttpSession session = (MockHttpSession) upload.getRequest().getSession();
		String page = this.mvc
			.perform(get("/organizer/experts/import").session(session)
				.flashAttrs(upload.getFlashMap())
				.with(as(this.organizer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已导入 2 位专家，新建单位 0 个。")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		ExpertImportController.ImportSummary summary = (ExpertImportController.ImportSummary) upload.getFlashMap()
			.get("imported");
		byte[] passwords = this.mvc
			.perform(get("/organizer/experts/import/" + summary.token() + "/passwords.xlsx").session(session)
				.with(as(this.organizer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(ExpertImportController.XLSX))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(passwords))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			for (int r = 1; r <= 2; r++) {
				Row row = sheet.getRow(r);
				String username = row.getCell(0).getStringCellValue();
				String password = row.getCell(2).getStringCellValue();
				assertThat(username).isEqualTo(usernames.get(r - 1));
				assertThat(page).contains(username).contains(password);
				assertThat(
						this.passwordEncoder.matches(password, this.users.loadUserByUsername(username).getPassword()))
					.isTrue();
			}
		}
		this.mvc.perform(get("/organizer/experts/import").session(session).with(as(this.organizer)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/organizer/experts"));
		this.mvc
			.perform(get("/organizer/experts/import/not-the-token/passwords.xlsx").session(session)
				.with(as(this.organizer)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/organizer/experts"));
	}

	@Test
	void aRefusedFileListsEveryProblemWithItsRowAndColumnAndImportsNothing() throws Exception {
		int poolBefore = this.experts.pool().size();
		MvcResult upload = this.mvc.perform(
				multipart("/organizer/experts/import")
					.file(xlsx(good(username("good")),
							expert(username("typo"), "错字", "导入单位" + this.suffix, null, null, null, this.category, 10),
							expert(username("mail"), "邮箱", this.unit, null, null, null, this.category, 10, null,
									"no-at-sign")))
					.with(as(this.organizer))
					.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/organizer/experts/import"))
			.andReturn();
		this.mvc.perform(get("/organizer/experts/import").flashAttrs(upload.getFlashMap()).with(as(this.organizer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("没有导入任何专家：文件中有 2 处问题")))
			.andExpect(content().string(containsString("<td class=\"num\">3</td>")))
			.andExpect(content().string(containsString("C（单位）")))
			.andExpect(content().string(containsString("单位“导入单位" + this.suffix + "”不在系统中。")))
			.andExpect(content().string(containsString("<td class=\"num\">4</td>")))
			.andExpect(content().string(containsString("J（电子邮箱）")))
			.andExpect(content().string(containsString("“no-at-sign”不是有效的电子邮箱地址。")))
			.andExpect(content().string(containsString("action=\"/organizer/experts/import\"")));
		assertThat(this.experts.pool()).hasSize(poolBefore);
		assertThat(this.accounts.findAccount(username("good"))).isEmpty();
	}

	@Test
	void thePoolOffersTheUploadAndATemplateThatTheImportReads() throws Exception {
		this.mvc.perform(get("/organizer/experts").with(as(this.organizer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("从Excel导入专家")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("action=\"/organizer/experts/import\"")))
			.andExpect(content().string(containsString("href=\"/organizer/experts/import/template.xlsx\"")));
		byte[] template = this.mvc.perform(get("/organizer/experts/import/template.xlsx").with(as(this.organizer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(ExpertImportController.XLSX))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(ExpertImportCheck.of(template).usernames()).containsExactly("wang.yan");
	}

	@Test
	void expertsAndApplicantsMayNotImport() throws Exception {
		String expert = username("expert");
		this.experts.create(
				new ExpertRequest(expert, PASSWORD, "专家", this.unit, "北京", null, Set.of("C-none-" + this.suffix), 10));
		String applicant = username("applicant");
		this.accounts.registerApplicant(new RegistrationRequest(applicant, PASSWORD, "申报单位 " + this.suffix,
				UnitType.LOCAL_GOVERNMENT, "浙江", "联系人", null, null));
		int poolBefore = this.experts.pool().size();
		for (String who : List.of(expert, applicant)) {
			this.mvc
				.perform(multipart("/organizer/experts/import").file(xlsx(good(username("sneaky"))))
					.with(as(who))
					.with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/organizer/experts/import/template.xlsx").with(as(who)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(multipart("/api/v1/experts/import").file(xlsx(good(username("sneaky"))))
					.with(httpBasic(who, PASSWORD)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		assertThat(this.experts.pool()).hasSize(poolBefore);
		assertThat(this.accounts.findAccount(username("sneaky"))).isEmpty();
	}

	@Test
	void theApiImportsAFileOrAnswersEveryProblemAsProblemJson() throws Exception {
		String username = username("api");
		this.imported.add(username);
		this.mvc
			.perform(multipart("/api/v1/experts/import")
				.file(xlsx(
						expert(username("api-bad"), "坏", "没有的单位 " + this.suffix, null, null, null, this.category, 0)))
				.with(httpBasic(this.organizer, PASSWORD))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("expertimport.error.refused"))
			.andExpect(jsonPath("$.detail")
				.value("No expert was imported: the file has 2 problem(s). Please correct them and upload it again."))
			.andExpect(jsonPath("$.problems", hasSize(2)))
			.andExpect(jsonPath("$.problems[0].row").value(2))
			.andExpect(jsonPath("$.problems[0].column").value("C"))
			.andExpect(jsonPath("$.problems[0].columnName").value("C (unit)"))
			.andExpect(jsonPath("$.problems[0].code").value("expertimport.unit.unknown"))
			.andExpect(jsonPath("$.problems[1].column").value("H"))
			.andExpect(jsonPath("$.problems[1].message").value("\"0\" is not a whole number from 1 to 100000."));
		assertThat(this.accounts.findAccount(username("api-bad"))).isEmpty();
		this.mvc
			.perform(multipart("/api/v1/experts/import")
				.file(xlsx(expert(username, "接口专家", "接口新单位 " + this.suffix, this.unit, "北京", "教授", this.category, 15,
						null, null, "Y")))
				.with(httpBasic(this.organizer, PASSWORD)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.experts", hasSize(1)))
			.andExpect(jsonPath("$.experts[0].expert.username").value(username))
			.andExpect(jsonPath("$.experts[0].expert.unitName").value("接口新单位 " + this.suffix))
			.andExpect(jsonPath("$.experts[0].expert.loadCap").value(15))
			.andExpect(jsonPath("$.experts[0].initialPassword").isNotEmpty())
			.andExpect(jsonPath("$.unitsCreated[0]").value("接口新单位 " + this.suffix));
		Expert expert = this.experts.forAccount(this.accounts.findAccount(username).orElseThrow().getId())
			.orElseThrow();
		assertThat(expert.getCategoryCodes()).containsExactly(this.category);
	}

	private List<Object> good(String username) {
		return expert(username, "专家 " + username, this.unit, null, "北京", "研究员", this.category, 10);
	}

	private static MockMultipartFile xlsx(List<?>... rows) {
		return new MockMultipartFile("file", "专家.xlsx", ExpertImportController.XLSX.toString(), experts(rows));
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private String username(String name) {
		return name + "." + this.suffix;
	}

}
