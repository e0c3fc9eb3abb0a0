package io.evalflow.submission;

import java.util.EnumSet;
import java.util.Set;

/**
 * What removing a file's document properties gave: nothing to remove, a cleaned copy and
 * what was taken out of it, or the reason it could not be done.
 */
record ScrubbedFile(MetadataStatus status, byte[] cleaned, Set<MetadataField> removed, MetadataProblem problem) {

	static ScrubbedFile nothingFound() {
		return new ScrubbedFile(MetadataStatus.NONE, null, Set.of(), null);
	}

	static ScrubbedFile failed(MetadataProblem problem) {
		return new ScrubbedFile(MetadataStatus.FAILED, null, Set.of(), problem);
	}

	/** The cleaned bytes, or nothing found when nothing was removed. */
	static ScrubbedFile of(byte[] cleaned, Set<MetadataField> removed) {
		if (removed.isEmpty()) {
			return nothingFound();
		}
		return new ScrubbedFile(MetadataStatus.CLEANED, cleaned, Set.copyOf(EnumSet.copyOf(removed)), null);
	}

}
