package io.evalflow.review.web;

import jakarta.validation.constraints.NotNull;

/**
 * Whether the expert is in the pool that rounds draw from.
 */
record ExpertActiveBody(@NotNull(message = "{review.api.active.required}") Boolean active) {
}
