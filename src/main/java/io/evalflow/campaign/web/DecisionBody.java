package io.evalflow.campaign.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An organizer decision: the pipeline step and, for {@code start-round}, the round.
 */
record DecisionBody(@Schema(allowableValues = {
		"publish-call", "close-submissions", "start-round", "publish-results" }) @NotNull(
				message = "{campaign.api.step.invalid}") @Pattern(
						regexp = "publish-call|close-submissions|start-round|publish-results",
						message = "{campaign.api.step.invalid}") String step,
		@Schema(description = "The round to start (1 = the first); only for start-round") Integer roundNo){
}
