package io.evalflow.review.expertimport;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One thing wrong with an uploaded spreadsheet, where it is, and what to say about it.
 *
 * @param row the spreadsheet's row number (the header is row 1), or 0 for the whole file
 * @param column the zero-based column, or -1 for the whole row or file
 * @param messageKey the message-bundle key that says what is wrong
 * @param arguments the message's arguments
 */
public record ImportProblem(int row, int column, String messageKey, List<Object> arguments) {

	/** Whole file first, then by row and column. */
	public static final Comparator<ImportProblem> ORDER = Comparator.comparingInt(ImportProblem::row)
		.thenComparingInt(ImportProblem::column);

	public ImportProblem {
		arguments = List.copyOf(arguments);
	}

	static ImportProblem ofFile(String messageKey, Object... arguments) {
		return new ImportProblem(0, -1, messageKey, List.of(arguments));
	}

	static ImportProblem at(int row, int column, String messageKey, Object... arguments) {
		return new ImportProblem(row, column, messageKey, List.of(arguments));
	}

	/** The column's letters (A, B, … AA), or {@code null} for the whole row or file. */
	public String columnLetter() {
		return (this.column >= 0) ? ExpertImportColumn.letter(this.column) : null;
	}

	/** The expert column the problem is in, if it is in one. */
	public Optional<ExpertImportColumn> expertColumn() {
		return ExpertImportColumn.at(this.column);
	}

	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

}
