package io.evalflow.review.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A new draw, with the organizer's seed or none for a random one. */
class RedrawForm {

	@Min(value = 1, message = "{assignment.redraw.seedRange}")
	@Max(value = 999_999_999_999L, message = "{assignment.redraw.seedRange}")
	private Long seed;

	public Long getSeed() {
		return this.seed;
	}

	public void setSeed(Long seed) {
		this.seed = seed;
	}

}
