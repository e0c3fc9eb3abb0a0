package io.evalflow.demo;

import java.time.Clock;
import java.time.Duration;

import io.evalflow.account.AccountService;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the 2012 campaign, with its call published, and the demo accounts on the first
 * start of a database that has neither, in one transaction. The 2012 deadline (July 2012)
 * lies in the past, so the demo's call stays open for 60 days from the first start:
 * applicants can try it.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("evalflow.demo.enabled")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final DemoAccounts demoAccounts;

	private final Clock clock;

	DemoData(CampaignService campaigns, AccountService accounts, DemoAccounts demoAccounts, Clock clock) {
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.demoAccounts = demoAccounts;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.findAccount(DemoAccounts.ORGANIZER).isEmpty()) {
			this.demoAccounts.create();
			log.info("Demo accounts created");
		}
		if (this.campaigns.all().stream().noneMatch(c -> c.getCode().equals(Egov2012.CODE))) {
			Campaign campaign = this.campaigns
				.create(Egov2012.definition(this.clock.instant().plus(Duration.ofDays(60))));
			this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_CALL, null, DemoAccounts.ORGANIZER);
			log.info("Demo campaign {} created with its call open", Egov2012.CODE);
		}
	}

}
