package io.evalflow.ranking;

import java.util.List;

/**
 * A confirmed round recomputed from its stored reviews, against its snapshot: whether the
 * reviews are those ranked, whether the figures' hash matches, and the applications whose
 * figures or decision differ.
 */
public record SnapshotCheck(boolean inputsMatch, boolean figuresMatch, List<Long> differing) {

	public boolean matches() {
		return this.inputsMatch && this.figuresMatch && this.differing.isEmpty();
	}

}
