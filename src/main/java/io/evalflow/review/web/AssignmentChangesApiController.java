package io.evalflow.review.web;

import java.util.List;

import io.evalflow.account.CurrentUser;
import io.evalflow.review.AssignmentChanges;
import io.evalflow.review.AssignmentMatrix;
import io.evalflow.review.AssignmentMatrix.ApplicationRow;
import io.evalflow.review.ReviewStatus;
import io.evalflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The proposed assignment's places for automation, and the organizer's manual changes:
 * add, remove, swap, held to the same rules as the screen.
 */
@RestController
@RequestMapping("/api/v1/rounds/{roundId}/assignment/reviews")
@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
@Tag(name = "Assignment")
class AssignmentChangesApiController {

	static final int PAGE_SIZE = 500;

	private final AssignmentChanges changes;

	private final AssignmentMatrix matrix;

	AssignmentChangesApiController(AssignmentChanges changes, AssignmentMatrix matrix) {
		this.changes = changes;
		this.matrix = matrix;
	}

	@GetMapping
	@Operation(summary = "The round's applications with their experts, 500 per page",
			description = "In application id order; missing counts the places still open.")
	List<ApplicationPlaces> places(@PathVariable Long roundId, @RequestParam(defaultValue = "0") int page) {
		return this.matrix.applications(roundId, Math.max(0, page), PAGE_SIZE)
			.getContent()
			.stream()
			.map(ApplicationPlaces::of)
			.toList();
	}

	@PostMapping
	@Operation(summary = "Add an expert to an application of the proposal",
			description = "Checked like the draw: category, unit conflicts (with parents and children), region where "
					+ "the campaign says so, declared conflicts, earlier rounds where the round says so, the "
					+ "expert's round and campaign caps; never twice on one application nor beyond the round's "
					+ "number of experts. A broken rule is refused with 422 unless a reason is given; the override "
					+ "is recorded. Only while the assignment is PROPOSED.")
	ApplicationPlaces add(@PathVariable Long roundId, @Valid @RequestBody ChangeBody body,
			@AuthenticationPrincipal CurrentUser user) {
		this.changes.add(roundId, body.applicationId(), body.expertId(), body.reason(), user.getUsername());
		return places(roundId, body.applicationId());
	}

	@PostMapping("/remove")
	@Operation(summary = "Take a proposed expert off an application",
			description = "The place opens as a shortfall: the proposal cannot be confirmed until it is filled.")
	ApplicationPlaces remove(@PathVariable Long roundId, @Valid @RequestBody ChangeBody body,
			@AuthenticationPrincipal CurrentUser user) {
		this.changes.remove(roundId, body.applicationId(), body.expertId(), body.reason(), user.getUsername());
		return places(roundId, body.applicationId());
	}

	@PostMapping("/swap")
	@Operation(summary = "Put another expert in a proposed expert's place",
			description = "The incoming expert is checked like an add; a broken rule needs a reason.")
	ApplicationPlaces swap(@PathVariable Long roundId, @Valid @RequestBody SwapBody body,
			@AuthenticationPrincipal CurrentUser user) {
		this.changes.swap(roundId, body.applicationId(), body.expertId(), body.replacementId(), body.reason(),
				user.getUsername());
		return places(roundId, body.applicationId());
	}

	private ApplicationPlaces places(Long roundId, Long applicationId) {
		return ApplicationPlaces.of(this.matrix.application(roundId, applicationId)
			.orElseThrow(() -> new NotFoundException("application", applicationId)));
	}

	/**
	 * @param reason why; required to override a broken rule
	 */
	record ChangeBody(@NotNull Long applicationId, @NotNull Long expertId, @Size(max = 500) String reason) {
	}

	/**
	 * @param expertId the expert who leaves the application
	 * @param replacementId the expert who takes the place
	 */
	record SwapBody(@NotNull Long applicationId, @NotNull Long expertId, @NotNull Long replacementId,
			@Size(max = 500) String reason) {
	}

	record ApplicationPlaces(Long applicationId, String referenceNo, int missing, List<PlaceView> experts) {

		static ApplicationPlaces of(ApplicationRow row) {
			return new ApplicationPlaces(row.application().getId(), row.application().getReferenceNo(), row.missing(),
					row.places()
						.stream()
						.map(p -> new PlaceView(p.review().getId(), p.expert().getId(), p.expert().getName(),
								p.review().getStatus(), p.review().getAssignedBy(), p.review().getOverrideReason()))
						.toList());
		}

	}

	/**
	 * @param assignedBy the organizer who placed the expert by hand, or {@code null} for
	 * the draw
	 */
	record PlaceView(Long reviewId, Long expertId, String name, ReviewStatus status, String assignedBy,
			String overrideReason) {
	}

}
