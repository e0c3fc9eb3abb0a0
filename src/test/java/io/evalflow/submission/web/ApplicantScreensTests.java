package io.evalflow.submission.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.evalflow.TestCampaigns;
import io.evalflow.account.Role;
import io.evalflow.campaign.Campaign;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.SubmissionService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ApplicantScreensTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SubmissionService submissions;

	@Autowired
	SubmissionWebFixtures fixtures;

	@Test
	void applicantDraftsUploadsAPdfSubmitsAndGetsAReferenceNumber() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-flow");
		String applicant = this.fixtures.applicant("web-flow-unit");

		this.mvc.perform(get("/applicant").with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(campaign.getName())))
			.andExpect(
					content().string(containsString("/applicant/campaigns/" + campaign.getId() + "/applications/new")));
		this.mvc
			.perform(get("/applicant/campaigns/{id}/applications/new", campaign.getId())
				.with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("政务微博")));

		Long categoryId = campaign.getCategories().get(1).getId();
		this.mvc
			.perform(post("/applicant/campaigns/{id}/applications/new", campaign.getId())
				.with(this.fixtures.as(applicant))
				.with(csrf())
				.param("categoryId", categoryId.toString())
				.param("title", "一站式政务服务")
				.param("coApplicantUnits", "\n")
				.param("summary", "摘要")
				.param("background", "背景")
				.param("practice", "做法")
				.param("innovation", "创新点")
				.param("results", "成效"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/applicant/applications/*"));
		Application draft = onlyApplicationOf(applicant);
		assertThat(draft.getStatus()).isEqualTo(ApplicationStatus.DRAFT);
		assertThat(draft.getCategoryId()).isEqualTo(categoryId);

		this.mvc
			.perform(multipart("/applicant/applications/{id}/attachments", draft.getId())
				.file(new MockMultipartFile("files", "申报书 2012.pdf", "application/pdf", TestCampaigns.PDF))
				.with(this.fixtures.as(applicant))
				.with(csrf()))
			.andExpect(redirectedUrl("/applicant/applications/" + draft.getId()))
			.andExpect(flash().attribute("success", containsString("申报书 2012.pdf")));
		Attachment attachment = this.submissions.get(draft.getId()).getAttachments().get(0);
		assertThat(attachment.getContentType()).isEqualTo("application/pdf");

		this.mvc.perform(get("/applicant/applications/{id}", draft.getId()).with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一站式政务服务")))
			.andExpect(content().string(containsString("申报书 2012.pdf")))
			.andExpect(content().string(containsString("草稿，尚未提交")))
			.andExpect(content().string(containsString("id=\"application-submit\"")));

		this.mvc
			.perform(post("/applicant/applications/{id}/submit", draft.getId()).with(this.fixtures.as(applicant))
				.with(csrf()))
			.andExpect(flash().attribute("error", containsString("请先勾选确认")));
		assertThat(this.submissions.get(draft.getId()).getStatus()).isEqualTo(ApplicationStatus.DRAFT);

		MvcResult submitted = this.mvc
			.perform(post("/applicant/applications/{id}/submit", draft.getId()).with(this.fixtures.as(applicant))
				.with(csrf())
				.param("confirm", "true"))
			.andExpect(redirectedUrl("/applicant/applications/" + draft.getId()))
			.andReturn();
		Application application = this.submissions.get(draft.getId());
		assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(application.getReferenceNo()).startsWith(campaign.getCode() + "-SERVICE-");
		assertThat((String) submitted.getFlashMap().get("success")).contains(application.getReferenceNo());

		this.mvc.perform(get("/applicant").with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(application.getReferenceNo())))
			.andExpect(content().string(containsString("已提交（待形式审查）")));
		this.mvc.perform(get("/applicant/applications/{id}", draft.getId()).with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已提交，申报编号 " + application.getReferenceNo())))
			.andExpect(content().string(containsString("形式审查中")))
			.andExpect(content().string(containsString("id=\"application-withdraw\"")))
			.andExpect(content().string(not(containsString("id=\"application-submit\""))));
	}

	@Test
	void attachmentIsAlwaysServedAsADownloadUnderItsOriginalName() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-dl");
		String applicant = this.fixtures.applicant("web-dl-unit");
		Application draft = this.fixtures.draftWithPdf(applicant, campaign, "下载测试");
		Attachment attachment = draft.getAttachments().get(0);

		this.mvc
			.perform(get("/applicant/applications/{id}/attachments/{aid}", draft.getId(), attachment.getId())
				.with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", startsWith("attachment;")))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''" + URLEncoder.encode("申报书", StandardCharsets.UTF_8))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(content().bytes(TestCampaigns.PDF));
	}

	@Test
	void textFileNamedPdfIsRefusedAndNothingIsStored() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-type");
		String applicant = this.fixtures.applicant("web-type-unit");
		Application draft = this.fixtures.draft(applicant, campaign, "类型测试", List.of());

		this.mvc
			.perform(multipart("/applicant/applications/{id}/attachments", draft.getId())
				.file(new MockMultipartFile("files", "case.pdf", "application/pdf",
						"just some text, not a PDF".getBytes(StandardCharsets.UTF_8)))
				.file(new MockMultipartFile("files", "empty.pdf", "application/pdf", new byte[0]))
				.with(this.fixtures.as(applicant))
				.with(csrf()))
			.andExpect(redirectedUrl("/applicant/applications/" + draft.getId()))
			.andExpect(flash().attribute("error", containsString("“case.pdf”未上传：只接受 PDF、Word")))
			.andExpect(flash().attribute("error", containsString("“empty.pdf”未上传：上传的文件是空的")))
			.andExpect(flash().attributeCount(1));
		assertThat(this.submissions.get(draft.getId()).getAttachments()).isEmpty();
	}

	@Test
	void uploadWithoutAFileAsksForOne() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-nofile");
		String applicant = this.fixtures.applicant("web-nofile-unit");
		Application draft = this.fixtures.draft(applicant, campaign, "无文件", List.of());
		this.mvc
			.perform(multipart("/applicant/applications/{id}/attachments", draft.getId())
				.file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
				.with(this.fixtures.as(applicant))
				.with(csrf()))
			.andExpect(flash().attribute("error", containsString("请先选择要上传的文件")));
	}

	@Test
	void draftAttachmentCanBeRemoved() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-rm");
		String applicant = this.fixtures.applicant("web-rm-unit");
		Application draft = this.fixtures.draftWithPdf(applicant, campaign, "删除附件");
		Long attachmentId = draft.getAttachments().get(0).getId();
		this.mvc
			.perform(post("/applicant/applications/{id}/attachments/{aid}/delete", draft.getId(), attachmentId)
				.with(this.fixtures.as(applicant))
				.with(csrf()))
			.andExpect(redirectedUrl("/applicant/applications/" + draft.getId()))
			.andExpect(flash().attributeExists("success"));
		assertThat(this.submissions.get(draft.getId()).getAttachments()).isEmpty();
	}

	@Test
	void formWithoutTitleIsReShownWithMessagesAndNothingIsSaved() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-bad");
		String applicant = this.fixtures.applicant("web-bad-unit");
		this.mvc
			.perform(post("/applicant/campaigns/{id}/applications/new", campaign.getId())
				.with(this.fixtures.as(applicant))
				.with(csrf())
				.param("title", " ")
				.param("summary", "x".repeat(20_001)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "title", "categoryId", "summary"))
			.andExpect(content().string(containsString("请填写最佳实践名称")))
			.andExpect(content().string(containsString("请选择申报类别")))
			.andExpect(content().string(containsString("每一部分不超过 20000 个字")));
		assertThat(this.submissions.forUnit(this.fixtures.unitId(applicant))).isEmpty();
	}

	@Test
	void serviceRefusalIsShownOnTheForm() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-refuse");
		String applicant = this.fixtures.applicant("web-refuse-unit");
		this.mvc
			.perform(post("/applicant/campaigns/{id}/applications/new", campaign.getId())
				.with(this.fixtures.as(applicant))
				.with(csrf())
				.param("categoryId", "-1")
				.param("title", "不属于本活动的类别"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(containsString("不属于本活动")));
		assertThat(this.submissions.forUnit(this.fixtures.unitId(applicant))).isEmpty();
	}

	@Test
	void draftIsEditedThroughTheFormAndCoApplicantsAreListedOnePerLine() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-edit");
		String applicant = this.fixtures.applicant("web-edit-unit");
		String partner = "联合单位-" + SubmissionWebFixtures.suffix();
		Application draft = this.fixtures.draft(applicant, campaign, "修改前", List.of());

		this.mvc.perform(get("/applicant/applications/{id}/edit", draft.getId()).with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("修改前")));
		this.mvc
			.perform(post("/applicant/applications/{id}/edit", draft.getId()).with(this.fixtures.as(applicant))
				.with(csrf())
				.param("categoryId", draft.getCategoryId().toString())
				.param("title", "修改后")
				.param("coApplicantUnits", partner + "\r\n\r\n" + partner + "\n")
				.param("summary", "新的摘要"))
			.andExpect(redirectedUrl("/applicant/applications/" + draft.getId()));
		Application edited = this.submissions.get(draft.getId());
		assertThat(edited.getTitle()).isEqualTo("修改后");
		assertThat(edited.getSummary()).isEqualTo("新的摘要");
		assertThat(edited.getCoApplicantUnitIds()).hasSize(1);
		this.mvc.perform(get("/applicant/applications/{id}", draft.getId()).with(this.fixtures.as(applicant)))
			.andExpect(content().string(containsString(partner)));
	}

	@Test
	void submissionWithMissingSectionsIsRefusedWithAMessage() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-incomplete");
		String applicant = this.fixtures.applicant("web-incomplete-unit");
		Application draft = this.submissions.createDraft(this.fixtures.currentUser(applicant), campaign.getId(),
				new io.evalflow.submission.ApplicationContent(campaign.getCategories().get(0).getId(), "未写完", List.of(),
						null, null, null, null, null));
		this.submissions.addAttachment(this.fixtures.currentUser(applicant), draft.getId(), "a.pdf", TestCampaigns.PDF);
		this.mvc
			.perform(post("/applicant/applications/{id}/submit", draft.getId()).with(this.fixtures.as(applicant))
				.with(csrf())
				.param("confirm", "true"))
			.andExpect(flash().attribute("error", containsString("提交前请填写摘要")));
		assertThat(this.submissions.get(draft.getId()).getStatus()).isEqualTo(ApplicationStatus.DRAFT);
	}

	@Test
	void submittedApplicationCanBeWithdrawnBeforeTheDeadline() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-wd");
		String applicant = this.fixtures.applicant("web-wd-unit");
		Application application = this.fixtures.submitted(applicant, campaign, "撤回测试");
		this.mvc
			.perform(
					post("/applicant/applications/{id}/withdraw", application.getId()).with(this.fixtures.as(applicant))
						.with(csrf())
						.param("confirm", "true"))
			.andExpect(flash().attribute("success", containsString(application.getReferenceNo())));
		assertThat(this.submissions.get(application.getId()).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
		this.mvc.perform(get("/applicant/applications/{id}", application.getId()).with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已撤回")));
	}

	@Test
	void anotherUnitsApplicantIsRefusedOnEveryScreenOfTheApplication() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-other");
		String owner = this.fixtures.applicant("web-owner");
		String other = this.fixtures.applicant("web-other");
		Application draft = this.fixtures.draftWithPdf(owner, campaign, "他人的申报");
		Long id = draft.getId();
		Long attachmentId = draft.getAttachments().get(0).getId();

		this.mvc.perform(get("/applicant/applications/{id}", id).with(this.fixtures.as(other)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/applicant/applications/{id}/edit", id).with(this.fixtures.as(other)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/applicant/applications/{id}/attachments/{aid}", id, attachmentId)
				.with(this.fixtures.as(other)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/applicant/applications/{id}/edit", id).with(this.fixtures.as(other))
				.with(csrf())
				.param("categoryId", draft.getCategoryId().toString())
				.param("title", "篡改"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/applicant/applications/{id}/attachments", id)
				.file(new MockMultipartFile("files", "x.pdf", "application/pdf", TestCampaigns.PDF))
				.with(this.fixtures.as(other))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/applicant/applications/{id}/attachments/{aid}/delete", id, attachmentId)
				.with(this.fixtures.as(other))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/applicant/applications/{id}/submit", id).with(this.fixtures.as(other))
				.with(csrf())
				.param("confirm", "true"))
			.andExpect(status().isForbidden());
		Application unchanged = this.submissions.get(id);
		assertThat(unchanged.getTitle()).isEqualTo("他人的申报");
		assertThat(unchanged.getAttachments()).hasSize(1);
		assertThat(unchanged.getStatus()).isEqualTo(ApplicationStatus.DRAFT);
	}

	@Test
	void coApplicantUnitSeesTheApplicationButMayNotEditIt() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-co");
		String partner = this.fixtures.applicant("web-co-partner");
		String lead = this.fixtures.applicant("web-co-lead");
		Application draft = this.fixtures.draft(lead, campaign, "联合申报", List.of(partner));

		this.mvc.perform(get("/applicant/applications/{id}", draft.getId()).with(this.fixtures.as(partner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本单位为联合申报单位")))
			.andExpect(content().string(not(containsString("id=\"application-submit\""))));
		this.mvc.perform(get("/applicant").with(this.fixtures.as(partner)))
			.andExpect(content().string(containsString("联合申报")));
		this.mvc.perform(get("/applicant/applications/{id}/edit", draft.getId()).with(this.fixtures.as(partner)))
			.andExpect(status().isForbidden());
	}

	@Test
	void expertsAndAnonymousVisitorsAreRefusedOnApplicantScreens() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("web-roles");
		String applicant = this.fixtures.applicant("web-roles-unit");
		Application draft = this.fixtures.draftWithPdf(applicant, campaign, "角色测试");
		String expert = this.fixtures.account("web-roles-expert", Role.EXPERT);
		String organizer = this.fixtures.account("web-roles-org", Role.ORGANIZER);

		for (String path : List.of("/applicant", "/applicant/applications/" + draft.getId(),
				"/applicant/applications/" + draft.getId() + "/attachments/" + draft.getAttachments().get(0).getId(),
				"/applicant/campaigns/" + campaign.getId() + "/applications/new")) {
			this.mvc.perform(get(path).with(this.fixtures.as(expert))).andExpect(status().isForbidden());
			this.mvc.perform(get(path).with(this.fixtures.as(organizer))).andExpect(status().isForbidden());
			this.mvc.perform(get(path).accept(MediaType.TEXT_HTML))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		}
		this.mvc
			.perform(post("/applicant/applications/{id}/submit", draft.getId()).with(this.fixtures.as(expert))
				.with(csrf())
				.param("confirm", "true"))
			.andExpect(status().isForbidden());
		assertThat(this.submissions.get(draft.getId()).getStatus()).isEqualTo(ApplicationStatus.DRAFT);
	}

	@Test
	void unknownApplicationIsNotFound() throws Exception {
		String applicant = this.fixtures.applicant("web-404");
		this.mvc.perform(get("/applicant/applications/{id}", Long.MAX_VALUE).with(this.fixtures.as(applicant)))
			.andExpect(status().isNotFound());
	}

	private Application onlyApplicationOf(String applicant) {
		List<Application> applications = this.submissions.forUnit(this.fixtures.unitId(applicant));
		assertThat(applications).hasSize(1);
		return applications.get(0);
	}

}
