package io.evalflow.review.expertimport;

import java.util.List;

import io.evalflow.shared.DomainException;

/**
 * An expert-pool spreadsheet refused as a whole, with every problem found in it; nothing
 * of it was imported.
 */
public class ExpertImportRefused extends DomainException {

	private final List<ImportProblem> problems;

	public ExpertImportRefused(List<ImportProblem> problems) {
		super("expertimport.error.refused", problems.size());
		this.problems = problems.stream().sorted(ImportProblem.ORDER).toList();
	}

	static ExpertImportRefused because(String messageKey, Object... arguments) {
		return new ExpertImportRefused(List.of(ImportProblem.ofFile(messageKey, arguments)));
	}

	public List<ImportProblem> getProblems() {
		return this.problems;
	}

}
