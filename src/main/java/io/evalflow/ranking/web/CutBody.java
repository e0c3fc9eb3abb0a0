package io.evalflow.ranking.web;

import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * The organizer's cut: the applications that advance (none given = the proposal) and the
 * reason for any change to the proposal.
 */
record CutBody(
		@Schema(description = "Ids of the applications that advance; omit or null to accept the proposal",
				nullable = true) Set<Long> advancedIds,
		@Size(max = 1000, message = "{ranking.api.reason.size}") String reason) {
}
