package io.evalflow.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.evalflow.account.Account;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.Role;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.ranking.RankingService;
import io.evalflow.review.AssignmentService;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.review.RoundAssignment;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

/**
 * Replays the 2012 selection: the 40 published winners with their units and titles plus
 * synthetic applications (marked synthetic) and synthetic experts, through the same
 * services and the same BPMN processes as the screens, from submission to publication.
 * <p>
 * Each application has a hidden quality; the experts score it with a small seeded noise.
 * The seed's winners get the highest qualities of their categories (90–99, synthetic
 * cases 30–85) and the noise (σ = 1.5 % of a criterion's maximum) is far too small to
 * bridge that gap, so the published winners are exactly the seed's 40. No transaction
 * spans the replay: every step commits on its own, as it would for people at their
 * screens.
 */
@Service
public class DemoReplay {

	static final int SYNTHETIC_PER_CATEGORY = 68;

	static final int SYNTHETIC_EXPERTS = 30;

	static final int WITHDRAWN = 4;

	static final int INELIGIBLE = 6;

	private static final String ACTOR = DemoAccounts.ORGANIZER;

	private static final String OFFICE = "replay-office";

	private static final byte[] PDF = emptyPdf("evalflow demo replay: synthetic case file");

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final ExpertService experts;

	private final ReviewService reviews;

	private final RankingService ranking;

	private final UserDetailsService users;

	private final Clock clock;

	private final AssignmentService assignments;

	private final EngineJobs jobs;

	DemoReplay(CampaignService campaigns, SubmissionService submissions, AccountService accounts, ExpertService experts,
			ReviewService reviews, RankingService ranking, UserDetailsService users, Clock clock,
			AssignmentService assignments, EngineJobs jobs) {
		this.assignments = assignments;
		this.jobs = jobs;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.experts = experts;
		this.reviews = reviews;
		this.ranking = ranking;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Runs the whole replay. Refused when the 2012 campaign has already left its call (a
	 * replay ran before).
	 */
	public ReplayReport run(Consumer<ReplayReport.Stage> progress) {
		ReplayReport report = new ReplayReport(progress);
		Random random = new Random(2012);
		Campaign campaign = campaign();
		Map<Long, Double> quality = new HashMap<>();

		long start = System.currentTimeMillis();
		int expertCount = createExperts(campaign);
		report.add("experts", expertCount, since(start));

		start = System.currentTimeMillis();
		Long creator = officeAccount();
		List<Application> drafts = new ArrayList<>();
		for (Winner2012 winner : Winner2012.load()) {
			Application draft = seedWinner(campaign, winner, creator);
			quality.put(draft.getId(), 99.0 - winner.seq() * 0.8 + random.nextDouble() * 0.3);
			drafts.add(draft);
		}
		int toWithdraw = WITHDRAWN;
		for (Category category : campaign.getCategories()) {
			for (int i = 1; i <= SYNTHETIC_PER_CATEGORY; i++) {
				Application draft = seedSynthetic(campaign, category, i, creator, toWithdraw-- > 0);
				quality.put(draft.getId(), 30 + random.nextDouble() * 55);
				drafts.add(draft);
			}
		}
		for (Application draft : drafts) {
			this.submissions.submitForUnit(draft.getLeadUnitId(), draft.getId());
		}
		report.add("submitted", drafts.size(), since(start));

		start = System.currentTimeMillis();
		// The first synthetic cases were made by registered applicants (see
		// seedSynthetic): they withdraw.
		List<Application> synthetic = drafts.stream().filter(Application::isSynthetic).toList();
		for (Application application : synthetic.subList(0, WITHDRAWN)) {
			this.submissions.withdraw(applicantOf(application), application.getId());
		}
		this.campaigns.decide(campaign.getId(), PipelineDecision.CLOSE_SUBMISSIONS, null, ACTOR);
		report.add("withdrawn-and-closed", WITHDRAWN, since(start));

		start = System.currentTimeMillis();
		Set<Long> ineligible = new HashSet<>();
		synthetic.subList(WITHDRAWN, WITHDRAWN + INELIGIBLE).forEach(a -> ineligible.add(a.getId()));
		List<Application> toCheck = this.submissions.withStatus(campaign.getId(), ApplicationStatus.SUBMITTED);
		for (Application application : toCheck) {
			boolean eligible = !ineligible.contains(application.getId());
			this.submissions.decideEligibility(application.getId(), eligible, eligible ? null : "申报材料不完整（合成）", ACTOR);
		}
		this.submissions.completeFormalCheck(campaign.getId(), ACTOR);
		report.add("formal-check", toCheck.size(), since(start));

		Map<Long, CurrentUser> experts = new HashMap<>();
		for (ReviewRound round : campaign.getRounds()) {
			start = System.currentTimeMillis();
			this.campaigns.decide(campaign.getId(), PipelineDecision.START_ROUND, round.getRoundNo(), ACTOR);
			Long roundId = round.getId();
			this.jobs.await(() -> this.assignments.assignment(roundId)
				.filter(a -> a.getStatus() == RoundAssignment.Status.PROPOSED)
				.isPresent());
			long admitted = this.submissions.inRound(campaign.getId(), round.getRoundNo()).size();
			report.add("round-" + round.getRoundNo() + "-drawn", admitted, since(start));

			start = System.currentTimeMillis();
			this.assignments.confirm(roundId, ACTOR);
			this.jobs.await(() -> this.assignments.assignment(roundId)
				.filter(a -> a.getStatus() == RoundAssignment.Status.RELEASED)
				.isPresent());
			report.add("round-" + round.getRoundNo() + "-released", this.reviews.reviewsOfRound(roundId).size(),
					since(start));

			start = System.currentTimeMillis();
			int scored = score(this.campaigns.round(round.getId()), quality, experts, random);
			report.add("round-" + round.getRoundNo() + "-reviews", scored, since(start));

			start = System.currentTimeMillis();
			this.ranking.confirmCut(round.getId(), null, null, ACTOR);
			long advanced = this.ranking.results(round.getId())
				.stream()
				.filter(r -> Boolean.TRUE.equals(r.getAdvanced()))
				.count();
			report.add("round-" + round.getRoundNo() + "-advanced", advanced, since(start));
		}

		start = System.currentTimeMillis();
		this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_RESULTS, null, ACTOR);
		report.add("published", this.submissions.withStatus(campaign.getId(), ApplicationStatus.WINNER).size(),
				since(start));
		return report;
	}

