package io.evalflow.review.web;

import java.util.Set;

import io.evalflow.review.ExpertRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new expert of the pool, with the account they sign in with.
 */
record ExpertBody(
		@NotBlank(message = "{review.api.username.required}") @Pattern(regexp = "[A-Za-z0-9._@-]{3,60}",
				message = "{review.api.username.pattern}") String username,
		@NotBlank(message = "{review.api.password.required}") @Size(min = 8, max = 100,
				message = "{review.api.password.size}") String password,
		@Schema(example = "王研究员") @NotBlank(message = "{review.api.name.required}") @Size(max = 60,
				message = "{review.api.name.size}") String name,
		@Schema(example = "国家行政学院") @NotBlank(message = "{review.api.unitName.required}") @Size(max = 200,
				message = "{review.api.unitName.size}") String unitName,
		@Size(max = 60, message = "{review.api.region.size}") String region,
		@Schema(example = "研究员") @Size(max = 100, message = "{review.api.title.size}") String title,
		@Schema(description = "Category codes the expert covers; none = every category") Set<@NotBlank(
				message = "{review.api.categoryCode.size}") @Size(max = 30,
						message = "{review.api.categoryCode.size}") String> categoryCodes,
		@Schema(description = "Most reviews per round", example = "30") @NotNull(
				message = "{review.api.loadCap.range}") @Min(value = 1, message = "{review.api.loadCap.range}") @Max(
						value = 100_000, message = "{review.api.loadCap.range}") Integer loadCap) {

	ExpertRequest toRequest() {
		return new ExpertRequest(this.username, this.password, this.name, this.unitName, this.region, this.title,
				(this.categoryCodes != null) ? this.categoryCodes : Set.of(), this.loadCap);
	}

}
