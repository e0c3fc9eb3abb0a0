package io.evalflow.ranking.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A category's final quota lowered to what its finalists can fill, with the reason.
 */
record QuotaBody(@Schema(description = "The category whose quota is lowered") Long categoryId,
		@Schema(description = "The new quota: lower than the current one, at most the category's finalists, "
				+ "at least 1 (0 only for a category without finalists)") Integer quota,
		@Schema(description = "Why the quota is lowered; required and recorded") @Size(max = 1000,
				message = "{ranking.quota.reason.tooLong}") String reason) {
}
