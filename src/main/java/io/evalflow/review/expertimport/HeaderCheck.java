package io.evalflow.review.expertimport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header row: every expert column, each once, in its place, and nothing else. Each
 * header cell that is wrong and each column that is missing is one problem.
 */
final class HeaderCheck {

	private HeaderCheck() {
	}

	static List<ImportProblem> problems(ExpertSheet.Row header) {
		List<ImportProblem> problems = new ArrayList<>();
		Map<ExpertImportColumn, Integer> seen = new EnumMap<>(ExpertImportColumn.class);
		header.cells().forEach((column, cell) -> {
			if (cell.formula()) {
				problems.add(ImportProblem.at(1, column, "expertimport.cell.formula"));
				return;
			}
			Optional<ExpertImportColumn> named = ExpertImportColumn.byHeader(cell.text());
			if (named.isEmpty()) {
				problems.add(ImportProblem.at(1, column, "expertimport.header.unknown",
						ExpertImportCheck.shown(cell.text())));
			}
			else if (seen.containsKey(named.get())) {
				problems.add(ImportProblem.at(1, column, "expertimport.header.duplicate", headers(named.get())));
			}
			else {
				seen.put(named.get(), column);
				if (named.get().index() != column) {
					problems.add(ImportProblem.at(1, column, "expertimport.header.misplaced",
							headers(named.get(), named.get().letter())));
				}
			}
		});
		for (ExpertImportColumn column : ExpertImportColumn.values()) {
			if (!seen.containsKey(column)) {
				problems.add(ImportProblem.at(1, column.index(), "expertimport.header.missing", headers(column)));
			}
		}
		return problems;
	}

	/** A column's header in both languages, for messages that name it. */
	private static Object[] headers(ExpertImportColumn column, Object... more) {
		List<Object> arguments = new ArrayList<>(List.of(column.header(Locale.CHINESE), column.header(Locale.ENGLISH)));
		arguments.addAll(List.of(more));
		return arguments.toArray();
	}

}
