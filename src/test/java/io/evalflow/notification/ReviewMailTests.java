package io.evalflow.notification;

import java.util.List;
import java.util.Set;

import io.evalflow.CampaignRunner;
import io.evalflow.RoundStarter;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.AssignmentReleased;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experts hear of their assignment once the round's reviews are all released: one
 * e-mail each, in the outbox, never twice for the same round, and none that names an
 * application.
 */
@SpringBootTest
class ReviewMailTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ExpertService experts;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	RoundStarter rounds;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void eachExpertGetsOneAssignmentMailPerRoundEvenWhenTheReleaseIsAnnouncedTwice() {
		CampaignRunner run = new CampaignRunner(this.context);
		Campaign campaign = run.threeRounds(1, 4, 1, 2);
		List<Expert> own = List.of(expert("a"), expert("b"), expert("c"));
		run.publishCall(campaign);
		List<String> titles = run.submit(campaign, run.applicant(), 0, 1, 2).stream().map(a -> a.getTitle()).toList();
		run.closeAndAdmitAll(campaign);
		List<Long> others = this.experts.active()
			.stream()
			.map(Expert::getId)
			.filter(id -> own.stream().noneMatch(e -> e.getId().equals(id)))
			.toList();
		others.forEach(id -> this.experts.setActive(id, false));
		ReviewRound round;
		try {
			round = this.rounds.open(campaign.getId(), 1);
		}
		finally {
			others.forEach(id -> this.experts.setActive(id, true));
		}
		for (Expert expert : own) {
			String key = "review-assignment:round-" + round.getId() + ":expert-" + expert.getId();
			assertThat(this.outbox.findByDedupeKey(key)).hasValueSatisfying(mail -> {
				assertThat(mail.getRecipient()).isEqualTo(expert.getEmail());
				assertThat(mail.getSubject()).contains(campaign.getName(), "初审", "2 份");
				assertThat(mail.getBody()).contains(expert.getName(), "/expert").doesNotContain(titles);
			});
		}
		long before = this.outbox.count();
		Long roundId = round.getId();
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(new AssignmentReleased(roundId)));
		assertThat(this.outbox.count()).isEqualTo(before);
	}

	@Test
	void anExpertJoiningThePoolIsInvitedOnceWithTheirUserNameAndNoPassword() {
		Expert expert = expert("invited");
		String key = "expert-invitation:expert-" + expert.getId();
		assertThat(this.outbox.findByDedupeKey(key)).hasValueSatisfying(mail -> {
			assertThat(mail.getRecipient()).isEqualTo(expert.getEmail());
			assertThat(mail.getSubject()).contains("评审专家");
			assertThat(mail.getBody())
				.contains(expert.getName(), expert.getEmail().replace("@example.org", ""), "/login")
				.doesNotContain(CampaignRunner.PASSWORD);
		});
		String username = CampaignRunner.unique("mail-silent");
		Expert silent = this.experts.create(new ExpertRequest(username, CampaignRunner.PASSWORD, "无邮箱专家",
				"无邮箱专家单位 " + username, "北京", "研究员", Set.of(), 100, null, null));
		assertThat(this.outbox.findByDedupeKey("expert-invitation:expert-" + silent.getId())).isEmpty();
	}

	private Expert expert(String name) {
		String username = CampaignRunner.unique("mail-" + name);
		return this.experts.create(new ExpertRequest(username, CampaignRunner.PASSWORD, "邮件专家 " + name,
				"邮件专家单位 " + username, "北京", "研究员", Set.of(), 100, null, username + "@example.org"));
	}

}
