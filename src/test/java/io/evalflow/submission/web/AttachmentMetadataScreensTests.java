package io.evalflow.submission.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.evalflow.TestDocuments;
import io.evalflow.campaign.Campaign;
import io.evalflow.submission.Application;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.MetadataField;
import io.evalflow.submission.MetadataProblem;
import io.evalflow.submission.MetadataStatus;
import io.evalflow.submission.SubmissionService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * At upload the applicant is told which document properties were taken out for blind
 * rounds; a file that cannot be cleaned is kept, and the application page warns that
 * blind rounds' experts will not get it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttachmentMetadataScreensTests {

	static final String AUTHOR = "司马清越";

	@Autowired
	MockMvc mvc;

	@Autowired
	SubmissionService submissions;

	@Autowired
	SubmissionWebFixtures fixtures;

	@Test
	void uploadTellsWhichPropertiesWereRemovedAndTheApplicantKeepsTheOriginal() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("meta-ok");
		String applicant = this.fixtures.applicant("meta-ok-unit");
		Application draft = this.fixtures.draft(applicant, campaign, "数据共享实践", java.util.List.of());
		byte[] pdf = TestDocuments.pdf(AUTHOR, applicant);

		this.mvc
			.perform(multipart("/applicant/applications/{id}/attachments", draft.getId())
				.file(new MockMultipartFile("files", "申报书.pdf", "application/pdf", pdf))
				.file(new MockMultipartFile("files", "附件.docx", "application/octet-stream",
						TestDocuments.docx(AUTHOR, applicant, "上级单位")))
				.with(this.fixtures.as(applicant))
				.with(csrf()))
			.andExpect(redirectedUrl("/applicant/applications/" + draft.getId()))
			.andExpect(flash().attribute("success",
					allOf(containsString("已从“申报书.pdf”中移除"), containsString("已从“附件.docx”中移除"), containsString("作者"),
							containsString("XMP 元数据"), containsString("单位（公司）"), containsString("批注和修订的作者"))));

		Application stored = this.submissions.get(draft.getId());
		assertThat(stored.getAttachments()).extracting(Attachment::getMetadataStatus)
			.containsExactly(MetadataStatus.CLEANED, MetadataStatus.CLEANED);
		assertThat(stored.getAttachments().get(1).getMetadataRemoved()).contains(MetadataField.COMPANY,
				MetadataField.MANAGER);
		this.mvc
			.perform(get("/applicant/applications/{id}/attachments/{a}", draft.getId(),
					stored.getAttachments().get(0).getId())
				.with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(pdf));
		this.mvc.perform(get("/applicant/applications/{id}", draft.getId()).with(this.fixtures.as(applicant)))
			.andExpect(content().string(containsString("已为盲评移除")));
	}

	@Test
	void encryptedOrDamagedFilesAreKeptAndTheApplicationPageWarns() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("meta-bad");
		String applicant = this.fixtures.applicant("meta-bad-unit");
		Application draft = this.fixtures.draft(applicant, campaign, "网上办事实践", java.util.List.of());

		this.mvc
			.perform(multipart("/applicant/applications/{id}/attachments", draft.getId())
				.file(new MockMultipartFile("files", "加密.pdf", "application/pdf", encryptedPdf()))
				.file(new MockMultipartFile("files", "损坏.pdf", "application/pdf",
						"%PDF-1.7\nnot really a PDF".getBytes(StandardCharsets.US_ASCII)))
				.file(new MockMultipartFile("files", "损坏.docx", "application/octet-stream", brokenDocx()))
				.with(this.fixtures.as(applicant))
				.with(csrf()))
			.andExpect(redirectedUrl("/applicant/applications/" + draft.getId()))
			.andExpect(flash().attribute("success", containsString("加密.pdf")))
			.andExpect(flash().attribute("error", allOf(containsString("“加密.pdf”的文档属性无法移除（文件已加密）"),
					containsString("“损坏.pdf”的文档属性无法移除（文件已损坏或无法解析）"), containsString("“损坏.docx”的文档属性无法移除"))));

		Application stored = this.submissions.get(draft.getId());
		assertThat(stored.getAttachments()).extracting(Attachment::getMetadataProblem)
			.containsExactly(MetadataProblem.ENCRYPTED, MetadataProblem.DAMAGED, MetadataProblem.DAMAGED);
		assertThat(stored.attachmentsWithheldInBlindRounds()).hasSize(3);
		this.mvc.perform(get("/applicant/applications/{id}", draft.getId()).with(this.fixtures.as(applicant)))
			.andExpect(content().string(containsString("盲评轮次的专家将拿不到这些文件")))
			.andExpect(content().string(containsString("无法移除文档属性（文件已加密），盲评中不向专家提供")));
		this.mvc
			.perform(get("/applicant/applications/{id}", draft.getId()).param("lang", "en")
				.with(this.fixtures.as(applicant)))
			.andExpect(content().string(containsString("experts in blind rounds will not get those files")));
	}

	private static byte[] encryptedPdf() throws Exception {
		try (PDDocument document = Loader.loadPDF(TestDocuments.pdf(AUTHOR, "某单位"))) {
			document.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/** Passes the type check (a ZIP with word/document.xml) but is no Word package. */
	private static byte[] brokenDocx() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}
