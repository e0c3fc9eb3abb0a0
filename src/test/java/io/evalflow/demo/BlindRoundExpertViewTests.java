package io.evalflow.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.DocumentInspector;
import io.evalflow.RoundStarter;
import io.evalflow.TestDocuments;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.MetadataField;
import io.evalflow.submission.MetadataStatus;
import io.evalflow.submission.SubmissionService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In the demo's blind round (初审 of the 2012 selection) no applicant identity reaches an
 * expert: walking every page, download and API answer an assigned expert can reach finds
 * none of the applicants' unit names, parent units or contact persons, although the
 * applicants wrote them into their titles and sections, file names and the document
 * properties of their PDF, Word and JPEG files. The same walk in an open round finds
 * them, which shows the walk can see them.
 */
@SpringBootTest(properties = "evalflow.demo.enabled=true")
@AutoConfigureMockMvc
class BlindRoundExpertViewTests {

	static final String PASSWORD = "secret-pass";

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	AccountService accounts;

	@Autowired
	ExpertService experts;

	@Autowired
	ReviewService reviews;

	@Autowired
	RoundStarter rounds;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private final List<Long> ownExperts = new ArrayList<>();

	@AfterEach
	void retireOwnExperts() {
		// The pool is shared by every test's rounds: these experts score nothing else.
		this.ownExperts.forEach(id -> this.experts.setActive(id, false));
	}

	@Test
	void noApplicantNameReachesAnExpertOfTheDemosBlindFirstRound() throws Exception {
		Seeded demo = seed(true);
		assertThat(demo.round().isBlind()).as("the demo's 初审 is blind").isTrue();

		for (String expert : demo.assignedExperts()) {
			ExpertCrawl.Report report = walk(expert, demo.names());

			assertThat(report.leaks()).as("applicant names an expert of a blind round could read").isEmpty();
			List<Review> own = demo.reviewsOf(expert);
			for (Review review : own) {
				Application application = demo.application(review.getApplicationId());
				assertThat(report.okUrls()).contains("/expert/reviews/" + review.getId(),
						"/api/v1/reviews/" + review.getId());
				for (Attachment attachment : application.getAttachments()) {
					String page = "/expert/reviews/" + review.getId() + "/attachments/" + attachment.getId();
					String api = "/api/v1/reviews/" + review.getId() + "/attachments/" + attachment.getId();
					if (attachment.getMetadataStatus().withheldInBlindRounds()) {
						assertThat(report.okUrls()).doesNotContain(page, api);
						assertThat(report.visit(api).status()).isEqualTo(422);
					}
					else {
						assertThat(report.okUrls()).contains(page, api);
						assertThat(report.visit(page).body()).isNotEmpty();
					}
				}
			}
			assertThat(report.okUrls()).contains("/expert", "/api/v1/reviews", "/api/v1/me");
			assertThat(report.okUrls()).hasSizeGreaterThan(20);
		}
		Review withheld = demo.reviewsWithWithheldFiles().get(0);
		String page = new String(
				walk(usernameOf(withheld.getExpertId()), demo.names()).visit("/expert/reviews/" + withheld.getId())
					.body(),
				StandardCharsets.UTF_8);
		assertThat(page).contains("此文件的文档属性无法移除，盲评中不提供");
	}

