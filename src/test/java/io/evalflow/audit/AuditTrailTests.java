package io.evalflow.audit;

import org.springframework.context.ApplicationEventPublisher;
import io.evalflow.campaign.QuotaChanged;
import io.evalflow.review.ExpertService;
import io.evalflow.review.ExpertRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.evalflow.CampaignRunner;
import io.evalflow.RoundStarter;
import io.evalflow.TestReviews;
import io.evalflow.review.AssignmentChanges;
import io.evalflow.review.AssignmentFixture;
import io.evalflow.review.AssignmentFixture.Scenario;
import io.evalflow.review.AssignmentService;
import io.evalflow.review.Expert;
import io.evalflow.review.ReopenService;
import io.evalflow.review.ReplacementService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewDeadlines;
import io.evalflow.review.ReviewService;
import io.evalflow.audit.ChainVerification.Problem;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.publication.ResultsFixture;
import io.evalflow.publication.ResultsFixture.Driven;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail of a campaign driven through the real services and engine, and the
 * chain's verification catching rows edited, rewritten or deleted directly in the
 * database. Every test that breaks the chain mends it again: the database is shared.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTests {

	@Autowired
	ResultsFixture fixture;

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	RankingService ranking;

	@Autowired
	AssignmentChanges changes;

	@Autowired
	AssignmentService assignments;

	@Autowired
	RoundStarter rounds;

	@Autowired
	ReviewService reviews;

	@Autowired
	TestReviews testReviews;

	@Autowired
	ReopenService reopening;

	@Autowired
	ReviewDeadlines deadlines;

	@Autowired
	ReplacementService replacements;

	@Autowired
	ExpertService experts;

	@Autowired
	ApplicationEventPublisher events;

	Driven published;

	@BeforeAll
	void driveACampaignToPublication() {
		this.published = this.fixture.published("au", true);
	}

	@Test
	void everyStateChangeOfACampaignIsAnAuditEventWithWhoAndWhy() {
		List<Map<String, Object>> rows = rows(this.published.campaignId());
		List<String> actions = rows.stream().map(r -> (String) r.get("action_key")).toList();
		assertThat(actions.get(0)).isEqualTo("campaign.created");
		assertThat(actions).containsSubsequence("decision.publish-call", "application.submitted",
				"decision.close-submissions", "application.ineligible", "decision.formal-check", "decision.start-round",
				"decision.confirm-assignment", "assignment.released", "review.submitted", "cut.confirmed",
				"decision.confirm-cut", "decision.start-round", "cut.confirmed", "decision.publish-results",
				"results.published");
		assertThat(actions.get(actions.size() - 1)).isEqualTo("results.published");
		// 9 submitted, 9 checked, 8 + 6 reviews (one expert each), 2 cuts.
		assertThat(actions).filteredOn("application.submitted"::equals).hasSize(9);
		assertThat(actions).filteredOn(a -> a.startsWith("application.") && a.endsWith("eligible")).hasSize(9);
		assertThat(actions).filteredOn("review.submitted"::equals).hasSize(14);
		assertThat(actions).filteredOn(a -> a.startsWith("cut.")).hasSize(2);

		Map<String, Object> ineligible = rows.stream()
			.filter(r -> "application.ineligible".equals(r.get("action_key")))
			.findFirst()
			.orElseThrow();
		assertThat(ineligible).containsEntry("actor", "organizer")
			.containsEntry("reason", "材料不全")
			.containsEntry("subject_type", "application");
		assertThat(rows).filteredOn(r -> "review.submitted".equals(r.get("action_key")))
			.allSatisfy(r -> assertThat(r.get("actor"))
				.isEqualTo(this.reviews.assigneeOf(((Number) r.get("subject_id")).longValue())));
		assertThat(rows).filteredOn(r -> ((String) r.get("action_key")).startsWith("decision."))
			.allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("organizer"));
	}

	@Test
	void theActorOfAnEventThatNamesNobodyIsTheSignedInUser() {
		CampaignRunner run = new CampaignRunner(this.context);
		Campaign campaign = run.twoRounds(1, 2);
		run.publishCall(campaign);
		String applicant = run.applicant();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(run.user(applicant), null, List.of()));
		Application submitted;
		try {
			submitted = run.submit(campaign, applicant, 0).get(0);
			this.submissions.withdraw(run.user(applicant), submitted.getId());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		List<AuditRecord> about = this.log.about("application", submitted.getId());
		assertThat(about).extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::campaignId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("application.submitted", applicant, campaign.getId()),
					org.assertj.core.groups.Tuple.tuple("application.withdrawn", applicant, campaign.getId()));
		assertThat(about.get(0).details()).contains(submitted.getReferenceNo());
	}

	@Test
	void anExpertJoiningThePoolAndALoweredQuotaAreAuditedWithWhoAndWhy() {
		String username = CampaignRunner.unique("au-joined");
		Expert expert = this.experts.create(new ExpertRequest(username, CampaignRunner.PASSWORD, "审计专家",
				"审计专家单位 " + username, "北京", "研究员", Set.of(), 10));
		assertThat(this.log.about("expert", expert.getId())).singleElement().satisfies(r -> {
			assertThat(r.action()).isEqualTo("expert.joined");
			assertThat(r.details()).contains(username);
		});
		Long campaignId = this.published.campaignId();
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(
				new QuotaChanged(campaignId, 424242L, 1L, 10, 8, "organizer", "该类别仅有 8 个入围案例", Instant.now())));
		assertThat(this.log.about("category", 424242L)).singleElement().satisfies(r -> {
			assertThat(r.action()).isEqualTo("quota.changed");
			assertThat(r.actor()).isEqualTo("organizer");
			assertThat(r.reason()).isEqualTo("该类别仅有 8 个入围案例");
			assertThat(r.details()).contains("\"oldQuota\":10", "\"newQuota\":8");
		});
	}

	@Test
	void aChangeRefusedAfterItsEventLeavesNoRow() {
		CampaignRunner run = new CampaignRunner(this.context);
		Campaign campaign = run.twoRounds(1, 2);
		long before = head();
		// The decision's event is raised, then the engine finds no such task and refuses.
		assertThatThrownBy(
				() -> this.campaigns.decide(campaign.getId(), PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer"))
			.isInstanceOf(DomainException.class);
		assertThat(head()).isEqualTo(before);
		assertThat(rows(campaign.getId())).extracting(r -> r.get("action_key")).containsExactly("campaign.created");
	}

	@Test
	void aCutThatDiffersFromTheProposalIsAuditedAsAnOverrideWithItsReason() {
		CampaignRunner run = new CampaignRunner(this.context);
		Campaign campaign = run.twoRounds(1, 2);
		run.publishCall(campaign);
		List<Application> apps = run.submit(campaign, run.applicant(), 0, 0, 1);
		run.experts(2);
		run.closeAndAdmitAll(campaign);
		ReviewRound round = run.startRound(campaign, 1);
		Map<Long, BigDecimal> scores = new HashMap<>();
		scores.put(apps.get(0).getId(), new BigDecimal("9"));
		scores.put(apps.get(1).getId(), new BigDecimal("8"));
		scores.put(apps.get(2).getId(), new BigDecimal("3"));
		run.score(round, scores);
		Set<Long> proposed = this.ranking.results(round.getId())
			.stream()
			.filter(RoundResult::isProposed)
			.map(RoundResult::getApplicationId)
			.collect(Collectors.toSet());
		assertThat(proposed).containsExactlyInAnyOrder(apps.get(0).getId(), apps.get(1).getId());
		this.ranking.confirmCut(round.getId(), Set.of(apps.get(0).getId(), apps.get(2).getId()), "每个类别至少一项入围",
				"cut-organizer");
		AuditRecord cut = this.log.about("round", round.getId())
			.stream()
			.filter(r -> r.action().startsWith("cut."))
			.findFirst()
			.orElseThrow();
		assertThat(cut.action()).isEqualTo("cut.overridden");
		assertThat(cut.actor()).isEqualTo("cut-organizer");
		assertThat(cut.reason()).isEqualTo("每个类别至少一项入围");
		assertThat(cut.details()).contains("\"addedToProposal\":[" + apps.get(2).getId() + "]",
				"\"leftOutOfProposal\":[" + apps.get(1).getId() + "]");
		// The frozen snapshot's hashes are in the chain.
		String figuresHash = this.jdbc.queryForObject("SELECT figures_hash FROM round_snapshot WHERE round_id = ?",
				String.class, round.getId());
		assertThat(figuresHash).hasSize(64);
		assertThat(cut.details()).contains("\"figuresHash\":\"" + figuresHash + "\"", "\"inputsHash\":\"");
	}

	@Test
	void assignmentOverridesReopenedReviewsAndExtensionsAreAuditedWithTheirReasons() {
		AssignmentFixture assignment = new AssignmentFixture(this.context);
		Scenario s = assignment.propose(2, false, false, 2, 1);
		Long roundId = s.round().getId();
		Application app = s.application(0);
		Expert sameUnit = assignment.expert("同单位", s.unitName(), "北京", Set.of(s.categoryCode()), 10, null);
		this.changes.swap(roundId, app.getId(), s.drawn().get(0).getId(), sameUnit.getId(), "唯一熟悉该领域的专家",
				"organizer-a");
		this.assignments.confirm(roundId, "organizer-a");
		this.rounds.runJobs();
		Review first = this.reviews.reviewsOfRound(roundId).get(0);
		Map<Long, BigDecimal> scores = new HashMap<>();
		this.campaigns.round(roundId).getCriteria().forEach(c -> scores.put(c.getId(), new BigDecimal("8")));
		String expert = this.testReviews.expertUser(first.getExpertId()).getUsername();
		this.reviews.submit(this.testReviews.expertUser(first.getExpertId()), first.getId(), scores, "意见");
		CampaignRunner run = new CampaignRunner(this.context);
		String organizer = run.organizer();
		this.reopening.reopen(run.user(organizer), first.getId(), "评分与评语不一致");
		this.deadlines.extendRound(roundId, Instant.now().plus(40, ChronoUnit.DAYS), "专家集中出差", "organizer-a");
		Review second = this.reviews.reviewsOfRound(roundId).get(1);
		String secondExpert = this.testReviews.expertUser(second.getExpertId()).getUsername();
		this.replacements.declareConflict(this.testReviews.expertUser(second.getExpertId()), second.getId(),
				"本人曾参与该项目的建设");

		assertThat(this.log.about("application", app.getId())).filteredOn(r -> r.action().startsWith("assignment."))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.action()).isEqualTo("assignment.swap.override");
				assertThat(r.actor()).isEqualTo("organizer-a");
				assertThat(r.reason()).isEqualTo("唯一熟悉该领域的专家");
				assertThat(r.details()).contains("\"overridden\":[\"UNIT\"]", "\"replacementId\":" + sameUnit.getId());
			});
		assertThat(this.log.about("review", first.getId()))
			.extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("review.submitted", expert, null),
					org.assertj.core.groups.Tuple.tuple("review.reopened", organizer, "评分与评语不一致"));
		assertThat(this.log.about("review", second.getId())).singleElement().satisfies(r -> {
			assertThat(r.action()).isEqualTo("review.recused");
			assertThat(r.actor()).isEqualTo(secondExpert);
			assertThat(r.reason()).isEqualTo("本人曾参与该项目的建设");
			assertThat(r.campaignId()).isEqualTo(s.campaign().getId());
		});
		// The place is taken over by a replacement, or left vacant when nobody qualifies.
		assertThat(this.jdbc.queryForList("SELECT action_key FROM audit_event WHERE campaign_id = ? AND action_key IN "
				+ "('review.reassigned', 'review.vacated')", String.class, s.campaign().getId()))
			.hasSize(1);
		assertThat(this.log.about("round", roundId)).extracting(AuditRecord::action)
			.containsExactly("assignment.released", "deadline.extended");
		assertThat(this.log.about("round", roundId).get(1).reason()).isEqualTo("专家集中出差");
	}

	@Test
	void theChainOfRealEventsVerifies() {
		ChainVerification result = this.chain.verify();
		assertThat(result.intact()).as(result.line()).isTrue();
		assertThat(result.checked()).isEqualTo(head()).isGreaterThan(50);
		assertThat(result.headHash()).isEqualTo(last().hash());
	}

	@Test
	void aRowEditedInTheDatabaseIsNamed() {
		AuditRecord row = ineligibleRow();
		try {
			this.jdbc.update("UPDATE audit_event SET reason = ? WHERE seq = ?", "材料齐全", row.seq());
			assertBrokenAt(row.seq(), Problem.HASH_MISMATCH);
			this.jdbc.update("UPDATE audit_event SET reason = ?, actor = ? WHERE seq = ?", row.reason(), "someone",
					row.seq());
			assertBrokenAt(row.seq(), Problem.HASH_MISMATCH);
		}
		finally {
			this.jdbc.update("UPDATE audit_event SET reason = ?, actor = ? WHERE seq = ?", row.reason(), row.actor(),
					row.seq());
		}
		assertThat(this.chain.verify().intact()).isTrue();
	}

	@Test
	void aRowRewrittenWithAFreshHashBreaksTheNextRowsLink() {
		AuditRecord row = ineligibleRow();
		AuditRecord forged = new AuditRecord(row.seq(), row.occurredAt(), row.actor(), "application.eligible",
				row.subjectType(), row.subjectId(), row.campaignId(), null, row.details(), row.prevHash(), null);
		try {
			this.jdbc.update("UPDATE audit_event SET action_key = ?, reason = NULL, hash = ? WHERE seq = ?",
					forged.action(), AuditHash.of(forged), row.seq());
			assertBrokenAt(row.seq() + 1, Problem.BROKEN_LINK);
		}
		finally {
			this.jdbc.update("UPDATE audit_event SET action_key = ?, reason = ?, hash = ? WHERE seq = ?", row.action(),
					row.reason(), row.hash(), row.seq());
		}
		assertThat(this.chain.verify().intact()).isTrue();
	}

	@Test
	void aDeletedRowIsNamedAsMissing() {
		AuditRecord row = ineligibleRow();
		try {
			this.jdbc.update("DELETE FROM audit_event WHERE seq = ?", row.seq());
			assertBrokenAt(row.seq(), Problem.MISSING_ROW);
		}
		finally {
			restore(row);
		}
		assertThat(this.chain.verify().intact()).isTrue();
	}

	@Test
	void rowsDeletedFromTheEndAreNoticedThroughTheHead() {
		AuditRecord last = last();
		try {
			this.jdbc.update("DELETE FROM audit_event WHERE seq = ?", last.seq());
			assertBrokenAt(last.seq(), Problem.TRUNCATED);
		}
		finally {
			restore(last);
		}
		assertThat(this.chain.verify().intact()).isTrue();
	}

	@Test
	void concurrentAppendsEachLinkToTheOneBefore() throws Exception {
		long before = head();
		int threads = 6;
		int each = 20;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Void>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				work.add(() -> {
					for (int i = 0; i < each; i++) {
						int n = i;
						this.transactions.executeWithoutResult(status -> this.log.append(
								AuditEntry.of("test.concurrent", "test", (long) n).actor("thread-" + thread).build()));
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(work)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(head()).isEqualTo(before + threads * each);
		ChainVerification result = this.chain.verify();
		assertThat(result.intact()).as(result.line()).isTrue();
	}

	private void assertBrokenAt(long seq, Problem problem) {
		ChainVerification result = this.chain.verify();
		assertThat(result.intact()).as(result.line()).isFalse();
		assertThat(result.brokenSeq()).as(result.line()).isEqualTo(seq);
		assertThat(result.problem()).isEqualTo(problem);
	}

	private AuditRecord ineligibleRow() {
		return this.jdbc
			.query("SELECT " + AuditLog.COLUMNS
					+ " FROM audit_event WHERE campaign_id = ? AND action_key = ? ORDER BY seq", AuditLog.ROW,
					this.published.campaignId(), "application.ineligible")
			.get(0);
	}

	private AuditRecord last() {
		return this.jdbc.queryForObject("SELECT " + AuditLog.COLUMNS + " FROM audit_event WHERE seq = ?", AuditLog.ROW,
				head());
	}

	private void restore(AuditRecord row) {
		this.jdbc.update("INSERT INTO audit_event (" + AuditLog.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				row.seq(), java.time.LocalDateTime.ofInstant(row.occurredAt(), java.time.ZoneOffset.UTC), row.actor(),
				row.action(), row.subjectType(), row.subjectId(), row.campaignId(), row.reason(), row.details(),
				row.prevHash(), row.hash());
	}

	private long head() {
		return this.jdbc.queryForObject("SELECT last_seq FROM audit_head WHERE id = 1", Long.class);
	}

	private List<Map<String, Object>> rows(Long campaignId) {
		return this.jdbc.queryForList(
				"SELECT action_key, actor, reason, subject_type, subject_id FROM audit_event WHERE campaign_id = ? ORDER BY seq",
				campaignId);
	}

}
