package io.evalflow.publication;

import java.util.ArrayList;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.PDPage;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.TestCampaigns;
import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ResultsPublished;
import io.evalflow.notification.Outbox;
import io.evalflow.notification.OutboxMessage;
import io.evalflow.publication.ResultsFixture.Driven;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outcome documents and e-mails of a small campaign driven to publication through the
 * engine: the casebook and the certificates read back with PDFBox, the outcome e-mails in
 * the outbox, and the refusals when there is nothing to publish or print.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationDocumentsTests {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final List<String> FINALIST_TITLES = List.of("浙江省政务服务实践", "上海市协同办公实践", "北京市网格化管理实践", "平安北京微博实践",
			"安徽发布微博实践", "浙江微博实践");

	private static final List<String> WINNER_TITLES = List.of("上海市协同办公实践", "浙江省政务服务实践", "安徽发布微博实践", "平安北京微博实践");

	@Autowired
	ResultsFixture fixture;

	@Autowired
	PublicationDownloads downloads;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	Outbox outbox;

	@Autowired
	OutcomeMail outcomeMail;

	@Autowired
	UserMessages messages;

	Driven published;

	@BeforeAll
	void drive() {
		this.published = this.fixture.published("pd", true);
	}

	@Test
	void casebookHoldsEveryFinalistWithTitleUnitsAndTextsAndAContentsPage() throws IOException {
		byte[] pdf = this.downloads.casebook(this.published.code(), null, CHINESE);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("结果测试 " + this.published.code(), "案例集", "收录入围案例 6 个", "目录", "管理创新类", "政务微博类");
			assertThat(text).contains(FINALIST_TITLES);
			assertThat(text).contains("申报单位：" + this.published.shanghaiUnit() + "、" + this.published.partner());
			assertThat(text).contains("摘要", "背景", "主要做法", "创新点", "实施成效", "— 3 —");
			assertThat(text).doesNotContain("安徽省电子政务实践", "上海微博实践", "材料不全的申报");
			// cover, one contents page, a page per case at least
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1 + 1 + 6);
			String contents = new PDFTextStripper() {
				{
					setStartPage(2);
					setEndPage(2);
				}
			}.getText(document);
			assertThat(contents).contains("目录", "北京市网格化管理实践 3");
			assertEveryFontIsEmbedded(document);
		}
	}

	/** Chinese and Latin alike come from fonts inside the document, not the reader's. */
	private static void assertEveryFontIsEmbedded(PDDocument document) throws IOException {
		List<String> fonts = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			PDResources resources = page.getResources();
			for (COSName name : resources.getFontNames()) {
				PDFont font = resources.getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				fonts.add(font.getName());
			}
		}
		assertThat(fonts).anyMatch(name -> name.contains("DroidSansFallback"))
			.anyMatch(name -> name.contains("DejaVuSans"));
	}

	@Test
	void certificatesAreOnePageLandscapePerWinner() throws IOException {
		byte[] pdf = this.downloads.certificates(this.published.campaignId(), organizer(), CHINESE);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(4);
			assertThat(document.getPage(0).getMediaBox().getWidth())
				.isGreaterThan(document.getPage(0).getMediaBox().getHeight());
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("获奖证书", "结果测试组织单位");
			assertThat(text).contains(WINNER_TITLES);
			assertThat(text).contains(this.published.anhuiUnit() + "：");
			assertThat(text).doesNotContain("北京市网格化管理实践", "浙江微博实践");
			assertEveryFontIsEmbedded(document);
		}
	}

	@Test
	void eachSubmittedApplicationIsToldItsOutcomeOnceByEmail() {
		Map<String, OutboxMessage> mails = outcomeMails(this.published.campaignId());
		Map<String, ApplicationStatus> statuses = new HashMap<>();
		for (Application application : this.submissions.inCampaign(this.published.campaignId())) {
			statuses.put("outcome:application-" + application.getId(), application.getStatus());
		}
		assertThat(mails).hasSize(9);
		mails.forEach((key, mail) -> {
			String expected = switch (statuses.get(key)) {
				case WINNER -> "荣获";
				case FINALIST -> "入围终审";
				case NOT_ADVANCED -> "未能入围";
				case INELIGIBLE -> "未通过形式审查（材料不全）";
				default -> throw new AssertionError(key + " should get no e-mail");
			};
			assertThat(mail.getBody()).as(key).contains(expected, "结果测试 " + this.published.code());
			assertThat(mail.getRecipient()).endsWith("@example.org");
		});
		OutboxMessage shanghaiWinner = mails.values()
			.stream()
			.filter(m -> m.getBody().contains("上海市协同办公实践"))
			.findFirst()
			.orElseThrow();
		assertThat(shanghaiWinner.getRecipient()).isEqualTo(this.published.shanghai() + "@example.org");
		assertThat(shanghaiWinner.getBody()).contains("管理创新类最佳实践", "/results/" + this.published.code());

		this.outcomeMail.on(new ResultsPublished(this.published.campaignId(), Instant.now()));
		assertThat(outcomeMails(this.published.campaignId())).hasSize(9);
	}

	@Test
	void publishingBeforeTheWinnersAreConfirmedIsRefusedWithAClearMessageAndChangesNothing() {
		Campaign campaign = this.campaigns
			.create(TestCampaigns.threeRounds("pub-early-" + TestCampaigns.unique("pe"), 2, 10, 4, 1));
		assertThatThrownBy(
				() -> this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_RESULTS, null, "organizer"))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				LocaleContextHolder.setLocale(CHINESE);
				assertThat(this.messages.of(ex)).isEqualTo("尚不能公布结果：最后一轮“终审”的获奖名单还未经组织方确认。请先在该轮排名页确认获奖名单。");
			});
		Campaign after = this.campaigns.get(campaign.getId());
		assertThat(after.getStatus()).isEqualTo(CampaignStatus.DRAFT);
		assertThat(after.getPublishedAt()).isNull();
	}

	@Test
	void noCasebookOrCertificatesBeforeThereAreFinalistsAndWinners() {
		Campaign campaign = this.campaigns
			.create(TestCampaigns.threeRounds("pub-empty-" + TestCampaigns.unique("pn"), 2, 10, 4, 1));
		assertThatThrownBy(() -> this.downloads.casebook(campaign.getCode(), organizer(), CHINESE))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.getMessageKey()).isEqualTo("publication.error.noFinalists"));
		assertThatThrownBy(() -> this.downloads.certificates(campaign.getId(), organizer(), CHINESE))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.getMessageKey()).isEqualTo("publication.error.noWinners"));
	}

	private CurrentUser organizer() {
		return this.fixture.user(this.published.organizer());
	}

	/** The campaign's outcome e-mails by dedupe key, read through the outbox's pages. */
	private Map<String, OutboxMessage> outcomeMails(Long campaignId) {
		Map<String, OutboxMessage> found = new HashMap<>();
		List<String> keys = this.submissions.inCampaign(campaignId)
			.stream()
			.map(a -> "outcome:application-" + a.getId())
			.toList();
		Page<OutboxMessage> page;
		int number = 0;
		do {
			page = this.outbox.messages(null, number++);
			page.forEach(m -> {
				if (keys.contains(m.getDedupeKey())) {
					assertThat(found.put(m.getDedupeKey(), m)).as("one message per key").isNull();
				}
			});
		}
		while (page.hasNext());
		return found;
	}

}
