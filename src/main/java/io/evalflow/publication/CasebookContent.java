package io.evalflow.publication;

import java.util.List;

/**
 * What goes into a casebook (案例集), already in the order it is printed: the campaign, the
 * labels in the reader's language, and per category its finalists (入围案例) with their
 * application texts. Plain data, so the layout is built and measured without a database.
 */
record CasebookContent(String campaignName, String organizer, String date, Labels labels,
		List<CategoryCases> categories) {

	int caseCount() {
		return this.categories.stream().mapToInt(c -> c.cases().size()).sum();
	}

	/** A category heading and its cases. */
	record CategoryCases(String name, List<Case> cases) {
	}

	/**
	 * One finalist's application.
	 *
	 * @param units lead unit first, then the co-applicants
	 * @param sections the application's texts under their headings (摘要, 背景, 做法…), empty
	 * ones left out
	 */
	record Case(String title, List<String> units, String category, String referenceNo, boolean winner,
			List<Section> sections) {
	}

	record Section(String heading, String text) {
	}

	/**
	 * The fixed texts of the document, from the message bundles.
	 *
	 * @param title the document title (案例集)
	 * @param subtitle the line under the title on the cover, naming the count of cases
	 * @param contents the heading of the table of contents
	 * @param units the label before the applicant units
	 * @param category the label before the category
	 * @param referenceNo the label before the reference number
	 * @param winner the mark of a winning case
	 * @param pageNumber the footer, {@code %d} replaced by the page number
	 */
	record Labels(String title, String subtitle, String contents, String units, String category, String referenceNo,
			String winner, String pageNumber) {
	}

}
