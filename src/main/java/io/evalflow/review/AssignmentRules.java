package io.evalflow.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.account.AccountService;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.assignment.AssignmentProblem;
import io.evalflow.review.assignment.Conflicts;
import io.evalflow.review.assignment.Constraint;
import io.evalflow.submission.Application;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The draw's rules applied to one expert and one application, for the organizer's manual
 * changes: the same {@link Conflicts} the engine asks, and the expert's round and
 * campaign caps.
 */
@Component
class AssignmentRules {

	private final AssignmentProblems problems;

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final AccountService accounts;

	AssignmentRules(AssignmentProblems problems, ReviewRepository reviews, ExpertRepository experts,
			AccountService accounts) {
		this.problems = problems;
		this.reviews = reviews;
		this.experts = experts;
		this.accounts = accounts;
	}

	/**
	 * The rules the expert would break on the application, in {@link Constraint} order.
	 */
	Violations check(Campaign campaign, ReviewRound round, Application application, Expert expert) {
		AssignmentProblem.Expert member = this.problems.member(campaign, round, expert);
		AssignmentProblem.Application candidate = this.problems.candidate(campaign, round, application);
		List<Constraint> broken = new ArrayList<>();
		List<MessageSourceResolvable> labels = new ArrayList<>();
		new Conflicts(this.accounts.unitParents(), campaign.isRegionConflict()).violated(member, candidate)
			.ifPresent(constraint -> {
				broken.add(constraint);
				labels.add(label("assignment.constraint." + constraint.name()));
			});
		long load = this.reviews.loadOfExpert(List.of(round.getId()), expert.getId(), AssignmentProblems.GONE);
		if (load >= member.capacity()) {
			broken.add(Constraint.LOAD);
			labels.add((load >= member.roundCap()) ? label("assignment.violation.roundCap", member.roundCap())
					: label("assignment.violation.campaignCap", expert.getCampaignLoadCap()));
		}
		return new Violations(broken, labels);
	}

	/**
	 * Active experts who could take a place on the application without breaking a rule,
	 * least loaded in the round first.
	 */
	List<AssignmentChanges.Candidate> candidates(Campaign campaign, ReviewRound round, Application application,
			Set<Long> holding, int limit) {
		List<Expert> pool = this.experts.findByActiveTrueOrderById();
		List<AssignmentProblem.Expert> members = this.problems.pool(campaign, round, pool);
		AssignmentProblem.Application candidate = this.problems.candidate(campaign, round, application);
		Map<Long, Long> loads = new HashMap<>();
		for (Object[] row : this.reviews.loadPerExpert(List.of(round.getId()), AssignmentProblems.GONE)) {
			loads.put((Long) row[0], ((Number) row[1]).longValue());
		}
		Conflicts conflicts = new Conflicts(this.accounts.unitParents(), campaign.isRegionConflict());
		List<AssignmentChanges.Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < pool.size(); i++) {
			AssignmentProblem.Expert member = members.get(i);
			long load = loads.getOrDefault(member.id(), 0L);
			if (!holding.contains(member.id()) && load < member.capacity()
					&& conflicts.violated(member, candidate).isEmpty()) {
				candidates.add(new AssignmentChanges.Candidate(pool.get(i), load, member.capacity()));
			}
		}
		return candidates.stream()
			.sorted(Comparator.comparingLong(AssignmentChanges.Candidate::load).thenComparing(c -> c.expert().getId()))
			.limit(limit)
			.toList();
	}

	private static MessageSourceResolvable label(String code, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
	}

	/**
	 * @param broken the rules broken, in {@link Constraint} order
	 * @param labels each rule's name for the organizer, the caps with their numbers
	 */
	record Violations(List<Constraint> broken, List<MessageSourceResolvable> labels) {

		boolean any() {
			return !this.broken.isEmpty();
		}

		/** The rules as one phrase of the refusal. */
		MessageSourceResolvable phrase() {
			return (this.labels.size() == 1) ? this.labels.get(0)
					: label("assignment.violation.both", this.labels.get(0), this.labels.get(1));
		}

	}

}
