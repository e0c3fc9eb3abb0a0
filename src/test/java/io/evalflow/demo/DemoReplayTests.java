package io.evalflow.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.Category;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replay runs the 2012 selection from 300+ submissions to publication on the real
 * engine and publishes exactly the 40 winners of 2012, each in its category, with its
 * units and title as published.
 */
@SpringBootTest
class DemoReplayTests {

	@Autowired
	DemoReplay replay;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	AccountService accounts;

	@Autowired
	RuntimeService runtime;

	@Test
	void replayPublishesExactlyTheWinnersOf2012() {
		List<ReplayReport.Stage> printed = new ArrayList<>();
		ReplayReport report = this.replay.run(printed::add);

		assertThat(printed).isEqualTo(report.stages());
		Map<String, Long> counts = report.stages()
			.stream()
			.collect(Collectors.toMap(ReplayReport.Stage::name, ReplayReport.Stage::count));
		assertThat(counts.get("submitted")).isEqualTo(312);
		assertThat(counts.get("round-1-drawn")).isEqualTo(302);
		assertThat(counts.get("round-1-released")).isEqualTo(302 * 3);
		assertThat(counts.get("round-1-advanced")).isEqualTo(Egov2012.FIRST_CUT);
		assertThat(counts.get("round-2-advanced")).isEqualTo(Egov2012.FINALISTS);
		assertThat(counts.get("round-3-advanced")).isEqualTo(40);

		Campaign campaign = this.campaigns.byCode(Egov2012.CODE);
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.PUBLISHED);
		Map<String, Set<String>> published = new HashMap<>();
		for (Application winner : this.submissions.withStatus(campaign.getId(), ApplicationStatus.WINNER)) {
			Category category = campaign.category(winner.getCategoryId());
			published.computeIfAbsent(category.getCode(), c -> new java.util.TreeSet<>())
				.add(units(winner) + " | " + winner.getTitle());
		}
		Map<String, Set<String>> seed = new HashMap<>();
		for (Winner2012 winner : Winner2012.load()) {
			seed.computeIfAbsent(winner.categoryCode(), c -> new java.util.TreeSet<>())
				.add(winner.units() + " | " + winner.title());
		}
		assertThat(published).isEqualTo(seed);
		assertThat(this.submissions.withStatus(campaign.getId(), ApplicationStatus.FINALIST)).hasSize(82);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("campaign-" + campaign.getId())
			.count()).isZero();

		assertThatThrownBy(() -> this.replay.run(stage -> {
		})).isInstanceOf(DomainException.class).hasMessageContaining("demo.error.alreadyReplayed");
	}

	private String units(Application application) {
		Map<Long, Unit> units = this.accounts.units(application.unitIds());
		return application.unitIds().stream().map(id -> units.get(id).getName()).collect(Collectors.joining("、"));
	}

}