	private Campaign campaign() {
		Campaign campaign;
		try {
			campaign = this.campaigns.byCode(Egov2012.CODE);
		}
		catch (DomainException notThere) {
			campaign = this.campaigns.create(Egov2012.definition(this.clock.instant().plus(Duration.ofDays(60))));
			this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_CALL, null, ACTOR);
			campaign = this.campaigns.get(campaign.getId());
		}
		if (campaign.getStatus() != CampaignStatus.CALL_OPEN) {
			throw new DomainException("demo.error.alreadyReplayed", campaign.getName());
		}
		return campaign;
	}

	/**
	 * The account that enters the cases of units without one: the demo's organizer, or,
	 * where the demo accounts were never seeded, an office account of the replay's own.
	 */
	private Long officeAccount() {
		return this.accounts.findAccount(ACTOR)
			.or(() -> this.accounts.findAccount(OFFICE))
			.orElseGet(
					() -> this.accounts.createAccount(OFFICE, UUID.randomUUID().toString(), "评选办公室（重放）", Role.ORGANIZER,
							this.accounts.findOrCreateUnit("国家行政学院电子政务研究中心", UnitType.RESEARCH_INSTITUTE, "北京")
								.getId()))
			.getId();
	}

	private int createExperts(Campaign campaign) {
		List<String> codes = campaign.getCategories().stream().map(Category::getCode).toList();
		int created = 0;
		for (int i = 1; i <= SYNTHETIC_EXPERTS; i++) {
			String username = "r12-expert%02d".formatted(i);
			if (this.accounts.usernameTaken(username)) {
				continue;
			}
			Set<String> covers = new LinkedHashSet<>(
					List.of(codes.get(i % codes.size()), codes.get((i + 1) % codes.size())));
			this.experts.create(new ExpertRequest(username, UUID.randomUUID().toString(), "合成专家%02d".formatted(i),
					"合成专家单位%02d".formatted(i), "北京", "研究员", covers, 100, null, username + "@demo.evalflow.invalid"),
					true);
			created++;
		}
		return created;
	}

	/**
	 * The 2012 cases are entered for their units by the organizer's office: the units
	 * have no sign-in accounts here (and a bcrypt hash per unit would dominate the
	 * replay's time).
	 */
	private Application seedWinner(Campaign campaign, Winner2012 winner, Long creator) {
		List<String> names = winner.unitNames();
		String lead = names.get(0);
		Long unitId = this.accounts
			.findOrCreateUnit(lead, UnitClassifier.type(lead, winner.individual()), UnitClassifier.region(lead))
			.getId();
		Long categoryId = category(campaign, winner.categoryCode()).getId();
		ApplicationContent content = new ApplicationContent(categoryId, winner.title(), names.subList(1, names.size()),
				"2012 年评选的获奖案例：" + winner.title() + "。（演示重放：正文为示意文字。）", "（示意）案例背景。", "（示意）主要做法。", "（示意）创新点。",
				"（示意）实施成效。");
		Application draft = this.submissions.createDraftForUnit(creator, unitId, campaign.getId(), content, false);
		this.submissions.addAttachmentForUnit(unitId, draft.getId(), "申报材料.pdf", PDF);
		return draft;
	}

	/**
	 * A synthetic case. The few that will be withdrawn belong to registered applicant
	 * units, since withdrawing is an applicant's own act; the others are entered by the
	 * organizer's office like the 2012 cases.
	 */
	private Application seedSynthetic(Campaign campaign, Category category, int n, Long creator,
			boolean withApplicant) {
		String unitName = "合成申报单位 %s-%03d".formatted(category.getCode(), n);
		Long unitId;
		Long accountId = creator;
		if (withApplicant) {
			Account account = this.accounts.registerApplicant(
					new RegistrationRequest("r12-syn-%s-%03d".formatted(category.getCode().toLowerCase(), n),
							UUID.randomUUID().toString(), unitName, UnitType.LOCAL_GOVERNMENT, "江苏", null, null, null));
			unitId = account.getUnitId();
			accountId = account.getId();
		}
		else {
			unitId = this.accounts.findOrCreateUnit(unitName, UnitType.LOCAL_GOVERNMENT, "江苏").getId();
		}
		String title = "（合成案例）%s类电子政务实践 %03d".formatted(category.getName(), n);
		ApplicationContent content = new ApplicationContent(category.getId(), title, List.of(), "合成的演示申报。", "（合成）背景。",
				"（合成）做法。", "（合成）创新点。", "（合成）成效。");
		Application draft = this.submissions.createDraftForUnit(accountId, unitId, campaign.getId(), content, true);
		this.submissions.addAttachmentForUnit(unitId, draft.getId(), "申报材料.pdf", PDF);
		return draft;
	}

	/**
	 * Every assigned expert scores: the hidden quality on each criterion's scale, plus
	 * seeded noise.
	 */
	private int score(ReviewRound round, Map<Long, Double> quality, Map<Long, CurrentUser> experts, Random random) {
		int scored = 0;
		for (Review review : this.reviews.reviewsOfRound(round.getId())) {
			if (review.getStatus() != ReviewStatus.ASSIGNED) {
				continue;
			}
			CurrentUser expert = experts.computeIfAbsent(review.getExpertId(), this::expertUser);
			double q = quality.getOrDefault(review.getApplicationId(), 50.0) / 100.0;
			Map<Long, BigDecimal> scores = new HashMap<>();
			for (Criterion criterion : round.getCriteria()) {
				double max = criterion.getMaxScore();
				double value = Math.max(0, Math.min(max, q * max + random.nextGaussian() * 0.015 * max));
				scores.put(criterion.getId(), BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
			}
			this.reviews.submit(expert, review.getId(), scores, "（演示重放）评审意见。");
			scored++;
		}
		return scored;
	}

	private CurrentUser expertUser(Long expertId) {
		Expert expert = this.experts.get(expertId);
		Account account = this.accounts.accountsById(List.of(expert.getAccountId())).get(expert.getAccountId());
		return (CurrentUser) this.users.loadUserByUsername(account.getUsername());
	}

	private CurrentUser applicantOf(Application application) {
		Account account = this.accounts.accountsById(List.of(application.getCreatedBy()))
			.get(application.getCreatedBy());
		return (CurrentUser) this.users.loadUserByUsername(account.getUsername());
	}

	private static Category category(Campaign campaign, String code) {
		return campaign.getCategories()
			.stream()
			.filter(c -> c.getCode().equals(code))
			.findFirst()
			.orElseThrow(() -> new DomainException("category.error.unknown", code));
	}

	private static long since(long start) {
		return System.currentTimeMillis() - start;
	}

	/**
	 * A PDF without pages or document properties, with its cross-reference table, so a
	 * reader opens it (and the upload check finds nothing to remove).
	 */
	static byte[] emptyPdf(String comment) {
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n% " + comment + "\n");
		List<String> objects = List.of("<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Count 0/Kids[]>>");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj").append(objects.get(i)).append("endobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
		pdf.append("trailer<</Size ").append(objects.size() + 1).append("/Root 1 0 R>>\nstartxref\n");
		pdf.append(xref).append("\n%%EOF\n");
		return pdf.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

}
