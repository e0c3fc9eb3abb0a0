package io.evalflow.publication.web;

import java.time.Instant;
import java.util.List;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.Category;
import io.evalflow.publication.PublishedResults;

/**
 * A campaign's results as the API returns them. The names are the campaign's own
 * (Chinese) with the English category name beside, so a response does not depend on the
 * caller's language.
 */
record ResultsDto(String code, String name, String organizer, Instant publishedAt, boolean published, boolean unranked,
		ResultsCountsDto counts, List<ResultsCategoryDto> categories) {

	static ResultsDto of(PublishedResults results) {
		Campaign campaign = results.campaign();
		PublishedResults.Counts counts = results.counts();
		return new ResultsDto(campaign.getCode(), campaign.getName(), campaign.getOrganizer(),
				campaign.getPublishedAt(), results.published(), results.unranked(),
				new ResultsCountsDto(counts.received(), counts.finalists(), counts.winners()),
				results.categories().stream().map(ResultsCategoryDto::of).toList());
	}

	/** Applications received, finalists (winners included) and winners. */
	record ResultsCountsDto(long received, long finalists, long winners) {
	}

	record ResultsCategoryDto(String code, String name, String nameEn, int quota, List<ResultsRowDto> winners,
			List<ResultsRowDto> finalists) {

		static ResultsCategoryDto of(PublishedResults.CategoryResults results) {
			Category category = results.category();
			return new ResultsCategoryDto(category.getCode(), category.getName(), category.getNameEn(),
					category.getQuota(), rows(results.winners()), rows(results.finalists()));
		}

		private static List<ResultsRowDto> rows(List<PublishedResults.Row> rows) {
			return rows.stream().map(r -> new ResultsRowDto(r.seq(), r.units(), r.title(), r.referenceNo())).toList();
		}

	}

	/**
	 * One listed application: 序号, 申报单位 (joint applicants joined with 、), 最佳实践名称 and
	 * reference number.
	 */
	record ResultsRowDto(int seq, String units, String title, String referenceNo) {
	}

}
