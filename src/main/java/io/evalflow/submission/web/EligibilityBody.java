package io.evalflow.submission.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The formal check's conclusion on one application; an ineligible one needs a reason.
 */
record EligibilityBody(@NotNull(message = "{submission.api.eligible.required}") Boolean eligible,
		@Size(max = 1000, message = "{submission.api.reason.size}") String reason) {
}
