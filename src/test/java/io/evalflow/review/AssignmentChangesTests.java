package io.evalflow.review;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.evalflow.RoundStarter;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.AssignmentChange.Kind;
import io.evalflow.review.AssignmentFixture.Scenario;
import io.evalflow.review.assignment.Constraint;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The organizer's manual changes to a proposal: every rule of the draw refuses a change
 * without a reason and leaves everything as it was; with a reason the change is applied
 * and the override recorded; caps, duplicates and the round's number per application
 * hold; shortfalls follow the places; nothing changes once the proposal is confirmed.
 */
@SpringBootTest
@AutoConfigureMockMvc // the web tests' context, so the run starts one context fewer
class AssignmentChangesTests {

	private static final String REASON = "该领域仅此一位专家熟悉，经组织方会商同意";

	@Autowired
	ApplicationContext context;

	@Autowired
	AssignmentChanges changes;

	@Autowired
	AssignmentService assignments;

	@Autowired
	ReviewService reviews;

	@Autowired
	ExpertService experts;

	@Autowired
	RoundStarter rounds;

	@Autowired
	MessageSource messages;

	AssignmentFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AssignmentFixture(this.context);
	}

	@Test
	void eachBrokenRuleRefusesTheChangeWithoutAReasonAndChangesNothing() {
		Scenario s = this.fixture.propose(2, true, false, 2, 1);
		Application app = s.application(0);
		Expert drawn = s.drawn().get(0);
		Expert otherCategory = this.fixture.expert("类别", null, "北京", Set.of("OTHER-" + s.categoryCode()), 10, null);
		Expert sameUnit = this.fixture.expert("同单位", s.unitName(), "北京", Set.of(s.categoryCode()), 10, null);
		Expert sameRegion = this.fixture.expert("同地区", null, "江苏", Set.of(s.categoryCode()), 10, null);
		Expert declared = this.fixture.expert("声明", null, "北京", Set.of(s.categoryCode()), 10, null);
		this.fixture.declareConflict(declared, app);

		assertRefused(s, app, drawn, otherCategory, Constraint.CATEGORY);
		assertRefused(s, app, drawn, sameUnit, Constraint.UNIT);
		assertRefused(s, app, drawn, sameRegion, Constraint.REGION);
		assertRefused(s, app, drawn, declared, Constraint.DECLARED);

		assertThat(expertsOf(s.round(), app)).containsExactlyInAnyOrderElementsOf(ids(s.drawn()));
		assertThat(this.changes.changes(s.round().getId())).isEmpty();
	}

	@Test
	void aReasonOverridesTheRuleAndTheOverrideIsRecorded() {
		Scenario s = this.fixture.propose(2, true, false, 2, 1);
		Application app = s.application(0);
		Expert drawn = s.drawn().get(0);
		Expert sameUnit = this.fixture.expert("同单位", s.unitName(), "北京", Set.of(s.categoryCode()), 10, null);

		Review review = this.changes.swap(s.round().getId(), app.getId(), drawn.getId(), sameUnit.getId(),
				"  " + REASON + " ", "organizer-a");

		assertThat(review.getStatus()).isEqualTo(ReviewStatus.PROPOSED);
		assertThat(review.getOverrideReason()).isEqualTo(REASON);
		assertThat(review.getAssignedBy()).isEqualTo("organizer-a");
		assertThat(expertsOf(s.round(), app)).containsExactlyInAnyOrder(s.drawn().get(1).getId(), sameUnit.getId());
		assertThat(this.changes.changes(s.round().getId())).singleElement().satisfies(change -> {
			assertThat(change.getKind()).isEqualTo(Kind.SWAP);
			assertThat(change.getExpertId()).isEqualTo(drawn.getId());
			assertThat(change.getReplacementId()).isEqualTo(sameUnit.getId());
			assertThat(change.getOverridden()).containsExactly(Constraint.UNIT);
			assertThat(change.getReason()).isEqualTo(REASON);
			assertThat(change.getChangedBy()).isEqualTo("organizer-a");
		});
	}

	@Test
	void aChangeThatBreaksNoRuleNeedsNoReasonAndOverridesNothing() {
		Scenario s = this.fixture.propose(2, true, false, 2, 1);
		Application app = s.application(0);
		Expert fresh = this.fixture.expert("新增", null, "北京", Set.of(s.categoryCode()), 10, null);

		Review review = this.changes.swap(s.round().getId(), app.getId(), s.drawn().get(0).getId(), fresh.getId(), null,
				"organizer");

		assertThat(review.getOverrideReason()).isNull();
		assertThat(review.getAssignedBy()).isEqualTo("organizer");
		assertThat(this.changes.changes(s.round().getId())).singleElement()
			.satisfies(change -> assertThat(change.getOverridden()).isEmpty());
	}

	@Test
	void removingOpensAPlaceAsAShortfallAndAddingFillsIt() {
		Scenario s = this.fixture.propose(2, false, false, 2, 1);
		Long roundId = s.round().getId();
		Application app = s.application(0);
		Expert first = s.drawn().get(0);
		Expert second = s.drawn().get(1);
		assertThat(this.assignments.shortfalls(roundId)).isEmpty();

		this.changes.remove(roundId, app.getId(), first.getId(), "专家临时出国", "organizer");
		this.changes.remove(roundId, app.getId(), second.getId(), null, "organizer");

		assertThat(this.assignments.shortfalls(roundId)).singleElement().satisfies(shortfall -> {
			assertThat(shortfall.getMissing()).isEqualTo(2);
			assertThat(shortfall.getBinding()).isNull();
		});
		assertThat(expertsOf(s.round(), app)).isEmpty();
		assertThat(catchThrowableOfType(DomainException.class, () -> this.assignments.confirm(roundId, "organizer"))
			.getMessageKey()).isEqualTo("assignment.error.short");

		this.changes.add(roundId, app.getId(), second.getId(), null, "organizer");
		assertThat(this.assignments.shortfalls(roundId)).singleElement()
			.satisfies(shortfall -> assertThat(shortfall.getMissing()).isEqualTo(1));
		this.changes.add(roundId, app.getId(), first.getId(), null, "organizer");
		assertThat(this.assignments.shortfalls(roundId)).isEmpty();
		assertThat(this.changes.changes(roundId)).extracting(AssignmentChange::getKind)
			.containsExactly(Kind.ADD, Kind.ADD, Kind.REMOVE, Kind.REMOVE);
		assertThat(this.changes.changes(roundId).get(3).getReason()).isEqualTo("专家临时出国");

		this.assignments.confirm(roundId, "organizer");
		this.rounds.runJobs();
		assertThat(this.reviews.reviewsOf(roundId, app.getId())).extracting(Review::getStatus)
			.containsOnly(ReviewStatus.ASSIGNED)
			.hasSize(2);
	}

	@Test
	void aShortfallOfTheDrawIsFilledPlaceByPlaceAndThenConfirmationIsAllowed() {
		Scenario s = this.fixture.propose(3, false, false, 2, 1);
		Long roundId = s.round().getId();
		Application app = s.application(0);
		assertThat(this.assignments.shortfalls(roundId)).singleElement().satisfies(shortfall -> {
			assertThat(shortfall.getMissing()).isEqualTo(1);
			assertThat(shortfall.getBinding()).isEqualTo(Constraint.CATEGORY);
		});

		Expert third = this.fixture.expert("补足", null, "北京", Set.of(s.categoryCode()), 10, null);
		assertThat(this.changes.candidates(roundId, app.getId(), 50)).extracting(c -> c.expert().getId())
			.contains(third.getId())
			.doesNotContainAnyElementsOf(ids(s.drawn()));
		this.changes.add(roundId, app.getId(), third.getId(), null, "organizer");

		assertThat(this.assignments.shortfalls(roundId)).isEmpty();
		this.assignments.confirm(roundId, "organizer");
		assertThat(this.assignments.assignment(roundId)).hasValueSatisfying(
				a -> assertThat(a.getStatus()).isIn(RoundAssignment.Status.RELEASING, RoundAssignment.Status.RELEASED));
	}

	@Test
	void theRoundCapTheNumberPerApplicationAndDuplicatesHold() {
		Scenario s = this.fixture.propose(2, false, false, 2, 2);
		Long roundId = s.round().getId();
		Application a = s.application(0);
		Application b = s.application(1);
		Expert first = s.drawn().get(0);
		Expert capOne = this.fixture.expert("上限一", null, "北京", Set.of(s.categoryCode()), 1, null);

		assertThat(refusal(() -> this.changes.add(roundId, a.getId(), capOne.getId(), REASON, "organizer"))
			.getMessageKey()).isEqualTo("assignment.error.full");
		this.changes.remove(roundId, a.getId(), first.getId(), null, "organizer");
		assertThat(refusal(() -> this.changes.add(roundId, a.getId(), s.drawn().get(1).getId(), REASON, "organizer"))
			.getMessageKey()).isEqualTo("assignment.error.duplicate");
		this.changes.add(roundId, a.getId(), capOne.getId(), null, "organizer");

		this.changes.remove(roundId, b.getId(), first.getId(), null, "organizer");
		DomainException full = refusal(() -> this.changes.add(roundId, b.getId(), capOne.getId(), null, "organizer"));
		assertThat(full.getMessageKey()).isEqualTo("assignment.error.violated");
		assertThat(zh(full)).contains("评审数量上限（本轮最多 1 件，已满）");
		assertThat(expertsOf(s.round(), b)).doesNotContain(capOne.getId());

		this.changes.add(roundId, b.getId(), capOne.getId(), REASON, "organizer");
		assertThat(this.changes.changes(roundId).get(0).getOverridden()).containsExactly(Constraint.LOAD);
		assertThat(this.assignments.shortfalls(roundId)).isEmpty();
	}

	@Test
	void anEarlierRoundsExpertAndTheCampaignCapAreRefusedWithBothRulesNamed() {
		Scenario s = this.fixture.propose(1, false, true, 0, 2);
		// Round 1 was drawn from no expert: both applications are short; one expert takes
		// both by hand, with a campaign cap that leaves them one more review.
		Expert earlier = this.fixture.expert("前轮", null, "北京", Set.of(s.categoryCode()), 2, 3);
		for (Application application : s.applications()) {
			this.changes.add(s.round().getId(), application.getId(), earlier.getId(), null, "organizer");
		}
		Expert fresh = this.fixture.expert("新", null, "北京", Set.of(s.categoryCode()), 10, null);
		ReviewRound second = this.fixture.proposeSecondRound(s, List.of(earlier, fresh));
		Long roundId = second.getId();
		assertThat(expertsOf(second, s.application(0))).containsExactly(fresh.getId());

		DomainException refused = refusal(() -> this.changes.swap(roundId, s.application(0).getId(), fresh.getId(),
				earlier.getId(), null, "organizer"));
		assertThat(zh(refused)).contains("前一轮已评");
		this.changes.swap(roundId, s.application(0).getId(), fresh.getId(), earlier.getId(), REASON, "organizer");

		DomainException both = refusal(() -> this.changes.swap(roundId, s.application(1).getId(), fresh.getId(),
				earlier.getId(), null, "organizer"));
		assertThat(zh(both)).contains("违反“前一轮已评”和“评审数量上限（整个评选最多 3 件，已满）”");
		this.changes.swap(roundId, s.application(1).getId(), fresh.getId(), earlier.getId(), REASON, "organizer");
		assertThat(this.changes.changes(roundId).get(0).getOverridden()).containsExactly(Constraint.EARLIER_ROUND,
				Constraint.LOAD);
	}

	@Test
	void deactivatedExpertsAndApplicationsOutsideTheRoundAreRefused() {
		Scenario s = this.fixture.propose(2, false, false, 2, 1);
		Scenario other = this.fixture.propose(2, false, false, 2, 1);
		Long roundId = s.round().getId();
		Expert paused = this.fixture.expert("停用", null, "北京", Set.of(s.categoryCode()), 10, null);
		this.experts.setActive(paused.getId(), false);

		assertThat(refusal(() -> this.changes.swap(roundId, s.application(0).getId(), s.drawn().get(0).getId(),
				paused.getId(), REASON, "organizer"))
			.getMessageKey()).isEqualTo("assignment.error.inactive");
		assertThat(refusal(() -> this.changes.remove(roundId, other.application(0).getId(),
				other.drawn().get(0).getId(), null, "organizer"))
			.getMessageKey()).isEqualTo("assignment.error.notInRound");
		assertThat(
				refusal(() -> this.changes.remove(roundId, s.application(0).getId(), paused.getId(), null, "organizer"))
					.getMessageKey())
			.isEqualTo("assignment.error.notOnApplication");
		assertThat(refusal(() -> this.changes.remove(roundId, s.application(0).getId(), s.drawn().get(0).getId(),
				"理".repeat(501), "organizer"))
			.getMessageKey()).isEqualTo("assignment.error.reasonTooLong");
		assertThat(expertsOf(s.round(), s.application(0))).containsExactlyInAnyOrderElementsOf(ids(s.drawn()));
	}

	@Test
	void nothingChangesOnceTheProposalIsConfirmed() {
		Scenario s = this.fixture.propose(2, false, false, 2, 1);
		Long roundId = s.round().getId();
		this.assignments.confirm(roundId, "organizer");

		DomainException refused = refusal(() -> this.changes.remove(roundId, s.application(0).getId(),
				s.drawn().get(0).getId(), REASON, "organizer"));
		assertThat(refused.getMessageKey()).isEqualTo("assignment.error.changeClosed");
		assertThat(zh(refused)).contains("正在下发");
		this.rounds.runJobs();
		assertThat(refusal(() -> this.changes.remove(roundId, s.application(0).getId(), s.drawn().get(0).getId(),
				REASON, "organizer"))
			.getMessageKey()).isEqualTo("assignment.error.changeClosed");
		assertThat(this.reviews.reviewsOf(roundId, s.application(0).getId())).hasSize(2);
	}

	private void assertRefused(Scenario s, Application app, Expert out, Expert in, Constraint rule) {
		DomainException refused = refusal(
				() -> this.changes.swap(s.round().getId(), app.getId(), out.getId(), in.getId(), " ", "organizer"));
		assertThat(refused.getMessageKey()).as(rule.name()).isEqualTo("assignment.error.violated");
		String label = this.messages.getMessage("assignment.constraint." + rule.name(), null,
				Locale.SIMPLIFIED_CHINESE);
		assertThat(zh(refused)).as(rule.name())
			.contains("违反“" + label + "”", in.getName(), app.getReferenceNo(), "请填写理由");
		assertThat(en(refused)).as(rule.name())
			.contains(this.messages.getMessage("assignment.constraint." + rule.name(), null, Locale.ENGLISH));
	}

	private List<Long> expertsOf(ReviewRound round, Application application) {
		return this.reviews.reviewsOf(round.getId(), application.getId()).stream().map(Review::getExpertId).toList();
	}

	private static List<Long> ids(List<Expert> experts) {
		return experts.stream().map(Expert::getId).toList();
	}

	private static DomainException refusal(Runnable change) {
		DomainException refused = catchThrowableOfType(DomainException.class, change::run);
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}

	private String zh(DomainException refusal) {
		return this.messages.getMessage(refusal.getMessageKey(), refusal.getArguments(), Locale.SIMPLIFIED_CHINESE);
	}

	private String en(DomainException refusal) {
		return this.messages.getMessage(refusal.getMessageKey(), refusal.getArguments(), Locale.ENGLISH);
	}

}
