package io.evalflow.submission.web;

import java.util.List;
import java.util.UUID;

import io.evalflow.TestCampaigns;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.Role;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.SubmissionService;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Campaigns, units and applications for the screens' tests, each with a unique suffix:
 * the tests share one database.
 */
@Component
class SubmissionWebFixtures {

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final SubmissionService submissions;

	private final UserDetailsService users;

	SubmissionWebFixtures(CampaignService campaigns, AccountService accounts, SubmissionService submissions,
			UserDetailsService users) {
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.submissions = submissions;
		this.users = users;
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** A campaign whose call is open. */
	Campaign openCampaign(String prefix) {
		Campaign campaign = this.campaigns.create(TestCampaigns.threeRounds(prefix + "-" + suffix(), 1, 4, 1, 1));
		this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_CALL, null, "organizer");
		return this.campaigns.get(campaign.getId());
	}

	void closeCall(Campaign campaign) {
		this.campaigns.decide(campaign.getId(), PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer");
	}

	/**
	 * Registers an applicant unit; returns the user name, which is also the unit name.
	 */
	String applicant(String prefix) {
		String username = prefix + "-" + suffix();
		this.accounts.registerApplicant(new RegistrationRequest(username, "secret-pass", username,
				UnitType.LOCAL_GOVERNMENT, "江苏", "联系人", "contact@example.org", "025-12345678"));
		return username;
	}

	String account(String prefix, Role role) {
		String username = prefix + "-" + suffix();
		this.accounts.createAccount(username, "secret-pass", username, role, null);
		return username;
	}

	CurrentUser currentUser(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(this.users.loadUserByUsername(username));
	}

	Long unitId(String username) {
		return currentUser(username).getUnitId();
	}

	Application draft(String username, Campaign campaign, String title, List<String> coApplicants) {
		return this.submissions.createDraft(currentUser(username), campaign.getId(), new ApplicationContent(
				campaign.getCategories().get(0).getId(), title, coApplicants, "摘要内容", "背景内容", "做法内容", "创新点内容", "成效内容"));
	}

	Application draftWithPdf(String username, Campaign campaign, String title) {
		Application draft = draft(username, campaign, title, List.of());
		this.submissions.addAttachment(currentUser(username), draft.getId(), "申报书.pdf", TestCampaigns.PDF);
		return this.submissions.get(draft.getId());
	}

	Application submitted(String username, Campaign campaign, String title) {
		Application draft = draftWithPdf(username, campaign, title);
		return this.submissions.submit(currentUser(username), draft.getId());
	}

}
