package io.evalflow.review.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An extension as the API takes it. Whether the date lies ahead and after the current
 * one, and whether a reason is given, is the service's call (422 with a sentence).
 */
record ExtensionBody(
		@Schema(description = "The expert whose open reviews in the round are extended; absent for the whole round",
				example = "17") Long expertId,
		@Schema(description = "The new due date, later than now and than the current one; kept to the second",
				example = "2012-08-20T16:00:00Z") Instant dueAt,
		@Schema(description = "Why the extension is granted (required, at most 1000 characters)",
				example = "专家出差，申请延期三天") String reason) {
}