	@Test
	void fileUploadedBeforeUploadsWereCheckedIsCleanedWhenABlindRoundFirstAsksForIt() throws Exception {
		Seeded demo = seed(true);
		Review review = demo.reviewsOf(demo.assignedExperts().get(0)).get(0);
		Attachment pdf = demo.application(review.getApplicationId()).getAttachments().get(0);
		this.jdbc.update("update attachment set metadata_status = 'UNCHECKED', metadata_removed = null, "
				+ "clean_stored_name = null, clean_size_bytes = null where id = ?", pdf.getId());

		byte[] served = this.mvc
			.perform(get("/api/v1/reviews/{r}/attachments/{a}", review.getId(), pdf.getId())
				.with(user(this.users.loadUserByUsername(usernameOf(review.getExpertId())))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(DocumentInspector.find(served, demo.names())).isEmpty();
		Attachment checked = this.submissions.get(review.getApplicationId()).attachment(pdf.getId());
		assertThat(checked.getMetadataStatus()).isEqualTo(MetadataStatus.CLEANED);
		assertThat(checked.getMetadataRemoved()).contains(MetadataField.AUTHOR);
	}

	@Test
	void theSameWalkInAnOpenRoundFindsTheApplicantsNames() throws Exception {
		Seeded demo = seed(false);
		String expert = demo.assignedExperts().get(0);
		Review review = demo.reviewsOf(expert).get(0);
		Application application = demo.application(review.getApplicationId());

		ExpertCrawl.Report report = walk(expert, demo.names());

		String lead = demo.unitNames().get(application.getLeadUnitId());
		assertThat(report.leaks()).anyMatch(
				l -> l.startsWith("/expert/reviews/" + review.getId() + " (200)") && l.contains(lead + " in body"));
		assertThat(report.leaks()).anyMatch(
				l -> l.startsWith("/api/v1/reviews/" + review.getId() + " (200)") && l.contains(lead + " in body"));
		String pdf = "/expert/reviews/" + review.getId() + "/attachments/"
				+ application.getAttachments().get(0).getId();
		assertThat(report.leaks()).anyMatch(l -> l.startsWith(pdf + " (200)") && l.contains("PDF information"));
		assertThat(report.leaks()).anyMatch(l -> l.startsWith(pdf + " (200)") && l.contains("download file name"));
		String docx = "/api/v1/reviews/" + review.getId() + "/attachments/"
				+ application.getAttachments().get(1).getId();
		assertThat(report.leaks()).anyMatch(l -> l.startsWith(docx + " (200)") && l.contains("part docProps/app.xml"));
	}

	private ExpertCrawl.Report walk(String expert, Set<String> names) throws Exception {
		return new ExpertCrawl(this.mvc, user(this.users.loadUserByUsername(expert)), names).walk("/", "/expert",
				"/login", "/results", "/api/v1/me", "/api/v1/reviews", "/api/v1/campaigns");
	}

	/**
	 * A campaign of the demo's shape with its call open; three applications from units
	 * with distinctive names, one led by a unit under a parent unit, two joint, one of an
	 * individual; each names its applicants in its title, sections, file names and files;
	 * the formal check done and 初审 opened through the pipeline, one review submitted.
	 */
	private Seeded seed(boolean blindAsInTheDemo) {
		String tag = "·" + Long.toString(System.nanoTime(), 36);
		CampaignDefinition demo = Egov2012.definition(Instant.now().plus(60, ChronoUnit.DAYS));
		List<RoundDefinition> roundDefinitions = new ArrayList<>(demo.rounds());
		RoundDefinition first = roundDefinitions.get(0);
		if (!blindAsInTheDemo) {
			roundDefinitions.set(0,
					new RoundDefinition(first.name(), first.nameEn(), first.type(), first.expertsPerApplication(),
							first.reviewDays(), false, first.excludeEarlierExperts(), first.rule(), first.ruleCount(),
							first.criteria()));
		}
		Campaign campaign = this.campaigns.create(new CampaignDefinition("blind" + tag.substring(1), demo.name() + tag,
				demo.organizer(), demo.description(), demo.submissionDeadline(), demo.unrankedListing(),
				demo.regionConflict(), demo.categories(), roundDefinitions));
		Long id = campaign.getId();
		this.campaigns.decide(id, PipelineDecision.PUBLISH_CALL, null, "organizer");
		List<Category> categories = campaign.getCategories();

		Set<String> names = new LinkedHashSet<>();
		String parent = "澜沧江示范市人民政府" + tag;
		Long parentId = this.accounts.findOrCreateUnit(parent, UnitType.LOCAL_GOVERNMENT, "云南").getId();
		String bureau = register("lc", "澜沧江示范市数据资源管理局" + tag, UnitType.LOCAL_GOVERNMENT, "欧阳澜汐",
				"lanxi.ouyang@lancang.example", "0871-66881234");
		this.jdbc.update("update org_unit set parent_id = ? where id = ?", parentId, unitOf(bureau));
		String institute = "滇西北智慧城市研究院" + tag;
		String center = register("xy", "雪域高原示范省政务服务中心" + tag, UnitType.STATE_ORGAN, "次仁卓玛", "zhuoma@xueyu.example",
				"0891-6337788");
		String company = "高原云计算有限公司" + tag;
		String officer = register("mr", "示范市公安局民警 慕容翊" + tag, UnitType.INDIVIDUAL, "慕容翊", "murong@example.org", null);
		names.addAll(List.of(parent, "澜沧江示范市数据资源管理局" + tag, institute, "雪域高原示范省政务服务中心" + tag, company,
				"示范市公安局民警 慕容翊" + tag, "欧阳澜汐", "次仁卓玛", "慕容翊", "lanxi.ouyang@lancang.example"));

		List<Application> submitted = new ArrayList<>();
		submitted.add(apply(bureau, campaign, categories.get(0), List.of(institute), "欧阳澜汐", parent, false));
		submitted.add(apply(center, campaign, categories.get(1), List.of(parent, company), "次仁卓玛", company, false));
		submitted.add(apply(officer, campaign, categories.get(3), List.of(), "慕容翊", "示范市公安局", true));

		this.campaigns.decide(id, PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer");
		submitted.forEach(a -> this.submissions.decideEligibility(a.getId(), true, null, "organizer"));
		this.submissions.completeFormalCheck(id, "organizer");

		List<Long> pool = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			Expert expert = this.experts.create(new ExpertRequest("blind-expert-" + i + tag.substring(1), PASSWORD,
					"盲评专家" + i, "专家单位 " + i + tag, "北京", "教授", Set.of(), 50));
			pool.add(expert.getId());
			this.ownExperts.add(expert.getId());
		}
		List<Long> others = this.experts.active().stream().map(Expert::getId).filter(e -> !pool.contains(e)).toList();
		others.forEach(e -> this.experts.setActive(e, false));
		try {
			this.rounds.open(id, 1);
		}
		finally {
			others.forEach(e -> this.experts.setActive(e, true));
		}
		ReviewRound round = this.campaigns.round(id, 1);
		List<Review> assigned = this.reviews.reviewsOfRound(round.getId());
		assertThat(assigned).hasSize(9);
		Review scored = assigned.get(0);
		Map<Long, BigDecimal> scores = new HashMap<>();
		for (Criterion criterion : round.getCriteria()) {
			scores.put(criterion.getId(), BigDecimal.valueOf(8));
		}
		this.reviews.submit(expertUser(scored.getExpertId()), scored.getId(), scores, "做法扎实。");

		Map<Long, String> unitNames = new HashMap<>();
		this.accounts.units(submitted.stream().flatMap(a -> a.unitIds().stream()).toList())
			.forEach((unitId, unit) -> unitNames.put(unitId, unit.getName()));
		Map<Long, Application> byId = this.submissions.byIds(submitted.stream().map(Application::getId).toList());
		Map<String, List<Review>> byExpert = new HashMap<>();
		for (Review review : assigned) {
			byExpert.computeIfAbsent(usernameOf(review.getExpertId()), e -> new ArrayList<>()).add(review);
		}
		return new Seeded(round, byId, unitNames, byExpert, Set.copyOf(names));
	}

	private String register(String prefix, String unitName, UnitType type, String contact, String email, String phone) {
		String username = "blind-" + prefix + "-" + Long.toString(System.nanoTime(), 36);
		this.accounts.registerApplicant(
				new RegistrationRequest(username, PASSWORD, unitName, type, "云南", contact, email, phone));
		return username;
	}

	/**
	 * Submits an application whose texts, file names and files name its lead unit, its
	 * co-applicants, its contact person and (where it has one) its parent unit.
	 */
	private Application apply(String applicant, Campaign campaign, Category category, List<String> coUnits,
			String contact, String other, boolean withEncryptedFile) {
		CurrentUser user = (CurrentUser) this.users.loadUserByUsername(applicant);
		String lead = this.accounts.unit(user.getUnitId()).getName();
		String joint = coUnits.isEmpty() ? lead : String.join("、", coUnits);
		Application draft = this.submissions.createDraft(user, campaign.getId(),
				new ApplicationContent(category.getId(), lead + "：一网通办的数据底座", coUnits,
						lead + "会同" + joint + "建设统一数据平台。", "此前" + other + "各部门数据分散，" + contact + "牵头梳理需求（联系电话与邮箱见申报书）。",
						lead + "建立数据目录，与" + joint + "按月共享。", "以" + lead + "为枢纽的共享模式。", "办事时间缩短一半，" + other + "予以推广。"));
		this.submissions.addAttachment(user, draft.getId(), lead + "申报书.pdf", TestDocuments.pdf(contact, lead));
		this.submissions.addAttachment(user, draft.getId(), joint + "联合材料.docx",
				TestDocuments.docx(contact, lead, other));
		this.submissions.addAttachment(user, draft.getId(), contact + "现场照片.jpg", TestDocuments.jpeg(contact, lead));
		if (withEncryptedFile) {
			this.submissions.addAttachment(user, draft.getId(), lead + "加密材料.pdf", encryptedPdf(contact, lead));
		}
		return this.submissions.submit(user, draft.getId());
	}

	private static byte[] encryptedPdf(String author, String unit) {
		try (PDDocument document = Loader.loadPDF(TestDocuments.pdf(author, unit))) {
			document.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Long unitOf(String username) {
		return ((CurrentUser) this.users.loadUserByUsername(username)).getUnitId();
	}

	private CurrentUser expertUser(Long expertId) {
		return (CurrentUser) this.users.loadUserByUsername(usernameOf(expertId));
	}

	private String usernameOf(Long expertId) {
		Long accountId = this.experts.get(expertId).getAccountId();
		return this.accounts.accountsById(List.of(accountId)).get(accountId).getUsername();
	}

	/** The seeded round, its applications and who reviews what. */
	record Seeded(ReviewRound round, Map<Long, Application> applications, Map<Long, String> unitNames,
			Map<String, List<Review>> reviewsByExpert, Set<String> names) {

		List<String> assignedExperts() {
			return reviewsByExpert.keySet().stream().sorted().toList();
		}

		List<Review> reviewsOf(String expert) {
			return this.reviewsByExpert.get(expert);
		}

		Application application(Long id) {
			return this.applications.get(id);
		}

		List<Review> reviewsWithWithheldFiles() {
			return this.reviewsByExpert.values()
				.stream()
				.flatMap(List::stream)
				.filter(r -> !application(r.getApplicationId()).attachmentsWithheldInBlindRounds().isEmpty())
				.toList();
		}

	}

}
