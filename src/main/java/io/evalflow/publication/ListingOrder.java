package io.evalflow.publication;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.evalflow.publication.PublishedResults.Row;

/**
 * The order in which a category's applications are listed. Plain Java over plain inputs.
 * <p>
 * An unranked campaign (排名不分先后) must not let the order betray the scores, so it lists by
 * the applicant units as a Chinese reader looks them up (pinyin, through the Chinese
 * collator), then by reference number, which makes the order total. A ranked campaign
 * lists by the final round's rank in the category, equal or missing ranks falling back to
 * the same unranked order.
 */
final class ListingOrder {

	private ListingOrder() {
	}

	/**
	 * The items in listing order, numbered from 1.
	 */
	static List<Row> listing(List<Listed> items, boolean unranked) {
		Comparator<Listed> byUnits = Comparator.comparing(Listed::units, Collator.getInstance(Locale.CHINA))
			.thenComparing(Listed::referenceNo);
		Comparator<Listed> order = unranked ? byUnits
				: Comparator.comparing(Listed::rank, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(byUnits);
		List<Listed> sorted = items.stream().sorted(order).toList();
		List<Row> rows = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			Listed item = sorted.get(i);
			rows.add(new Row(i + 1, item.units(), item.title(), item.referenceNo()));
		}
		return rows;
	}

	/**
	 * An application to list.
	 *
	 * @param units the applicant units as published: lead unit first, co-applicants
	 * after, joined with 、
	 * @param rank the rank in its category in the final round; {@code null} when unknown
	 * or not needed
	 */
	record Listed(String units, String title, String referenceNo, Integer rank) {
	}

}
