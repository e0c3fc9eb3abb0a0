package io.evalflow.review.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.evalflow.campaign.Criterion;
import io.evalflow.review.Review;
import jakarta.validation.constraints.Size;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * What an expert types on the review page: a score per criterion id and a comment. Scores
 * are bound as text and read here, so input that is not a number gets a message next to
 * its field instead of an error page.
 */
class ScoreForm {

	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,9}(\\.\\d+)?");

	private Map<Long, String> scores = new LinkedHashMap<>();

	@Size(max = 5000, message = "{review.form.comment.tooLong}")
	private String comment;

	private boolean confirmed;

	static ScoreForm of(Review review) {
		ScoreForm form = new ScoreForm();
		review.getScores()
			.forEach((criterionId, score) -> form.scores.put(criterionId, score.stripTrailingZeros().toPlainString()));
		form.comment = review.getCommentText();
		return form;
	}

	/**
	 * The scores as numbers, checked against the rubric. Each problem is reported on its
	 * criterion's field; a submission must score every criterion, a draft need not.
	 * Scores for criteria outside the rubric are ignored.
	 */
	Map<Long, BigDecimal> checkedScores(List<Criterion> rubric, boolean submitting, Locale locale, Errors errors) {
		Map<Long, BigDecimal> checked = new LinkedHashMap<>();
		for (Criterion criterion : rubric) {
			String field = "scores[" + criterion.getId() + "]";
			String name = criterion.name(locale);
			String text = this.scores.get(criterion.getId());
			if (!StringUtils.hasText(text)) {
				if (submitting) {
					errors.rejectValue(field, "review.error.missingScore", new Object[] { name }, null);
				}
				continue;
			}
			if (!NUMBER.matcher(text.trim()).matches()) {
				errors.rejectValue(field, "review.form.score.notNumber", new Object[] { name }, null);
				continue;
			}
			BigDecimal score = normalized(new BigDecimal(text.trim()));
			if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(criterion.getMaxScore())) > 0
					|| score.scale() > 2) {
				errors.rejectValue(field, "review.error.scoreRange", new Object[] { name, criterion.getMaxScore() },
						null);
				continue;
			}
			checked.put(criterion.getId(), score);
		}
		return checked;
	}

	/**
	 * "7.50" and "7.5" are the same score; only real decimals count against the limit.
	 */
	private static BigDecimal normalized(BigDecimal score) {
		BigDecimal stripped = score.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	public Map<Long, String> getScores() {
		return this.scores;
	}

	public void setScores(Map<Long, String> scores) {
		this.scores = scores;
	}

	public String getComment() {
		return this.comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	public boolean isConfirmed() {
		return this.confirmed;
	}

	public void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

}
