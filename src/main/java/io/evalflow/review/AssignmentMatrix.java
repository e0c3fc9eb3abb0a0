package io.evalflow.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.shared.NotFoundException;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's assignment as the organizer reads it: page by page per application (its
 * experts) and per expert (their load and applications), and how far the draw or the
 * release has got. Pages, because a national round has 100,000 applications.
 */
@Service
@Transactional(readOnly = true)
public class AssignmentMatrix {

	/**
	 * The round's applications: those with a place in the review table and those the draw
	 * left without any expert (only a shortfall row names them).
	 */
	private static final String APPLICATIONS = "SELECT application_id FROM review WHERE round_id = ? "
			+ "UNION SELECT application_id FROM assignment_shortfall WHERE round_id = ? "
			+ "ORDER BY application_id LIMIT ? OFFSET ?";

	private final RoundAssignmentRepository assignments;

	private final AssignmentShortfallRepository shortfalls;

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final JdbcTemplate jdbc;

	AssignmentMatrix(RoundAssignmentRepository assignments, AssignmentShortfallRepository shortfalls,
			ReviewRepository reviews, ExpertRepository experts, SubmissionService submissions, AccountService accounts,
			JdbcTemplate jdbc) {
		this.assignments = assignments;
		this.shortfalls = shortfalls;
		this.reviews = reviews;
		this.experts = experts;
		this.submissions = submissions;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/**
	 * How far the assignment has got: applications written while the draw is planning,
	 * applications released once confirmed.
	 */
	public Progress progress(Long roundId) {
		RoundAssignment assignment = this.assignments.findById(roundId)
			.orElseThrow(() -> new NotFoundException("assignment", roundId));
		long total = assignment.getApplicationCount();
		long done = switch (assignment.getStatus()) {
			case PLANNING -> Math.min(total, this.reviews.applicationCount(roundId));
			case PROPOSED -> total;
			case RELEASING, RELEASED -> assignment.getReleasedCount();
		};
		return new Progress(assignment, done, total, (total == 0) ? 100 : (int) (done * 100 / total));
	}

	/** The round's applications in id order, each with its experts and open places. */
	public Page<ApplicationRow> applications(Long roundId, int page, int size) {
		long total = this.assignments.findById(roundId).map(RoundAssignment::getApplicationCount).orElse(0);
		List<Long> ids = this.jdbc.queryForList(APPLICATIONS, Long.class, roundId, roundId, size, (long) page * size);
		List<ApplicationRow> rows = rows(roundId, ids);
		return new PageImpl<>(rows, PageRequest.of(page, size), Math.max(total, (long) page * size + rows.size()));
	}

	/**
	 * One application of the round with its experts, or empty if it is not in the round.
	 */
	public Optional<ApplicationRow> application(Long roundId, Long applicationId) {
		boolean inRound = this.reviews.existsByRoundIdAndApplicationId(roundId, applicationId)
				|| this.shortfalls.existsByRoundIdAndApplicationId(roundId, applicationId);
		return inRound ? rows(roundId, List.of(applicationId)).stream().findFirst() : Optional.empty();
	}

	public long shortfallCount(Long roundId) {
		return this.shortfalls.countByRoundId(roundId);
	}

	/** The applications still short of experts, the first {@code limit} of them. */
	public List<ShortRow> shortfalls(Long roundId, int limit) {
		List<AssignmentShortfall> shortfalls = this.shortfalls.findByRoundIdOrderByApplicationId(roundId)
			.stream()
			.limit(limit)
			.toList();
		Map<Long, Application> applications = this.submissions
			.byIds(shortfalls.stream().map(AssignmentShortfall::getApplicationId).toList());
		return shortfalls.stream().map(s -> new ShortRow(s, applications.get(s.getApplicationId()))).toList();
	}

	/** The changes made by hand to the current proposal, newest first, with names. */
	public List<ChangeRow> changes(List<AssignmentChange> changes) {
		Map<Long, Expert> experts = experts(changes.stream()
			.flatMap(c -> java.util.stream.Stream.of(c.getExpertId(), c.getReplacementId()))
			.filter(java.util.Objects::nonNull));
		Map<Long, Application> applications = this.submissions
			.byIds(changes.stream().map(AssignmentChange::getApplicationId).toList());
		return changes.stream()
			.map(c -> new ChangeRow(c, applications.get(c.getApplicationId()), experts.get(c.getExpertId()),
					(c.getReplacementId() != null) ? experts.get(c.getReplacementId()) : null))
			.toList();
	}

	private List<ApplicationRow> rows(Long roundId, List<Long> ids) {
		Map<Long, Application> applications = this.submissions.byIds(ids);
		Map<Long, List<Review>> places = new HashMap<>();
		Map<Long, Integer> missing = new HashMap<>();
		if (!ids.isEmpty()) {
			for (Review review : this.reviews.findByRoundIdAndApplicationIdInOrderById(roundId, ids)) {
				places.computeIfAbsent(review.getApplicationId(), id -> new ArrayList<>()).add(review);
			}
			this.shortfalls.findByRoundIdAndApplicationIdIn(roundId, ids)
				.forEach(s -> missing.put(s.getApplicationId(), s.getMissing()));
		}
		Map<Long, Expert> experts = experts(places.values().stream().flatMap(List::stream).map(Review::getExpertId));
		Set<Long> unitIds = new HashSet<>();
		applications.values().forEach(a -> unitIds.addAll(a.unitIds()));
		experts.values().forEach(e -> unitIds.add(e.getUnitId()));
		Map<Long, Unit> units = this.accounts.units(unitIds);
		List<ApplicationRow> rows = new ArrayList<>();
		for (Long id : ids) {
			Application application = applications.get(id);
			List<Place> held = places.getOrDefault(id, List.of())
				.stream()
				.map(r -> new Place(r, experts.get(r.getExpertId()), unitName(units, experts.get(r.getExpertId()))))
				.toList();
			rows.add(new ApplicationRow(application,
					application.unitIds().stream().map(u -> unitName(units, u)).toList(), held,
					missing.getOrDefault(id, 0)));
		}
		return rows;
	}

	/** The round's experts in id order, each with their load and applications. */
	public Page<ExpertRow> experts(Long roundId, int page, int size) {
		List<Object[]> loads = this.reviews.loadsInRound(roundId, AssignmentProblems.GONE, PageRequest.of(page, size));
		long total = this.reviews.expertCount(roundId, AssignmentProblems.GONE);
		Map<Long, Long> loadOf = new LinkedHashMap<>();
		loads.forEach(row -> loadOf.put((Long) row[0], ((Number) row[1]).longValue()));
		Map<Long, List<Long>> applicationsOf = new HashMap<>();
		if (!loadOf.isEmpty()) {
			for (Review review : this.reviews.findByRoundIdAndExpertIdInOrderByApplicationId(roundId,
					loadOf.keySet())) {
				if (review.getStatus().holdsPlace()) {
					applicationsOf.computeIfAbsent(review.getExpertId(), id -> new ArrayList<>())
						.add(review.getApplicationId());
				}
			}
		}
		Map<Long, Expert> experts = experts(loadOf.keySet().stream());
		Map<Long, Application> applications = this.submissions
			.byIds(applicationsOf.values().stream().flatMap(List::stream).toList());
		Map<Long, Unit> units = this.accounts
			.units(experts.values().stream().map(Expert::getUnitId).collect(Collectors.toSet()));
		List<ExpertRow> rows = new ArrayList<>();
		loadOf.forEach((expertId, load) -> rows
			.add(new ExpertRow(experts.get(expertId), unitName(units, experts.get(expertId)), load,
					applicationsOf.getOrDefault(expertId, List.of()).stream().map(applications::get).toList())));
		return new PageImpl<>(rows, PageRequest.of(page, size), total);
	}

	private Map<Long, Expert> experts(java.util.stream.Stream<Long> ids) {
		return this.experts.findAllById(ids.collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Expert::getId, Function.identity()));
	}

	private static String unitName(Map<Long, Unit> units, Expert expert) {
		return (expert != null) ? unitName(units, expert.getUnitId()) : null;
	}

	private static String unitName(Map<Long, Unit> units, Long unitId) {
		Unit unit = units.get(unitId);
		return (unit != null) ? unit.getName() : null;
	}

	/**
	 * @param done applications written (planning) or released
	 * @param percent whole percent of {@code done}, rounded down
	 */
	public record Progress(RoundAssignment assignment, long done, long total, int percent) {
	}

	/**
	 * @param unitNames the lead unit first, then the co-applicants
	 * @param places the application's reviews in the round
	 * @param missing places still open
	 */
	public record ApplicationRow(Application application, List<String> unitNames, List<Place> places, int missing) {
	}

	/** One expert's place on an application. */
	public record Place(Review review, Expert expert, String unitName) {
	}

	/** An application short of experts. */
	public record ShortRow(AssignmentShortfall shortfall, Application application) {
	}

	/** A manual change with the application and experts it names. */
	public record ChangeRow(AssignmentChange change, Application application, Expert expert, Expert replacement) {
	}

	public record ExpertRow(Expert expert, String unitName, long load, List<Application> applications) {
	}

}
