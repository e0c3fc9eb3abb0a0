package io.evalflow.review.web;

import java.util.Optional;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.AssignmentChange.Kind;
import io.evalflow.review.AssignmentChanges;
import io.evalflow.review.AssignmentMatrix;
import io.evalflow.review.AssignmentService;
import io.evalflow.review.ExpertService;
import io.evalflow.review.RoundAssignment;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.SubmissionService;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's view of a round's assignment: where the draw or the release stands
 * (refreshing itself while the engine works), the applications short of experts, the
 * matrix per application and per expert, manual changes held to the draw's rules, the
 * confirmation and a redraw.
 */
@Controller
@RequestMapping("/organizer/rounds/{roundId}/assignment")
class AssignmentPageController {

	static final String VIEW = "review/assignment";

	static final int PAGE_SIZE = 50;

	static final int SHORTFALLS_SHOWN = 200;

	static final int CANDIDATES_SHOWN = 20;

	static final int CHANGES_SHOWN = 100;

	/** While the engine draws or releases; a meta refresh, as the CSP forbids scripts. */
	static final int REFRESH_SECONDS = 5;

	private final AssignmentService assignments;

	private final AssignmentChanges changes;

	private final AssignmentMatrix matrix;

	private final CampaignService campaigns;

	private final ExpertService experts;

	private final SubmissionService submissions;

	private final UserMessages messages;

	AssignmentPageController(AssignmentService assignments, AssignmentChanges changes, AssignmentMatrix matrix,
			CampaignService campaigns, ExpertService experts, SubmissionService submissions, UserMessages messages) {
		this.assignments = assignments;
		this.changes = changes;
		this.matrix = matrix;
		this.campaigns = campaigns;
		this.experts = experts;
		this.submissions = submissions;
		this.messages = messages;
	}

	/**
	 * @param drawing set by a start or a redraw: the time (epoch milliseconds) of the
	 * draw it replaces, so the page refreshes until a newer draw is there
	 */
	@GetMapping
	String page(@PathVariable Long roundId, @RequestParam(defaultValue = "applications") String view,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long application,
			@RequestParam(required = false) Long drawing, Model model) {
		ReviewRound round = this.campaigns.round(roundId);
		model.addAttribute("round", round);
		model.addAttribute("campaign", this.campaigns.get(round.getCampaignId()));
		model.addAttribute("view", "experts".equals(view) ? "experts" : "applications");
		Optional<RoundAssignment> assignment = this.assignments.assignment(roundId);
		boolean waiting = waitingForDraw(assignment, drawing);
		model.addAttribute("waiting", waiting);
		if (waiting || assignment
			.map(a -> a.getStatus() == RoundAssignment.Status.PLANNING
					|| a.getStatus() == RoundAssignment.Status.RELEASING)
			.orElse(false)) {
			model.addAttribute("refreshSeconds", REFRESH_SECONDS);
		}
		if (assignment.isEmpty()) {
			return VIEW;
		}
		boolean proposed = assignment.get().getStatus() == RoundAssignment.Status.PROPOSED && !waiting;
		model.addAttribute("assignment", assignment.get());
		model.addAttribute("proposed", proposed);
		model.addAttribute("progress", this.matrix.progress(roundId));
		model.addAttribute("shortfallCount", this.matrix.shortfallCount(roundId));
		model.addAttribute("shortfalls", this.matrix.shortfalls(roundId, SHORTFALLS_SHOWN));
		model.addAttribute("shortfallsShown", SHORTFALLS_SHOWN);
		int pageNo = Math.max(0, page);
		if ("experts".equals(view)) {
			model.addAttribute("expertPage", this.matrix.experts(roundId, pageNo, PAGE_SIZE));
		}
		else {
			model.addAttribute("applicationPage", this.matrix.applications(roundId, pageNo, PAGE_SIZE));
		}
		if (application != null) {
			model.addAttribute("focus", this.matrix.application(roundId, application)
				.orElseThrow(() -> new NotFoundException("application", application)));
			if (proposed) {
				model.addAttribute("candidates", this.changes.candidates(roundId, application, CANDIDATES_SHOWN));
			}
		}
		model.addAttribute("changes",
				this.matrix.changes(this.changes.changes(roundId).stream().limit(CHANGES_SHOWN).toList()));
		model.addAttribute("redrawForm", new RedrawForm());
		return VIEW;
	}

