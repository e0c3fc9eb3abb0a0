package io.evalflow.submission.web;

import io.evalflow.account.Role;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class FormalCheckScreensTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	SubmissionWebFixtures fixtures;

	@Test
	void organizerChecksEachApplicationAndThenCompletesTheFormalCheck() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("fc-flow");
		String applicant = this.fixtures.applicant("fc-flow-unit");
		String organizer = this.fixtures.account("fc-flow-org", Role.ORGANIZER);
		Application good = this.fixtures.submitted(applicant, campaign, "合格的案例");
		Application bad = this.fixtures.submitted(applicant, campaign, "材料不全的案例");
		this.fixtures.closeCall(campaign);
		String list = "/organizer/campaigns/" + campaign.getId() + "/formal-check";

		this.mvc.perform(get(list).with(this.fixtures.as(organizer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("合格的案例")))
			.andExpect(content().string(containsString(bad.getReferenceNo())))
			.andExpect(content().string(containsString("/organizer/applications/" + good.getId())));
		this.mvc.perform(get("/organizer/applications/{id}", good.getId()).with(this.fixtures.as(organizer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("合格的案例")))
			.andExpect(content().string(containsString("contact@example.org")))
			.andExpect(content().string(containsString("/organizer/applications/" + good.getId() + "/attachments/"
					+ good.getAttachments().get(0).getId())))
			.andExpect(content().string(containsString("/organizer/applications/" + good.getId() + "/eligibility")));

		this.mvc
			.perform(post("/organizer/applications/{id}/eligibility", bad.getId()).with(this.fixtures.as(organizer))
				.with(csrf())
				.param("eligible", "false")
				.param("reason", " "))
			.andExpect(redirectedUrl(list))
			.andExpect(flash().attribute("error", containsString("判定不合格时须填写理由")));
		assertThat(this.submissions.get(bad.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);

		this.mvc
			.perform(post("/organizer/applications/{id}/eligibility", good.getId()).with(this.fixtures.as(organizer))
				.with(csrf())
				.param("eligible", "true"))
			.andExpect(redirectedUrl(list))
			.andExpect(flash().attribute("success", containsString(good.getReferenceNo())));
		assertThat(this.submissions.get(good.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);

		this.mvc.perform(post(list + "/complete").with(this.fixtures.as(organizer)).with(csrf()))
			.andExpect(redirectedUrl(list))
			.andExpect(flash().attribute("error", containsString("还有 1 份申报未完成形式审查")));
		assertThat(this.campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.CALL_CLOSED);

		this.mvc
			.perform(post("/organizer/applications/{id}/eligibility", bad.getId()).with(this.fixtures.as(organizer))
				.with(csrf())
				.param("eligible", "false")
				.param("reason", "缺少单位盖章的申报书"))
			.andExpect(flash().attributeExists("success"));
		assertThat(this.submissions.get(bad.getId()).getStatus()).isEqualTo(ApplicationStatus.INELIGIBLE);
		this.mvc.perform(get(list).with(this.fixtures.as(organizer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("缺少单位盖章的申报书")))
			.andExpect(content().string(containsString("没有待审查的申报")));

		this.mvc.perform(post(list + "/complete").with(this.fixtures.as(organizer)).with(csrf()))
			.andExpect(redirectedUrl(list))
			.andExpect(flash().attribute("success", containsString("形式审查已完成")));
		assertThat(this.campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.IN_REVIEW);

		this.mvc.perform(get("/applicant/applications/{id}", bad.getId()).with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("未通过形式审查：缺少单位盖章的申报书")));
		this.mvc.perform(get("/applicant/applications/{id}", good.getId()).with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("通过形式审查")))
			.andExpect(content().string(containsString("已进入初审，等待评审开始")));
	}

	@Test
	void decisionWhileTheCallIsOpenIsRefusedWithAMessage() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("fc-early");
		String applicant = this.fixtures.applicant("fc-early-unit");
		String organizer = this.fixtures.account("fc-early-org", Role.ORGANIZER);
		Application application = this.fixtures.submitted(applicant, campaign, "过早审查");

		this.mvc
			.perform(get("/organizer/campaigns/{id}/formal-check", campaign.getId()).with(this.fixtures.as(organizer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只有在申报截止后")))
			.andExpect(content().string(not(containsString("formal-check/complete"))));
		this.mvc
			.perform(post("/organizer/applications/{id}/eligibility", application.getId())
				.with(this.fixtures.as(organizer))
				.with(csrf())
				.param("eligible", "true"))
			.andExpect(flash().attribute("error", containsString("只有在申报截止后")));
		assertThat(this.submissions.get(application.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	@Test
	void decisionWithoutAConclusionIsRefused() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("fc-none");
		String applicant = this.fixtures.applicant("fc-none-unit");
		String organizer = this.fixtures.account("fc-none-org", Role.ORGANIZER);
		Application application = this.fixtures.submitted(applicant, campaign, "没有结论");
		this.fixtures.closeCall(campaign);
		this.mvc
			.perform(post("/organizer/applications/{id}/eligibility", application.getId())
				.with(this.fixtures.as(organizer))
				.with(csrf()))
			.andExpect(flash().attribute("error", containsString("请选择合格或不合格")));
		assertThat(this.submissions.get(application.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	@Test
	void organizerDownloadsAnAttachment() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("fc-dl");
		String applicant = this.fixtures.applicant("fc-dl-unit");
		String organizer = this.fixtures.account("fc-dl-org", Role.ORGANIZER);
		Application application = this.fixtures.submitted(applicant, campaign, "下载");
		this.mvc
			.perform(get("/organizer/applications/{id}/attachments/{aid}", application.getId(),
					application.getAttachments().get(0).getId())
				.with(this.fixtures.as(organizer)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void applicantsAndExpertsAreRefusedOnOrganizerScreens() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("fc-roles");
		String applicant = this.fixtures.applicant("fc-roles-unit");
		String expert = this.fixtures.account("fc-roles-expert", Role.EXPERT);
		Application application = this.fixtures.submitted(applicant, campaign, "越权");
		this.fixtures.closeCall(campaign);

		for (String user : new String[] { applicant, expert }) {
			this.mvc
				.perform(get("/organizer/campaigns/{id}/formal-check", campaign.getId()).with(this.fixtures.as(user)))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/organizer/applications/{id}", application.getId()).with(this.fixtures.as(user)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(get("/organizer/applications/{id}/attachments/{aid}", application.getId(),
						application.getAttachments().get(0).getId())
					.with(this.fixtures.as(user)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/organizer/applications/{id}/eligibility", application.getId())
					.with(this.fixtures.as(user))
					.with(csrf())
					.param("eligible", "true"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/organizer/campaigns/{id}/formal-check/complete", campaign.getId())
					.with(this.fixtures.as(user))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(this.submissions.get(application.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

}
