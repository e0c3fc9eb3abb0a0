package io.evalflow.review.web;

import java.io.Serializable;
import java.util.List;

import io.evalflow.review.expertimport.ImportProblem;
import io.evalflow.shared.UserMessages;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Problems of an uploaded spreadsheet as sentences in the user's language, with where
 * they are: the row, and the column by its letter and header.
 */
@Component
class ImportProblemLines {

	private final UserMessages messages;

	ImportProblemLines(UserMessages messages) {
		this.messages = messages;
	}

	List<Line> of(List<ImportProblem> problems) {
		return problems.stream().map(this::line).toList();
	}

	private Line line(ImportProblem problem) {
		String row = (problem.row() > 0) ? String.valueOf(problem.row())
				: this.messages.get("expertimport.result.wholeFile");
		String column = problem.expertColumn()
			.map(c -> this.messages.get("expertimport.result.columnNamed", c.letter(),
					c.header(LocaleContextHolder.getLocale())))
			.orElse(problem.columnLetter());
		return new Line(problem.row(), row, problem.columnLetter(), column, problem.messageKey(),
				this.messages.get(problem.messageKey(), problem.argumentArray()));
	}

	/**
	 * @param rowNumber the row number, 0 for the whole file
	 * @param row the row as shown
	 * @param letter the column's letters, or {@code null}
	 * @param column the column as shown (letters and header), or {@code null}
	 * @param code the message key
	 */
	record Line(int rowNumber, String row, String letter, String column, String code,
			String message) implements Serializable {
	}

}
