package io.evalflow.review.expertimport;

import java.util.List;

/**
 * A spreadsheet that passed every check: the units to create, parents before their
 * children, and the experts.
 */
public record ImportPlan(List<NewUnit> units, List<ImportRow> rows) {

	public ImportPlan {
		units = List.copyOf(units);
		rows = List.copyOf(rows);
	}

	/**
	 * @param parentName the parent's name, an existing unit or one created before, or
	 * {@code null}
	 */
	public record NewUnit(String name, String parentName, String region) {

	}

}
