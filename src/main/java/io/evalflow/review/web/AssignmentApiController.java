package io.evalflow.review.web;

import java.time.Instant;
import java.util.List;

import io.evalflow.account.CurrentUser;
import io.evalflow.review.AssignmentService;
import io.evalflow.review.AssignmentShortfall;
import io.evalflow.review.RoundAssignment;
import io.evalflow.review.assignment.Constraint;
import io.evalflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's assignment for automation: the proposal with its seed and shortfalls, its
 * confirmation or a redraw, and the release's progress.
 */
@RestController
@RequestMapping("/api/v1/rounds/{roundId}/assignment")
@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
@Tag(name = "Assignment", description = "The seeded draw of experts, its preview, confirmation and release")
class AssignmentApiController {

	private final AssignmentService assignments;

	AssignmentApiController(AssignmentService assignments) {
		this.assignments = assignments;
	}

	@GetMapping
	@Operation(summary = "Where the round's assignment stands",
			description = "PLANNING while the engine draws, PROPOSED when the organizer may inspect and confirm, "
					+ "RELEASING while the reviews go out chunk by chunk, RELEASED when every expert has their tasks. "
					+ "The seed replays the draw.")
	AssignmentView assignment(@PathVariable Long roundId) {
		RoundAssignment assignment = this.assignments.assignment(roundId)
			.orElseThrow(() -> new NotFoundException("assignment", roundId));
		return AssignmentView.of(assignment, this.assignments.shortfalls(roundId));
	}

	@PostMapping("/confirm")
	@Operation(summary = "Confirm the proposed assignment; its release starts",
			description = "Refused with 422 while an application is short of experts.")
	AssignmentView confirm(@PathVariable Long roundId, @AuthenticationPrincipal CurrentUser user) {
		this.assignments.confirm(roundId, user.getUsername());
		return assignment(roundId);
	}

	@PostMapping("/redraw")
	@Operation(summary = "Draw again, with the given seed or a fresh one",
			description = "Only before confirmation. The new draw is proposed like the first.")
	AssignmentView redraw(@PathVariable Long roundId, @RequestBody(required = false) RedrawBody body,
			@AuthenticationPrincipal CurrentUser user) {
		this.assignments.redraw(roundId, (body != null) ? body.seed() : null, user.getUsername());
		return assignment(roundId);
	}

	record RedrawBody(Long seed) {
	}

	record AssignmentView(Long roundId, long seed, RoundAssignment.Status status, int applications, int released,
			int chunkSize, Instant plannedAt, Instant confirmedAt, String confirmedBy, Instant releasedAt,
			List<ShortfallView> shortfalls) {

		static AssignmentView of(RoundAssignment a, List<AssignmentShortfall> shortfalls) {
			return new AssignmentView(a.getRoundId(), a.getSeed(), a.getStatus(), a.getApplicationCount(),
					a.getReleasedCount(), a.getChunkSize(), a.getPlannedAt(), a.getConfirmedAt(), a.getConfirmedBy(),
					a.getReleasedAt(),
					shortfalls.stream()
						.map(s -> new ShortfallView(s.getApplicationId(), s.getMissing(), s.getBinding()))
						.toList());
		}

	}

	record ShortfallView(Long applicationId, int missing, Constraint binding) {
	}

}
