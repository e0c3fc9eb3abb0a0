package io.evalflow.review.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.evalflow.account.Unit;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.Redaction;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.Attachment;

/**
 * A review as its expert sees it: the application to read, the round's rubric, and what
 * the expert has scored so far. Blind rounds carry no applicant identity: no units, and
 * the applicants' names replaced in the texts.
 */
record ReviewView(Long id, ReviewStatus status, Instant dueAt, Instant savedAt, Instant submittedAt, BigDecimal total,
		String comment, Map<Long, BigDecimal> scores, ReviewRoundView round, List<RubricCriterionView> criteria,
		ReviewedApplicationView application) {

	static ReviewView of(Review review, ReviewRound round, Application application, Map<Long, Unit> units,
			Redaction redaction) {
		return new ReviewView(review.getId(), review.getStatus(), review.getDueAt(), review.getSavedAt(),
				review.getSubmittedAt(), review.getTotal(), review.getCommentText(), review.getScores(),
				new ReviewRoundView(round.getId(), round.getRoundNo(), round.getName(), round.getNameEn(),
						round.isBlind(), round.getDeadline()),
				round.getCriteria().stream().map(RubricCriterionView::of).toList(),
				ReviewedApplicationView.of(application, round.isBlind(), units, redaction));
	}

	record ReviewRoundView(Long id, int roundNo, String name, String nameEn, boolean blind, Instant deadline) {
	}

	record RubricCriterionView(Long id, String name, String nameEn, BigDecimal weight, int maxScore) {

		static RubricCriterionView of(Criterion c) {
			return new RubricCriterionView(c.getId(), c.getName(), c.getNameEn(), c.getWeight(), c.getMaxScore());
		}

	}

	/**
	 * @param applicantUnits the lead and co-applicant units' names; empty in blind rounds
	 */
	record ReviewedApplicationView(Long id, Long categoryId, String title, List<String> applicantUnits, String summary,
			String background, String practice, String innovation, String results,
			List<ReviewedAttachmentView> attachments) {

		static ReviewedApplicationView of(Application a, boolean blind, Map<Long, Unit> units, Redaction redaction) {
			List<String> names = blind ? List.of()
					: a.unitIds().stream().map(units::get).filter(u -> u != null).map(Unit::getName).toList();
			return new ReviewedApplicationView(a.getId(), a.getCategoryId(), redaction.apply(a.getTitle()), names,
					redaction.apply(a.getSummary()), redaction.apply(a.getBackground()),
					redaction.apply(a.getPractice()), redaction.apply(a.getInnovation()),
					redaction.apply(a.getResults()),
					a.getAttachments().stream().map(att -> ReviewedAttachmentView.of(a, att, blind)).toList());
		}

	}

	/**
	 * @param withheld whether this blind round withholds the file, whose document
	 * properties could not be removed
	 */
	record ReviewedAttachmentView(Long id, String name, String contentType, long size, boolean withheld) {

		static ReviewedAttachmentView of(Application application, Attachment a, boolean blind) {
			return new ReviewedAttachmentView(a.getId(), AttachmentNames.forExpert(application, a, blind),
					a.getContentType(), a.getSizeBytes(), blind && a.getMetadataStatus().withheldInBlindRounds());
		}

	}

}
