package io.evalflow.publication;

import java.util.List;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.Category;

/**
 * A campaign's results as published: per category, in the campaign's order, the winners
 * and the finalists (入围, winners included: the casebook's list), each already in listing
 * order. Before publication only organizers get one, as a preview.
 */
public record PublishedResults(Campaign campaign, List<CategoryResults> categories, Counts counts) {

	public boolean published() {
		return this.campaign.isPublished();
	}

	/** Whether the lists carry the mark 排名不分先后. */
	public boolean unranked() {
		return this.campaign.isUnrankedListing();
	}

	public record CategoryResults(Category category, List<Row> winners, List<Row> finalists) {
	}

	/**
	 * One line of a list: 序号, 申报单位 (joint applicants joined with 、, lead unit first),
	 * 最佳实践名称 and the application's reference number.
	 */
	public record Row(int seq, String units, String title, String referenceNo) {
	}

	/**
	 * @param received applications received: submitted and not withdrawn, whatever came
	 * of them
	 * @param finalists applications that reached the final round, winners included
	 * @param winners applications chosen in the final round
	 */
	public record Counts(long received, long finalists, long winners) {
	}

}
