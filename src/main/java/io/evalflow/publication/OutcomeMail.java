package io.evalflow.publication;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ResultsPublished;
import io.evalflow.notification.MailTemplate;
import io.evalflow.notification.Outbox;
import io.evalflow.notification.OutgoingMail;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells applicants their outcome when the results are published: one e-mail per submitted
 * application, to the lead unit's contact address, saying winner, finalist, not selected,
 * or found ineligible at the formal check (with the reason: nothing told them before).
 * Withdrawn applications and drafts need no answer. Enqueued in the publishing
 * transaction under {@code outcome:application-<id>}, so the engine running the step
 * again writes nothing twice. Units have no language of their own yet: the e-mails are in
 * Chinese, the campaign's language.
 */
@Component
class OutcomeMail {

	private static final Logger log = LoggerFactory.getLogger(OutcomeMail.class);

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Outbox outbox;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final String baseUrl;

	OutcomeMail(Outbox outbox, CampaignService campaigns, SubmissionService submissions, AccountService accounts,
			@Value("${evalflow.base-url:http://localhost:8080}") String baseUrl) {
		this.outbox = outbox;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@EventListener
	void on(ResultsPublished event) {
		Campaign campaign = this.campaigns.get(event.campaignId());
		List<Application> told = this.submissions.inCampaign(campaign.getId())
			.stream()
			.filter(a -> template(a) != null)
			.toList();
		Map<Long, Unit> units = this.accounts
			.units(told.stream().map(Application::getLeadUnitId).collect(Collectors.toSet()));
		String results = this.baseUrl + "/results/" + campaign.getCode();
		for (Application application : told) {
			Unit lead = units.get(application.getLeadUnitId());
			String key = "outcome:application-" + application.getId();
			if (lead == null || !StringUtils.hasText(lead.getEmail())) {
				log.debug("application {} has no contact address; {} not enqueued", application.getId(), key);
				continue;
			}
			try {
				this.outbox.enqueue(OutgoingMail.of(template(application), key, lead.getEmail(), CHINESE,
						lead.getName(), campaign.getName(), application.getTitle(),
						campaign.category(application.getCategoryId()).getName(), results,
						(application.getIneligibleReason() != null) ? application.getIneligibleReason() : ""));
			}
			catch (DomainException refused) {
				// One unit's bad address must not hold up the publication.
				log.warn("application {}: {} not enqueued: {}", application.getId(), key, refused.getMessage());
			}
		}
	}

	private static MailTemplate template(Application application) {
		return switch (application.getStatus()) {
			case WINNER -> MailTemplate.OUTCOME_WINNER;
			case FINALIST -> MailTemplate.OUTCOME_FINALIST;
			case NOT_ADVANCED -> MailTemplate.OUTCOME_NOT_SELECTED;
			case INELIGIBLE -> MailTemplate.OUTCOME_INELIGIBLE;
			default -> null;
		};
	}

}
