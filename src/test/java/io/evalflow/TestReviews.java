package io.evalflow;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.evalflow.account.Account;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Lets every expert assigned in a round submit their review. The expert pool is shared by
 * all campaigns (and by all tests of a run), so a round may assign experts that another
 * test created: score by round, not by expert.
 */
@Component
public class TestReviews {

	private final CampaignService campaigns;

	private final ReviewService reviews;

	private final ExpertService experts;

	private final AccountService accounts;

	private final UserDetailsService users;

	TestReviews(CampaignService campaigns, ReviewService reviews, ExpertService experts, AccountService accounts,
			UserDetailsService users) {
		this.campaigns = campaigns;
		this.reviews = reviews;
		this.experts = experts;
		this.accounts = accounts;
		this.users = users;
	}

	/**
	 * Submits every open review of the round, each criterion scored
	 * {@code score(applicationId)} (clamped to the criterion's maximum).
	 * @return how many reviews were submitted
	 */
	public int scoreRound(Long roundId, Function<Long, BigDecimal> score) {
		ReviewRound round = this.campaigns.round(roundId);
		List<Criterion> rubric = round.getCriteria();
		int submitted = 0;
		for (Review review : this.reviews.reviewsOfRound(roundId)) {
			if (review.getStatus() != ReviewStatus.ASSIGNED && review.getStatus() != ReviewStatus.DRAFT) {
				continue;
			}
			Map<Long, BigDecimal> scores = new HashMap<>();
			BigDecimal value = score.apply(review.getApplicationId());
			for (Criterion criterion : rubric) {
				scores.put(criterion.getId(), value.min(BigDecimal.valueOf(criterion.getMaxScore())));
			}
			this.reviews.submit(expertUser(review.getExpertId()), review.getId(), scores, "意见");
			submitted++;
		}
		return submitted;
	}

	public CurrentUser expertUser(Long expertId) {
		Long accountId = this.experts.get(expertId).getAccountId();
		Account account = this.accounts.accountsById(List.of(accountId)).get(accountId);
		return (CurrentUser) this.users.loadUserByUsername(account.getUsername());
	}

}
