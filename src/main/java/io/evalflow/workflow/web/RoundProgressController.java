package io.evalflow.workflow.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertService;
import io.evalflow.review.ReplacementService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A round's progress: reviews by status, each expert's share, and the applications still
 * waiting for reviews, so the organizer knows whom to chase before the deadline; the
 * places nobody took over, to fill by hand; and one application's reviews, looked up by
 * reference number, to reopen one.
 */
@Controller
class RoundProgressController {

	static final String VIEW = "workflow/round-progress";

	/** The waiting list is for chasing, not for paging through a national campaign. */
	static final int WAITING_SHOWN = 100;

	/** The experts to chase come first. */
	private static final Comparator<ExpertRow> MOST_OUTSTANDING_FIRST = Comparator.comparingLong(ExpertRow::outstanding)
		.reversed()
		.thenComparing(row -> row.expert().getName());

	private final CampaignService campaigns;

	private final ReviewService reviews;

	private final RankingService ranking;

	private final SubmissionService submissions;

	private final ReplacementService replacements;

	private final ExpertService experts;

	RoundProgressController(CampaignService campaigns, ReviewService reviews, RankingService ranking,
			SubmissionService submissions, ReplacementService replacements, ExpertService experts) {
		this.replacements = replacements;
		this.experts = experts;
		this.campaigns = campaigns;
		this.reviews = reviews;
		this.ranking = ranking;
		this.submissions = submissions;
	}

	@GetMapping("/organizer/campaigns/{id}/rounds/{roundNo}")
	String progress(@PathVariable Long id, @PathVariable int roundNo, @RequestParam(required = false) String reference,
			Model model) {
		Campaign campaign = this.campaigns.get(id);
		ReviewRound round = round(campaign, roundNo);
		model.addAttribute("campaign", campaign);
		model.addAttribute("round", round);
		model.addAttribute("progress", RoundProgress.of(round, this.reviews.progress(round.getId())));
		model.addAttribute("experts",
				this.reviews.progressPerExpert(round.getId())
					.stream()
					.map(p -> new ExpertRow(p.expert(), p.assigned(), p.submitted(),
							RoundProgress.percent(p.submitted(), p.assigned())))
					.toList());
		if (round.getStatus() == RoundStatus.OPEN) {
			List<RoundResult> waiting = this.ranking.awaitingReviews(round.getId(), WAITING_SHOWN);
			Map<Long, Application> applications = this.submissions
				.byIds(waiting.stream().map(RoundResult::getApplicationId).toList());
			model.addAttribute("waiting", waiting.stream().map(r -> applications.get(r.getApplicationId())).toList());
			model.addAttribute("waitingTotal", this.ranking.remaining(round.getId()));
			model.addAttribute("waitingShown", WAITING_SHOWN);
			List<Review> vacancies = this.replacements.vacancies(round.getId());
			Map<Long, Application> vacant = this.submissions
				.byIds(vacancies.stream().map(Review::getApplicationId).toList());
			model.addAttribute("vacancies", vacancies.stream()
				.map(v -> new VacancyRow(v, vacant.get(v.getApplicationId()), this.experts.get(v.getExpertId())))
				.toList());
		}
		if (StringUtils.hasText(reference)) {
			model.addAttribute("reference", reference.trim());
			this.submissions.byReferenceNo(reference.trim())
				.ifPresent(application -> model.addAttribute("looked",
						new LookedUp(application,
								this.reviews.reviewsOf(round.getId(), application.getId())
									.stream()
									.map(r -> new ReviewRow(r, this.experts.get(r.getExpertId())))
									.toList())));
		}
		return VIEW;
	}

	static ReviewRound round(Campaign campaign, int roundNo) {
		try {
			return campaign.round(roundNo);
		}
		catch (DomainException unknown) {
			throw new NotFoundException("round", roundNo);
		}
	}

	/** A place whose expert stepped off and that nobody took over. */
	record VacancyRow(Review review, Application application, Expert leftBy) {
	}

	/**
	 * An application looked up by its reference number, with its reviews in the round.
	 */
	record LookedUp(Application application, List<ReviewRow> reviews) {
	}

	record ReviewRow(Review review, Expert expert) {
	}

	record ExpertRow(Expert expert, long assigned, long submitted, int percent) {

		public long outstanding() {
			return this.assigned - this.submitted;
		}

	}

}
