package io.evalflow.review.expertimport;

import java.util.Map;
import java.util.Set;

/**
 * What the system already holds that an import is checked against, for the names the
 * spreadsheet mentions.
 *
 * @param units existing units by {@link ExpertImportCheck#key key} of their name
 * @param takenUsernames user names already in use, by key
 * @param categoryCodes the category codes of every campaign
 * @param experts experts already in the pool, by name and unit
 */
public record KnownFacts(Map<String, KnownUnit> units, Set<String> takenUsernames, Set<String> categoryCodes,
		Set<ExpertAt> experts) {

	/**
	 * @param parentName the name of its parent unit, or {@code null}
	 */
	public record KnownUnit(Long id, String name, String parentName) {

	}

	public record ExpertAt(String name, Long unitId) {

	}

}
