package io.evalflow.review;

import java.util.Arrays;

import io.evalflow.CampaignRunner;
import io.evalflow.RoundStarter;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round's draw and release on the real engine and database: the proposal written in
 * chunks, then the chunks released into review tasks, one job each. Run with
 * {@code ./mvnw -Pbench test}; {@code -Dbench.applications=N} sets the size (default
 * 2,000 applications × 5 experts).
 */
@SpringBootTest
class ReleaseBenchmark {

	private static final int K = 5;

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignService campaigns;

	@Autowired
	AssignmentService assignments;

	@Autowired
	RoundStarter rounds;

	@Autowired
	TaskService tasks;

	@Test
	void drawAndRelease() {
		int applications = Integer.getInteger("bench.applications", 2_000);
		CampaignRunner run = new CampaignRunner(this.context);
		Campaign campaign = this.campaigns
			.create(io.evalflow.TestCampaigns.threeRounds(CampaignRunner.unique("bench"), 1, applications, 1, K));
		run.experts(Math.max(50, applications * K / 40));
		run.publishCall(campaign);
		int[] categories = new int[applications];
		Arrays.setAll(categories, i -> i % 4);
		long start = System.nanoTime();
		String applicant = run.applicant();
		for (int from = 0; from < applications; from += 500) {
			run.submit(campaign, applicant, Arrays.copyOfRange(categories, from, Math.min(applications, from + 500)));
		}
		run.closeAndAdmitAll(campaign);
		bench("setup_applications", applications, seconds(start), "s");

		start = System.nanoTime();
		this.campaigns.decide(campaign.getId(), PipelineDecision.START_ROUND, 1, "bench");
		this.rounds.runJobs();
		ReviewRound round = this.campaigns.round(campaign.getId(), 1);
		double draw = seconds(start);
		assertThat(this.assignments.assignment(round.getId())).hasValueSatisfying(a -> {
			assertThat(a.getStatus()).isEqualTo(RoundAssignment.Status.PROPOSED);
			assertThat(a.getApplicationCount()).isEqualTo(applications);
		});
		bench("draw_and_write_proposal", applications, draw, "s");

		start = System.nanoTime();
		this.assignments.confirm(round.getId(), "bench");
		this.rounds.runJobs();
		double release = seconds(start);
		assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.OPEN);
		long created = this.tasks.createTaskQuery().processInstanceBusinessKeyLike("application-%").count();
		assertThat(created).isGreaterThanOrEqualTo((long) applications * K);
		bench("release_into_tasks", applications, release, "s");
		System.out.printf("BENCH release_rate_%dx%d %.0f reviews/s%n", applications, K, applications * K / release);
	}

	private static void bench(String name, int applications, double value, String unit) {
		System.out.printf("BENCH %s_%dx%d %.2f %s%n", name, applications, K, value, unit);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