	@PostMapping("/confirm")
	String confirm(@PathVariable Long roundId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			this.assignments.confirm(roundId, user.getUsername());
			redirect.addFlashAttribute("success", this.messages.get("assignment.confirm.done"));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
		}
		return "redirect:" + url(roundId);
	}

	@PostMapping("/redraw")
	String redraw(@PathVariable Long roundId, @Valid @ModelAttribute RedrawForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("error", this.messages.get("assignment.redraw.seedRange"));
			return "redirect:" + url(roundId);
		}
		try {
			long drawnAt = this.assignments.assignment(roundId).map(a -> a.getPlannedAt().toEpochMilli()).orElse(0L);
			this.assignments.redraw(roundId, form.getSeed(), user.getUsername());
			redirect.addFlashAttribute("success", this.messages.get("assignment.redraw.done"));
			return "redirect:" + url(roundId) + "?drawing=" + drawnAt;
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
			return "redirect:" + url(roundId);
		}
	}

	@PostMapping("/add")
	String add(@PathVariable Long roundId, @Valid @ModelAttribute ChangeForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return change(roundId, Kind.ADD, form, errors, user, redirect);
	}

	@PostMapping("/remove")
	String remove(@PathVariable Long roundId, @Valid @ModelAttribute ChangeForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return change(roundId, Kind.REMOVE, form, errors, user, redirect);
	}

	@PostMapping("/swap")
	String swap(@PathVariable Long roundId, @Valid @ModelAttribute ChangeForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		if (form.getReplacementId() == null) {
			errors.rejectValue("replacementId", "assignment.form.expertRequired");
		}
		return change(roundId, Kind.SWAP, form, errors, user, redirect);
	}

	private String change(Long roundId, Kind kind, ChangeForm form, BindingResult errors, CurrentUser user,
			RedirectAttributes redirect) {
		if (form.getApplicationId() == null) {
			throw new NotFoundException("application", null);
		}
		String back = "redirect:" + url(roundId) + "?application=" + form.getApplicationId();
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("error", this.messages.get(
					errors.hasFieldErrors("reason") ? "assignment.form.reasonSize" : "assignment.form.expertRequired"));
			return back;
		}
		try {
			String actor = user.getUsername();
			switch (kind) {
				case ADD ->
					this.changes.add(roundId, form.getApplicationId(), form.getExpertId(), form.getReason(), actor);
				case REMOVE ->
					this.changes.remove(roundId, form.getApplicationId(), form.getExpertId(), form.getReason(), actor);
				case SWAP -> this.changes.swap(roundId, form.getApplicationId(), form.getExpertId(),
						form.getReplacementId(), form.getReason(), actor);
			}
			redirect.addFlashAttribute("success",
					this.messages.get("assignment.done." + kind.name(),
							this.submissions.get(form.getApplicationId()).getReferenceNo(), name(form.getExpertId()),
							(kind == Kind.SWAP) ? name(form.getReplacementId()) : null));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", this.messages.of(refusal));
		}
		return back;
	}

	/**
	 * Whether the organizer has just started the round or asked for a redraw and the
	 * engine has not begun the new draw yet.
	 */
	static boolean waitingForDraw(Optional<RoundAssignment> assignment, Long drawing) {
		if (drawing == null) {
			return false;
		}
		return assignment
			.map(a -> a.getStatus() == RoundAssignment.Status.PROPOSED && a.getPlannedAt().toEpochMilli() <= drawing)
			.orElse(true);
	}

	static String url(Long roundId) {
		return "/organizer/rounds/" + roundId + "/assignment";
	}

	private String name(Long expertId) {
		return this.experts.get(expertId).getName();
	}

}
