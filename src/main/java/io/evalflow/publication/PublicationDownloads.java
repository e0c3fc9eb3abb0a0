package io.evalflow.publication;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.publication.CasebookContent.Case;
import io.evalflow.publication.CasebookContent.CategoryCases;
import io.evalflow.publication.CasebookContent.Section;
import io.evalflow.publication.PublishedResults.CategoryResults;
import io.evalflow.publication.PublishedResults.Row;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a campaign's outcome.
 * <ul>
 * <li>The <b>casebook</b> (案例集): every finalist's application texts, for the public once
 * the results are published (as the 2012 organizer published its casebook) and for
 * organizers before, as a preview. It follows the results' visibility rule.</li>
 * <li>The winners' <b>certificates</b> (获奖证书), for organizers to print.</li>
 * <li>The <b>results</b> and <b>scores</b> exports, XLSX or CSV, for organizers: they
 * name the experts and their scores, which are never public.</li>
 * </ul>
 * The web layer keeps the last two to organizers; the service checks that there is
 * something to write and refuses with a message otherwise.
 */
@Service
@Transactional(readOnly = true)
public class PublicationDownloads {

	private static final int CASEBOOKS_KEPT = 16;

	private final PublicationService publication;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final OutcomeExports exports;

	private final MessageSource messages;

	private final AccountService accounts;

	/**
	 * Casebooks of published campaigns, which no longer change, by campaign, publication
	 * and language: the public can download them as often as it likes without each
	 * download costing a second of layout. A preview is never kept.
	 */
	private final Map<String, byte[]> publishedCasebooks = new ConcurrentHashMap<>();

	PublicationDownloads(PublicationService publication, CampaignService campaigns, SubmissionService submissions,
			OutcomeExports exports, MessageSource messages, AccountService accounts) {
		this.accounts = accounts;
		this.publication = publication;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.exports = exports;
		this.messages = messages;
	}

	/**
	 * The casebook of the campaign with that code, as PDF.
	 * @throws io.evalflow.shared.NotFoundException as {@link PublicationService#results}
	 * @throws DomainException when the campaign has no finalists yet
	 */
	public byte[] casebook(String code, CurrentUser viewer, Locale locale) {
		PublishedResults results = this.publication.results(code, viewer);
		Campaign campaign = results.campaign();
		if (results.counts().finalists() == 0) {
			throw new DomainException("publication.error.noFinalists", campaign.getName());
		}
		if (!campaign.isPublished()) {
			return writeCasebook(results, locale);
		}
		String key = campaign.getId() + ":" + campaign.getPublishedAt() + ":" + locale.toLanguageTag();
		byte[] kept = this.publishedCasebooks.get(key);
		if (kept == null) {
			kept = writeCasebook(results, locale);
			if (this.publishedCasebooks.size() >= CASEBOOKS_KEPT) {
				this.publishedCasebooks.clear();
			}
			this.publishedCasebooks.put(key, kept);
		}
		return kept.clone();
	}

	private byte[] writeCasebook(PublishedResults results, Locale locale) {
		Campaign campaign = results.campaign();
		List<Application> finalists = this.submissions.outcomes(campaign.getId());
		Map<String, Application> byReference = finalists.stream()
			.collect(Collectors.toMap(Application::getReferenceNo, Function.identity()));
		Map<Long, Unit> units = this.accounts
			.units(finalists.stream().flatMap(a -> a.unitIds().stream()).collect(Collectors.toSet()));
		List<CategoryCases> categories = new ArrayList<>();
		for (CategoryResults category : results.categories()) {
			String name = text("publication.category.heading", locale, category.category().name(locale));
			List<Case> cases = new ArrayList<>();
			for (Row row : category.finalists()) {
				Application application = byReference.get(row.referenceNo());
				cases.add(new Case(row.title(),
						application.unitIds().stream().map(id -> units.get(id).getName()).toList(),
						category.category().name(locale), row.referenceNo(),
						application.getStatus() == ApplicationStatus.WINNER, sections(application, locale)));
			}
			if (!cases.isEmpty()) {
				categories.add(new CategoryCases(name, cases));
			}
		}
		CasebookContent content = new CasebookContent(campaign.getName(), campaign.getOrganizer(),
				date(campaign, locale), labels(results, locale), categories);
		return Casebook.write(content);
	}

	/**
	 * The winners' certificates, one page each, in the order of the results.
	 * @throws DomainException when the winners are not confirmed yet
	 */
	public byte[] certificates(Long campaignId, CurrentUser organizer, Locale locale) {
		Campaign campaign = this.campaigns.get(campaignId);
		PublishedResults results = this.publication.results(campaign.getCode(), organizer);
		if (results.counts().winners() == 0) {
			throw new DomainException("publication.error.noWinners", campaign.getName());
		}
		String date = date(campaign, locale);
		String heading = text("publication.certificate.heading", locale);
		List<Certificates.Certificate> certificates = new ArrayList<>();
		for (CategoryResults category : results.categories()) {
			for (Row row : category.winners()) {
				certificates.add(new Certificates.Certificate(campaign.getName(), heading,
						text("publication.certificate.units", locale, row.units()),
						text("publication.certificate.citation", locale, row.title(), campaign.getName(),
								category.category().name(locale)),
						campaign.getOrganizer(), date));
			}
		}
		return Certificates.write(certificates);
	}

	/** Every round's results, one row per application admitted to the round. */
	public void results(Long campaignId, Format format, Locale locale, OutputStream out) throws IOException {
		write(this.exports.results(this.campaigns.get(campaignId), locale), format, out);
	}

	/** Every submitted review's scores, one row per review. */
	public void scores(Long campaignId, Format format, Locale locale, OutputStream out) throws IOException {
		write(this.exports.scores(this.campaigns.get(campaignId), locale), format, out);
	}

	private static void write(ExportTable table, Format format, OutputStream out) throws IOException {
		if (format == Format.XLSX) {
			table.writeXlsx(out);
		}
		else {
			table.writeCsv(out);
		}
	}

	private List<Section> sections(Application application, Locale locale) {
		List<Section> sections = new ArrayList<>();
		String[][] texts = { { "summary", application.getSummary() }, { "background", application.getBackground() },
				{ "practice", application.getPractice() }, { "innovation", application.getInnovation() },
				{ "results", application.getResults() } };
		for (String[] text : texts) {
			if (text[1] != null && !text[1].isBlank()) {
				sections.add(new Section(text("publication.casebook.section." + text[0], locale), text[1].strip()));
			}
		}
		return sections;
	}

	private CasebookContent.Labels labels(PublishedResults results, Locale locale) {
		return new CasebookContent.Labels(text("publication.casebook.title", locale),
				text("publication.casebook.subtitle", locale, results.counts().finalists()),
				text("publication.casebook.contents", locale), text("publication.casebook.units", locale),
				text("publication.casebook.category", locale), text("publication.casebook.referenceNo", locale),
				text("publication.casebook.winner", locale), text("publication.casebook.pageNumber", locale));
	}

	/** The publication date, or today's for a preview. */
	private String date(Campaign campaign, Locale locale) {
		Instant at = (campaign.getPublishedAt() != null) ? campaign.getPublishedAt() : Instant.now();
		return DateTimeFormatter.ofPattern(text("publication.pdf.datePattern", locale), locale)
			.format(at.atZone(ZoneId.systemDefault()));
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/** The file formats of the exports. */
	public enum Format {

		XLSX, CSV

	}

}
