package io.evalflow.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.assignment.AssignmentProblem;
import io.evalflow.submission.Application;

import org.springframework.stereotype.Component;

/**
 * Gathers what the assignment engine needs for a round from the modules that own it:
 * applicant units with their regions and parents, the pool with its caps and declared
 * conflicts, and who reviewed what in the campaign's earlier rounds.
 */
@Component
class AssignmentProblems {

	static final Set<ReviewStatus> GONE = Set.of(ReviewStatus.DECLINED, ReviewStatus.RECUSED, ReviewStatus.REMOVED);

	private final ExpertRepository experts;

	private final ExpertConflictRepository conflicts;

	private final ReviewRepository reviews;

	private final AccountService accounts;

	AssignmentProblems(ExpertRepository experts, ExpertConflictRepository conflicts, ReviewRepository reviews,
			AccountService accounts) {
		this.experts = experts;
		this.conflicts = conflicts;
		this.reviews = reviews;
		this.accounts = accounts;
	}

	AssignmentProblem build(Campaign campaign, ReviewRound round, List<Application> applications, long seed) {
		return new AssignmentProblem(candidates(campaign, round, applications),
				pool(campaign, round, this.experts.findByActiveTrueOrderById()), this.accounts.unitParents(),
				round.getExpertsPerApplication(), campaign.isRegionConflict(), seed);
	}

	List<AssignmentProblem.Application> candidates(Campaign campaign, ReviewRound round,
			List<Application> applications) {
		Set<Long> unitIds = new HashSet<>();
		applications.forEach(a -> unitIds.addAll(a.unitIds()));
		Map<Long, Unit> units = this.accounts.units(unitIds);
		Map<Long, Set<Long>> earlier = round.isExcludeEarlierExperts()
				? expertsPerApplication(earlierRounds(campaign, round)) : Map.of();
		List<AssignmentProblem.Application> candidates = new ArrayList<>(applications.size());
		for (Application application : applications) {
			candidates
				.add(candidate(campaign, application, units, earlier.getOrDefault(application.getId(), Set.of())));
		}
		return candidates;
	}

	/**
	 * One application as the engine sees it, for checking a manual change: the same
	 * rules, with queries for this application only.
	 */
	AssignmentProblem.Application candidate(Campaign campaign, ReviewRound round, Application application) {
		List<Long> earlierRounds = round.isExcludeEarlierExperts() ? earlierRounds(campaign, round) : List.of();
		Set<Long> earlier = earlierRounds.isEmpty() ? Set.of()
				: new HashSet<>(this.reviews.expertsOfApplication(application.getId(), earlierRounds));
		return candidate(campaign, application, this.accounts.units(application.unitIds()), earlier);
	}

	private static AssignmentProblem.Application candidate(Campaign campaign, Application application,
			Map<Long, Unit> units, Set<Long> earlierExperts) {
		Set<String> regions = new HashSet<>();
		for (Long unitId : application.unitIds()) {
			Unit unit = units.get(unitId);
			if (unit != null && unit.getRegion() != null) {
				regions.add(unit.getRegion());
			}
		}
		return new AssignmentProblem.Application(application.getId(),
				campaign.category(application.getCategoryId()).getCode(), new HashSet<>(application.unitIds()), regions,
				earlierExperts);
	}

	/**
	 * One expert as the engine sees them, for checking a manual change: their declared
	 * conflicts and what their campaign cap leaves after the campaign's other rounds.
	 */
	AssignmentProblem.Expert member(Campaign campaign, ReviewRound round, Expert expert) {
		List<Long> otherRounds = otherRounds(campaign, round);
		long heldElsewhere = otherRounds.isEmpty() ? 0 : this.reviews.loadOfExpert(otherRounds, expert.getId(), GONE);
		Set<Long> declaredApplications = new HashSet<>();
		Set<Long> declaredUnits = new HashSet<>();
		for (ExpertConflict conflict : this.conflicts.findByExpertId(expert.getId())) {
			if (conflict.getApplicationId() != null) {
				declaredApplications.add(conflict.getApplicationId());
			}
			if (conflict.getUnitId() != null) {
				declaredUnits.add(conflict.getUnitId());
			}
		}
		return new AssignmentProblem.Expert(expert.getId(), expert.getUnitId(), expert.getRegion(),
				expert.getCategoryCodes(), expert.getLoadCap(), campaignLeft(expert, heldElsewhere),
				declaredApplications, declaredUnits);
	}

	private static int campaignLeft(Expert expert, long heldElsewhere) {
		return (expert.getCampaignLoadCap() == null) ? Integer.MAX_VALUE
				: (int) Math.max(0, expert.getCampaignLoadCap() - heldElsewhere);
	}

	/**
	 * The experts as the engine sees them: the per-round cap, and what the campaign cap
	 * leaves after the places they hold in the campaign's other rounds.
	 */
	List<AssignmentProblem.Expert> pool(Campaign campaign, ReviewRound round, Collection<Expert> pool) {
		Map<Long, Long> heldElsewhere = new HashMap<>();
		List<Long> otherRounds = otherRounds(campaign, round);
		if (!otherRounds.isEmpty()) {
			for (Object[] row : this.reviews.loadPerExpert(otherRounds, GONE)) {
				heldElsewhere.put((Long) row[0], ((Number) row[1]).longValue());
			}
		}
		Map<Long, Set<Long>> declaredApplications = new HashMap<>();
		Map<Long, Set<Long>> declaredUnits = new HashMap<>();
		for (ExpertConflict conflict : this.conflicts.findAll()) {
			if (conflict.getApplicationId() != null) {
				declaredApplications.computeIfAbsent(conflict.getExpertId(), id -> new HashSet<>())
					.add(conflict.getApplicationId());
			}
			if (conflict.getUnitId() != null) {
				declaredUnits.computeIfAbsent(conflict.getExpertId(), id -> new HashSet<>()).add(conflict.getUnitId());
			}
		}
		List<AssignmentProblem.Expert> experts = new ArrayList<>(pool.size());
		for (Expert expert : pool) {
			int campaignLeft = campaignLeft(expert, heldElsewhere.getOrDefault(expert.getId(), 0L));
			experts.add(new AssignmentProblem.Expert(expert.getId(), expert.getUnitId(), expert.getRegion(),
					expert.getCategoryCodes(), expert.getLoadCap(), campaignLeft,
					declaredApplications.getOrDefault(expert.getId(), Set.of()),
					declaredUnits.getOrDefault(expert.getId(), Set.of())));
		}
		return experts;
	}

	private static List<Long> otherRounds(Campaign campaign, ReviewRound round) {
		return campaign.getRounds().stream().map(ReviewRound::getId).filter(id -> !id.equals(round.getId())).toList();
	}

	private static List<Long> earlierRounds(Campaign campaign, ReviewRound round) {
		return campaign.getRounds()
			.stream()
			.filter(r -> r.getRoundNo() < round.getRoundNo())
			.map(ReviewRound::getId)
			.toList();
	}

	private Map<Long, Set<Long>> expertsPerApplication(List<Long> roundIds) {
		Map<Long, Set<Long>> experts = new HashMap<>();
		if (!roundIds.isEmpty()) {
			for (Object[] row : this.reviews.expertsOfRounds(roundIds)) {
				experts.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((Long) row[1]);
			}
		}
		return experts;
	}

}
