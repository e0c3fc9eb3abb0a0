package io.evalflow.review.web;

import java.math.BigDecimal;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An expert's scores, keyed by criterion id, and comment. Whether the scores fit the
 * rubric is the review's own check (422).
 */
record ScoresBody(
		@Schema(description = "Score per criterion id, from 0 to the criterion's maximum, at most two decimals",
				example = "{\"101\": 8.5, \"102\": 7}") @NotNull(
						message = "{review.api.scores.required}") Map<Long, BigDecimal> scores,
		@Size(max = 5_000, message = "{review.api.comment.size}") String comment) {
}
