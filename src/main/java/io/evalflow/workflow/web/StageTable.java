package io.evalflow.workflow.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService.StageCount;

/**
 * The dashboard's counts: one row per category, one column per stage an application can
 * be at, with a column "in review" for each round, and totals both ways.
 */
record StageTable(List<Column> columns, List<Row> rows, List<Long> columnTotals, long total) {

	static StageTable of(Campaign campaign, List<StageCount> counts) {
		List<Column> columns = columns(campaign);
		Map<String, Long> cells = new HashMap<>();
		for (StageCount count : counts) {
			cells.merge(cell(count.categoryId(), count.status(), count.roundNo()), count.count(), Long::sum);
		}
		List<Row> rows = new ArrayList<>();
		long[] columnTotals = new long[columns.size()];
		long total = 0;
		for (Category category : campaign.getCategories()) {
			List<Long> row = new ArrayList<>();
			long rowTotal = 0;
			for (int i = 0; i < columns.size(); i++) {
				Column column = columns.get(i);
				long n = cells.getOrDefault(cell(category.getId(), column.status(), column.roundNo()), 0L);
				row.add(n);
				rowTotal += n;
				columnTotals[i] += n;
			}
			rows.add(new Row(category, row, rowTotal));
			total += rowTotal;
		}
		return new StageTable(columns, rows, Arrays.stream(columnTotals).boxed().toList(), total);
	}

	/** How many applications of the campaign are at this stage, across categories. */
	long count(ApplicationStatus status) {
		long n = 0;
		for (int i = 0; i < this.columns.size(); i++) {
			if (this.columns.get(i).status() == status) {
				n += this.columnTotals.get(i);
			}
		}
		return n;
	}

	private static List<Column> columns(Campaign campaign) {
		List<Column> columns = new ArrayList<>();
		for (ApplicationStatus status : List.of(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED,
				ApplicationStatus.WITHDRAWN, ApplicationStatus.INELIGIBLE)) {
			columns.add(new Column(status, null));
		}
		for (ReviewRound round : campaign.getRounds()) {
			columns.add(new Column(ApplicationStatus.IN_REVIEW, round));
		}
		for (ApplicationStatus status : List.of(ApplicationStatus.NOT_ADVANCED, ApplicationStatus.FINALIST,
				ApplicationStatus.WINNER)) {
			columns.add(new Column(status, null));
		}
		return columns;
	}

	// An application's round number only tells its stage while it is in review; for the
	// other statuses it is history.
	private static String cell(Long categoryId, ApplicationStatus status, int roundNo) {
		return categoryId + "/" + status + "/" + ((status == ApplicationStatus.IN_REVIEW) ? roundNo : 0);
	}

	/** A stage; {@code round} is set for the "in review" columns only. */
	record Column(ApplicationStatus status, ReviewRound round) {

		int roundNo() {
			return (this.round != null) ? this.round.getRoundNo() : 0;
		}

	}

	record Row(Category category, List<Long> counts, long total) {
	}

}
