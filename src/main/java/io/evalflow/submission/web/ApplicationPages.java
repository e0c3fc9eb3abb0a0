package io.evalflow.submission.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.Application;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the applicant's and the organizer's page of one application both show: the
 * campaign and category, the units, the sections, the attachments and the timeline.
 */
@Component
class ApplicationPages {

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final UserMessages messages;

	ApplicationPages(CampaignService campaigns, AccountService accounts, UserMessages messages) {
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.messages = messages;
	}

	/**
	 * @param revealUnpublished whether the final outcome may be shown before the results
	 * are published (to organizers)
	 */
	Campaign describe(Application application, boolean revealUnpublished, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		Campaign campaign = this.campaigns.get(application.getCampaignId());
		Map<Long, Unit> units = this.accounts.units(application.unitIds());
		model.addAttribute("app", application);
		model.addAttribute("campaign", campaign);
		model.addAttribute("category", campaign.category(application.getCategoryId()).name(locale));
		model.addAttribute("leadUnit", units.get(application.getLeadUnitId()));
		model.addAttribute("coApplicantUnits", coApplicantNames(application, units));
		model.addAttribute("status", StatusTimeline.shownStatus(application, campaign, revealUnpublished));
		model.addAttribute("timeline",
				StatusTimeline.of(application, campaign, locale, revealUnpublished)
					.stream()
					.map(step -> new TimelineEntry(this.messages.get(step.key(), step.args()), step.at(), step.state()))
					.toList());
		return campaign;
	}

	List<String> coApplicantNames(Application application) {
		return coApplicantNames(application, this.accounts.units(application.getCoApplicantUnitIds()));
	}

	private static List<String> coApplicantNames(Application application, Map<Long, Unit> units) {
		return application.getCoApplicantUnitIds().stream().map(units::get).map(Unit::getName).toList();
	}

	/** A step of the timeline, worded in the user's language. */
	record TimelineEntry(String text, Instant at, StatusTimeline.State state) {

		public boolean isPending() {
			return this.state == StatusTimeline.State.PENDING;
		}

	}

}
