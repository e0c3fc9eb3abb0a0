package io.evalflow.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.evalflow.TestCampaigns;
import io.evalflow.account.AccountService;
import io.evalflow.account.Role;
import io.evalflow.account.Unit;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.CategoryDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.RoundType;
import io.evalflow.review.expertimport.ExpertImportRefused;
import io.evalflow.review.expertimport.ImportProblem;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static io.evalflow.review.expertimport.TestWorkbooks.HEADER;
import static io.evalflow.review.expertimport.TestWorkbooks.expert;
import static io.evalflow.review.expertimport.TestWorkbooks.experts;
import static io.evalflow.review.expertimport.TestWorkbooks.formula;
import static io.evalflow.review.expertimport.TestWorkbooks.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Importing the expert pool from a spreadsheet, against the database: a good file imports
 * every row with its account and units; a file with any problem imports nothing and says
 * where the problem is.
 */
@SpringBootTest
@RecordApplicationEvents
class ExpertImportTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	ExpertImport expertImport;

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

	private final String suffix = TestCampaigns.unique("xi");

	/**
	 * A category of this test's own campaign: experts who cover only it are never drawn
	 * elsewhere.
	 */
	private String category;

	private Unit university;

	private final List<Long> imported = new ArrayList<>();

	@BeforeEach
	void campaignAndUnit() {
		this.category = "C-" + this.suffix;
		this.campaigns.create(new CampaignDefinition("imp-" + this.suffix, "导入测试 " + this.suffix, "测试组织单位", "专家导入测试",
				Instant.now().plus(30, ChronoUnit.DAYS), true,
				List.of(new CategoryDefinition(this.category, "管理创新", "Management innovation", 1),
						new CategoryDefinition(this.category + "-2", "公共服务", "Public service", 1)),
				List.of(new RoundDefinition("初审", "First review", RoundType.SCORING, 1, 14, false,
						AdvancementRule.TOP_N_OVERALL, 1, TestCampaigns.rubric()),
						new RoundDefinition("终审", "Final judgment", RoundType.PANEL, 1, 7, false,
								AdvancementRule.CATEGORY_QUOTA, null, TestCampaigns.rubric()))));
		this.university = this.accounts.findOrCreateUnit(name("示范大学"), UnitType.UNIVERSITY, "北京");
	}

	/** Imported experts leave the pool, so no other test's round draws them. */
	@AfterEach
	void retireImported() {
		this.imported.forEach(id -> this.experts.setActive(id, false));
	}

	@Test
	void aGoodFileImportsEveryRowWithASignInAccount() {
		int poolBefore = this.experts.pool().size();
		ExpertImportResult result = importWorkbook(experts(
				expert(user("zhang"), "张三", this.university.getName(), null, "北京", "教授",
						this.category + "、" + this.category + "-2", 30, 60, "zhang@example.edu.cn", null),
				expert(user("li"), "李四", name("示范大学法学院"), this.university.getName(), "上海", null, this.category, "12",
						null, null, "Y"),
				expert(user("wang"), "王五", name("示范大学法学院"), null, null, "研究员", this.category, 5, 5, null, null)));
		assertThat(this.experts.pool()).hasSize(poolBefore + 3);
		assertThat(result.unitsCreated()).containsExactly(name("示范大学法学院"));
		Expert zhang = result.experts().get(0).expert();
		assertThat(zhang.getName()).isEqualTo("张三");
		assertThat(zhang.getUnitId()).isEqualTo(this.university.getId());
		assertThat(zhang.getCategoryCodes()).containsExactlyInAnyOrder(this.category, this.category + "-2");
		assertThat(zhang.getLoadCap()).isEqualTo(30);
		assertThat(zhang.getCampaignLoadCap()).isEqualTo(60);
		assertThat(zhang.getEmail()).isEqualTo("zhang@example.edu.cn");
		assertThat(zhang.isActive()).isTrue();
		Unit law = this.accounts.findUnit(name("示范大学法学院")).orElseThrow();
		assertThat(law.getParentId()).isEqualTo(this.university.getId());
		assertThat(law.getRegion()).isEqualTo("上海");
		assertThat(result.experts()).extracting(i -> i.expert().getUnitId())
			.containsExactly(this.university.getId(), law.getId(), law.getId());
		for (ExpertImportResult.Imported each : result.experts()) {
			String username = each.password().username();
			assertThat(this.accounts.findAccount(username).orElseThrow().getRole()).isEqualTo(Role.EXPERT);
			assertThat(this.passwordEncoder.matches(each.password().password(),
					this.users.loadUserByUsername(username).getPassword()))
				.isTrue();
		}
		assertThat(result.passwords()).extracting(InitialPassword::password).doesNotHaveDuplicates();
		assertThat(this.events.stream(ExpertJoined.class)).extracting(ExpertJoined::expertId, ExpertJoined::username)
			.containsExactlyElementsOf(
					result.experts().stream().map(i -> tuple(i.expert().getId(), i.password().username())).toList());
	}

	@Test
	void newUnitsWithParentsBuildTheHierarchy() {
		importWorkbook(experts(expert(user("a"), "甲", name("部委"), null, "北京", null, this.category, 10, null, null, "Y"),
				expert(user("b"), "乙", name("司局"), name("部委"), "北京", null, this.category, 10, null, null, "Y"),
				expert(user("c"), "丙", name("处室"), name("司局"), "北京", null, this.category, 10, null, null, "Y"),
				expert(user("d"), "丁", name("研究所"), this.university.getName(), null, null, this.category, 10, null,
						null, "Y")));
		Map<Long, Long> parents = this.accounts.unitParents();
		Long ministry = unitId(name("部委"));
		Long bureau = unitId(name("司局"));
		assertThat(parents).doesNotContainKey(ministry);
		assertThat(parents.get(bureau)).isEqualTo(ministry);
		assertThat(parents.get(unitId(name("处室")))).isEqualTo(bureau);
		assertThat(parents.get(unitId(name("研究所")))).isEqualTo(this.university.getId());
	}

	@Test
	void wrongColumnsImportNothing() {
		List<Object> header = new ArrayList<>(HEADER);
		header.set(2, "单位名称");
		assertRefused(sheet(List.of(header, goodRow())), tuple(1, "C", "expertimport.header.unknown"),
				tuple(1, "C", "expertimport.header.missing"));
	}

	@Test
	void aFormulaImportsNothing() {
		assertRefused(experts(goodRow(),
				expert(user("f"), "公式", this.university.getName(), null, null, null, this.category, formula("10*2"))),
				3, "H", "expertimport.cell.formula");
	}

	@Test
	void aDuplicateUserNameImportsNothing() {
		assertRefused(
				experts(goodRow(),
						expert(user("good"), "重名", this.university.getName(), null, null, null, this.category, 10)),
				3, "A", "expertimport.username.duplicate");
		this.accounts.createAccount(user("taken"), "secret-pass", "已有", Role.APPLICANT, null);
		assertRefused(
				experts(goodRow(),
						expert(user("taken"), "占用", this.university.getName(), null, null, null, this.category, 10)),
				3, "A", "expertimport.username.taken");
	}

	@Test
	void anUnknownUnitWithoutNewUnitImportsNothing() {
		assertRefused(
				experts(goodRow(), expert(user("typo"), "错字", name("示范大学 法学院"), null, null, null, this.category, 10)),
				3, "C", "expertimport.unit.unknown");
		assertThat(this.accounts.findUnit(name("示范大学 法学院"))).isEmpty();
	}

	@Test
	void aBadNumberImportsNothing() {
		assertRefused(
				experts(goodRow(),
						expert(user("num"), "数字", this.university.getName(), null, null, null, this.category, "二十")),
				3, "H", "expertimport.number.invalid");
		assertRefused(
				experts(goodRow(),
						expert(user("num"), "数字", this.university.getName(), null, null, null, this.category, 20, 10)),
				3, "I", "expertimport.campaignCap.belowRoundCap");
	}

	@Test
	void aBadEmailImportsNothing() {
		assertRefused(experts(goodRow(), expert(user("mail"), "邮箱", this.university.getName(), null, null, null,
				this.category, 10, null, "zhang at example.cn")), 3, "J", "expertimport.email.invalid");
	}

	@Test
	void anUnknownCategoryImportsNothing() {
		assertRefused(
				experts(goodRow(),
						expert(user("cat"), "类别", this.university.getName(), null, null, null,
								this.category + "、NO-SUCH-" + this.suffix, 10)),
				3, "G", "expertimport.category.unknown");
	}

	@Test
	void aFileThatIsNotAnXlsxImportsNothing() {
		String csv = String.join(",", HEADER.stream().map(Object::toString).toList()) + "\n" + user("good") + ",好,"
				+ this.university.getName() + ",,,,," + this.category + ",10,,,\n";
		assertRefused(csv.getBytes(StandardCharsets.UTF_8), 0, null, "expertimport.file.notXlsx");
	}

	/**
	 * A row that is fine on its own and creates a unit: were a file imported in part, its
	 * expert, account or unit would be there.
	 */
	private List<Object> goodRow() {
		return expert(user("good"), "好专家", name("新研究中心"), this.university.getName(), null, null, this.category, 10,
				null, null, "Y");
	}

	private void assertRefused(byte[] file, int row, String column, String key) {
		assertRefused(file, tuple(row, column, key));
	}

	private void assertRefused(byte[] file, Tuple... problems) {
		int poolBefore = this.experts.pool().size();
		ExpertImportRefused refused = catchThrowableOfType(ExpertImportRefused.class,
				() -> this.expertImport.importWorkbook(file));
		assertThat(refused).isNotNull();
		assertThat(this.events.stream(ExpertJoined.class)).isEmpty();
		assertThat(refused.getProblems())
			.extracting(ImportProblem::row, ImportProblem::columnLetter, ImportProblem::messageKey)
			.containsExactly(problems);
		assertThat(this.experts.pool()).hasSize(poolBefore);
		assertThat(this.accounts.findAccount(user("good"))).isEmpty();
		assertThat(this.accounts.findUnit(name("新研究中心"))).isEmpty();
	}

	private ExpertImportResult importWorkbook(byte[] file) {
		ExpertImportResult result = this.expertImport.importWorkbook(file);
		result.experts().forEach(i -> this.imported.add(i.expert().getId()));
		return result;
	}

	private Long unitId(String name) {
		return this.accounts.findUnit(name).orElseThrow().getId();
	}

	private String user(String name) {
		return name + "." + this.suffix;
	}

	private String name(String unit) {
		return unit + " " + this.suffix;
	}

}
