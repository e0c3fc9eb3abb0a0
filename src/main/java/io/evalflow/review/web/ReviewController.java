package io.evalflow.review.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.Redaction;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.TransientConflicts;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.Application;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.SubmissionService;
import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One review as its expert sees it: the application (without its units in a blind round),
 * its attachments, and the score form until the review is submitted. Only the assigned
 * expert gets here: {@link ReviewService#ownReview} refuses everyone else.
 */
@Controller
@RequestMapping("/expert/reviews/{reviewId}")
class ReviewController {

	static final String VIEW = "review/review";

	private final ReviewService reviews;

	private final SubmissionService submissions;

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final UserMessages messages;

	private final TransientConflicts conflicts;

	private final ExpertReading reading;

	ReviewController(ReviewService reviews, SubmissionService submissions, CampaignService campaigns,
			AccountService accounts, UserMessages messages, TransientConflicts conflicts, ExpertReading reading) {
		this.reviews = reviews;
		this.submissions = submissions;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.messages = messages;
		this.conflicts = conflicts;
		this.reading = reading;
	}

	@GetMapping
	String show(@AuthenticationPrincipal CurrentUser expert, @PathVariable Long reviewId, Model model) {
		Review review = this.reviews.ownReview(expert, reviewId);
		model.addAttribute("scoreForm", ScoreForm.of(review));
		return page(review, model);
	}

	@PostMapping("/draft")
	String saveDraft(@AuthenticationPrincipal CurrentUser expert, @PathVariable Long reviewId,
			@Valid @ModelAttribute("scoreForm") ScoreForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, Locale locale) {
		return save(expert, reviewId, form, false, errors, model, redirect, locale);
	}

	@PostMapping("/submit")
	String submit(@AuthenticationPrincipal CurrentUser expert, @PathVariable Long reviewId,
			@Valid @ModelAttribute("scoreForm") ScoreForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, Locale locale) {
		return save(expert, reviewId, form, true, errors, model, redirect, locale);
	}

	@GetMapping("/attachments/{attachmentId}")
	ResponseEntity<Resource> attachment(@AuthenticationPrincipal CurrentUser expert, @PathVariable Long reviewId,
			@PathVariable Long attachmentId) {
		return this.reading.attachment(this.reviews.ownReview(expert, reviewId), attachmentId);
	}

	private String save(CurrentUser expert, Long reviewId, ScoreForm form, boolean submitting, BindingResult errors,
			Model model, RedirectAttributes redirect, Locale locale) {
		Review review = this.reviews.ownReview(expert, reviewId);
		ReviewRound round = this.campaigns.round(review.getRoundId());
		Map<Long, BigDecimal> scores = form.checkedScores(round.getCriteria(), submitting, locale, errors);
		if (submitting && !form.isConfirmed()) {
			errors.rejectValue("confirmed", "review.form.confirm.required");
		}
		if (!errors.hasErrors()) {
			try {
				// Experts of the same application finishing at once may collide in the
				// engine; the loser's whole transaction runs again, unseen.
				if (submitting) {
					this.conflicts.retry(() -> this.reviews.submit(expert, reviewId, scores, form.getComment()));
				}
				else {
					this.conflicts.retry(() -> this.reviews.saveDraft(expert, reviewId, scores, form.getComment()));
				}
				redirect.addFlashAttribute("success",
						this.messages.get(submitting ? "review.flash.submitted" : "review.flash.draftSaved"));
				return "redirect:/expert/reviews/" + reviewId;
			}
			catch (DomainException refusal) {
				errors.reject(refusal.getMessageKey(), refusal.getArguments(), null);
			}
		}
		// The refused request changed nothing: show the review as stored, with what was
		// typed.
		return page(this.reviews.ownReview(expert, reviewId), model);
	}

	private String page(Review review, Model model) {
		ReviewRound round = this.campaigns.round(review.getRoundId());
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		Application application = this.submissions.get(review.getApplicationId());
		model.addAttribute("review", review);
		model.addAttribute("round", round);
		model.addAttribute("campaign", campaign);
		// Not "application": Thymeleaf reserves that name for the servlet context.
		model.addAttribute("app", ReadableApplication.of(application, this.reading.redaction(round, application)));
		model.addAttribute("category", campaign.category(application.getCategoryId()));
		model.addAttribute("criteria", round.getCriteria());
		model.addAttribute("locked", !review.getStatus().isOpen());
		model.addAttribute("attachments", attachments(application, round.isBlind()));
		if (!round.isBlind()) {
			Map<Long, Unit> units = this.accounts.units(application.unitIds());
			model.addAttribute("leadUnit", units.get(application.getLeadUnitId()).getName());
			model.addAttribute("coApplicantUnits",
					application.getCoApplicantUnitIds().stream().map(id -> units.get(id).getName()).toList());
		}
		return VIEW;
	}

	private static List<AttachmentLink> attachments(Application application, boolean blind) {
		List<AttachmentLink> links = new ArrayList<>();
		List<Attachment> attachments = application.getAttachments();
		for (int i = 0; i < attachments.size(); i++) {
			Attachment attachment = attachments.get(i);
			links.add(new AttachmentLink(attachment.getId(), AttachmentNames.forExpert(attachment, i + 1, blind),
					Math.max(1, (attachment.getSizeBytes() + 1023) / 1024),
					blind && attachment.getMetadataStatus().withheldInBlindRounds()));
		}
		return links;
	}

	/**
	 * An attachment as listed for the expert: its id, the name shown, its size, and
	 * whether a blind round withholds it.
	 */
	public record AttachmentLink(Long id, String name, long sizeKb, boolean withheld) {
	}

	/**
	 * The application's texts as the expert reads them: in a blind round without the
	 * applicant's names.
	 */
	public record ReadableApplication(Long id, String referenceNo, String title, String summary, String background,
			String practice, String innovation, String results) {

		static ReadableApplication of(Application a, Redaction redaction) {
			return new ReadableApplication(a.getId(), a.getReferenceNo(), redaction.apply(a.getTitle()),
					redaction.apply(a.getSummary()), redaction.apply(a.getBackground()),
					redaction.apply(a.getPractice()), redaction.apply(a.getInnovation()),
					redaction.apply(a.getResults()));
		}

	}

}
