package io.evalflow.ranking.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.ranking.RoundResult;
import io.evalflow.submission.Application;

/**
 * A ranked round as the organizer reads it: one table in overall order when the rule
 * looks across categories, one table per category when the rule cuts inside each; with
 * the selection the cut form holds.
 *
 * @param groups the tables shown
 * @param hiddenSelected selected applications a category filter hides; the form still
 * sends them
 * @param anyTied whether someone is tied at the line
 */
record RankingPage(List<Group> groups, List<Long> hiddenSelected, boolean anyTied, long admitted, long proposed,
		long selected, List<Shift> shifts, List<Row> nearLine, long disputed, boolean anyTieOpen) {

	static RankingPage of(Campaign campaign, ReviewRound round, List<RoundResult> results,
			Map<Long, Application> applications, Set<Long> selection, Long categoryFilter, Aggregation applied) {
		boolean perCategory = round.getRuleType() != AdvancementRule.TOP_N_OVERALL
				&& round.getRuleType() != AdvancementRule.SCORE_THRESHOLD;
		Map<Long, List<Row>> byGroup = new LinkedHashMap<>();
		if (perCategory) {
			campaign.getCategories().forEach(c -> byGroup.put(c.getId(), new ArrayList<>()));
		}
		List<Long> hidden = new ArrayList<>();
		for (RoundResult result : results) {
			boolean selected = selection.contains(result.getApplicationId());
			if (categoryFilter != null && !categoryFilter.equals(result.getCategoryId())) {
				if (selected) {
					hidden.add(result.getApplicationId());
				}
				continue;
			}
			Long key = perCategory ? result.getCategoryId() : null;
			byGroup.computeIfAbsent(key, k -> new ArrayList<>())
				.add(new Row(result, applications.get(result.getApplicationId()),
						campaign.category(result.getCategoryId()), selected));
		}
		List<Group> groups = new ArrayList<>();
		byGroup.forEach((categoryId, rows) -> {
			if (categoryFilter == null || categoryFilter.equals(categoryId) || !perCategory) {
				groups.add(Group.of((categoryId != null) ? campaign.category(categoryId) : null, rows));
			}
		});
		List<Shift> shifts = new ArrayList<>();
		for (Aggregation method : Aggregation.values()) {
			if (method == applied) {
				continue;
			}
			List<Row> entering = new ArrayList<>();
			List<Row> leaving = new ArrayList<>();
			for (RoundResult r : results) {
				if (r.isProposedUnder(method) != r.isProposed()) {
					Row row = new Row(r, applications.get(r.getApplicationId()), campaign.category(r.getCategoryId()),
							selection.contains(r.getApplicationId()));
					(r.isProposed() ? leaving : entering).add(row);
				}
			}
			shifts.add(new Shift(method, entering, leaving));
		}
		List<Row> near = results.stream()
			.filter(RoundResult::isNearLine)
			.map(r -> new Row(r, applications.get(r.getApplicationId()), campaign.category(r.getCategoryId()),
					selection.contains(r.getApplicationId())))
			.toList();
		return new RankingPage(groups, hidden, results.stream().anyMatch(RoundResult::isTiedAtCut), results.size(),
				results.stream().filter(RoundResult::isProposed).count(),
				results.stream().filter(r -> selection.contains(r.getApplicationId())).count(), shifts, near,
				results.stream().filter(RoundResult::isDisputed).count(),
				results.stream().anyMatch(RoundResult::isTieOpen));
	}

	/**
	 * Under another aggregation {@code method}, all else equal: the applications that
	 * would cross the line into the proposal, and those that would drop out of it.
	 */
	record Shift(Aggregation method, List<Row> entering, List<Row> leaving) {

		public boolean none() {
			return this.entering.isEmpty() && this.leaving.isEmpty();
		}

	}

	/** A table: a category's applications, or all of them ({@code category} null). */
	record Group(Category category, List<Row> rows, long proposed, long selected) {

		static Group of(Category category, List<Row> rows) {
			List<Row> marked = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				Row row = rows.get(i);
				boolean line = row.result().isProposed() && i + 1 < rows.size()
						&& !rows.get(i + 1).result().isProposed();
				marked.add(line ? row.aboveLine() : row);
			}
			return new Group(category, marked, rows.stream().filter(r -> r.result().isProposed()).count(),
					rows.stream().filter(Row::selected).count());
		}

		/** How many the final round must pick here: the category's quota. */
		public long quotaHere() {
			return (this.category != null) ? this.category.getQuota() : 0;
		}

		/**
		 * Whether the category has fewer finalists than its quota: the cut is refused
		 * until the quota is lowered.
		 */
		public boolean shortfall() {
			return this.category != null && this.rows.size() < this.category.getQuota();
		}

	}

	/**
	 * @param lastAboveLine the last proposed row before the first one not proposed: the
	 * cut line is drawn under it
	 */
	record Row(RoundResult result, Application application, Category category, boolean selected,
			boolean lastAboveLine) {

		Row(RoundResult result, Application application, Category category, boolean selected) {
			this(result, application, category, selected, false);
		}

		/** {@code proposed} marks the proposal, {@code tied} a tie at the line. */
		public String cssClass() {
			String css = (this.result.isProposed() ? "proposed " : "") + (this.result.isTiedAtCut() ? "tied " : "")
					+ (this.result.isDisputed() ? "disputed" : "");
			return css.trim();
		}

		Row aboveLine() {
			return new Row(this.result, this.application, this.category, this.selected, true);
		}

	}

}
