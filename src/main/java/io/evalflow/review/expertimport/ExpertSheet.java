package io.evalflow.review.expertimport;

import java.util.List;
import java.util.SortedMap;

/**
 * The first sheet of an uploaded workbook as it was typed: the rows that hold anything,
 * each with its non-empty cells by zero-based column.
 */
record ExpertSheet(List<Row> rows) {

	ExpertSheet {
		rows = List.copyOf(rows);
	}

	/**
	 * @param number the spreadsheet's row number, from 1
	 */
	record Row(int number, SortedMap<Integer, Cell> cells) {

		/** The trimmed text of a cell, or {@code null} if it is empty. */
		String text(int column) {
			Cell cell = this.cells.get(column);
			return (cell != null) ? cell.text() : null;
		}

	}

	/**
	 * A cell's text: what the sheet shows for strings and numbers, the cached result of a
	 * formula.
	 *
	 * @param formula whether the cell holds a formula, which an import refuses
	 * @param error whether the cell holds an error value such as #N/A
	 */
	record Cell(String text, boolean formula, boolean error) {

	}

}
