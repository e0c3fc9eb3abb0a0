package io.evalflow.publication.web;

import java.io.IOException;
import java.util.Locale;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;
import io.evalflow.publication.CampaignStatistics;
import io.evalflow.publication.PublicationDownloads;
import io.evalflow.publication.PublicationDownloads.Format;
import io.evalflow.publication.StatisticsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outcome documents and the statistics through the API: the casebook for anyone once
 * published (as the results), the rest for organizers.
 */
@RestController
@Tag(name = "Results")
class DownloadsApiController {

	private static final String RESULTS = "One row per application and round: application, units, category, reviews, "
			+ "aggregate, standard deviation, ranks, advanced. Headers follow Accept-Language. CSV is UTF-8 with a byte "
			+ "order mark. Text cells that would start a formula are neutralised (a leading apostrophe in CSV, Excel's "
			+ "quote prefix in XLSX).";

	private static final String SCORES = "One row per submitted review: round, application, category, expert, each "
			+ "criterion's score and the weighted total. Formula-like text is neutralised as in the results export.";

	private final PublicationDownloads downloads;

	private final StatisticsService statistics;

	private final CampaignService campaigns;

	DownloadsApiController(PublicationDownloads downloads, StatisticsService statistics, CampaignService campaigns) {
		this.downloads = downloads;
		this.statistics = statistics;
		this.campaigns = campaigns;
	}

	@GetMapping(path = "/api/v1/results/{code}/casebook.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(operationId = "getCasebook", summary = "The casebook (案例集) of the finalists as PDF",
			description = "Cover, contents and every finalist's application texts. Public once the results are "
					+ "published; before that only for organizers (a preview), 404 for others. 422 while there "
					+ "are no finalists.")
	ResponseEntity<byte[]> casebook(@PathVariable String code,
			@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser caller, Locale locale) {
		return Downloads.pdf(code + "-casebook.pdf", this.downloads.casebook(code, caller, locale));
	}

	@GetMapping(path = "/api/v1/campaigns/{id}/certificates.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@Operation(operationId = "getCertificates", summary = "The winners' certificates (获奖证书) as PDF",
			description = "One A4 landscape page per winner. Organizers only; 422 until the winners are confirmed.")
	ResponseEntity<byte[]> certificates(@PathVariable Long id,
			@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser caller, Locale locale) {
		byte[] pdf = this.downloads.certificates(id, caller, locale);
		return Downloads.pdf(this.campaigns.get(id).getCode() + "-certificates.pdf", pdf);
	}

	// One path per format, not a variable inside a segment: the OpenAPI document then
	// names
	// every download plainly, and clients fill in nothing but ids.
	@GetMapping("/api/v1/campaigns/{id}/exports/results.xlsx")
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@Operation(operationId = "exportResultsXlsx", summary = "Every round's results as an XLSX workbook",
			description = RESULTS)
	void resultsXlsx(@PathVariable Long id, Locale locale, HttpServletResponse response) throws IOException {
		results(id, Format.XLSX, locale, response);
	}

	@GetMapping("/api/v1/campaigns/{id}/exports/results.csv")
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@Operation(operationId = "exportResultsCsv", summary = "Every round's results as CSV", description = RESULTS)
	void resultsCsv(@PathVariable Long id, Locale locale, HttpServletResponse response) throws IOException {
		results(id, Format.CSV, locale, response);
	}

	@GetMapping("/api/v1/campaigns/{id}/exports/scores.xlsx")
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@Operation(operationId = "exportScoresXlsx", summary = "Every submitted review's scores as an XLSX workbook",
			description = SCORES)
	void scoresXlsx(@PathVariable Long id, Locale locale, HttpServletResponse response) throws IOException {
		scores(id, Format.XLSX, locale, response);
	}

	@GetMapping("/api/v1/campaigns/{id}/exports/scores.csv")
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@Operation(operationId = "exportScoresCsv", summary = "Every submitted review's scores as CSV",
			description = SCORES)
	void scoresCsv(@PathVariable Long id, Locale locale, HttpServletResponse response) throws IOException {
		scores(id, Format.CSV, locale, response);
	}

	private void results(Long id, Format format, Locale locale, HttpServletResponse response) throws IOException {
		Downloads.export(response, this.campaigns.get(id).getCode() + "-results", format);
		this.downloads.results(id, format, locale, response.getOutputStream());
	}

	private void scores(Long id, Format format, Locale locale, HttpServletResponse response) throws IOException {
		Downloads.export(response, this.campaigns.get(id).getCode() + "-scores", format);
		this.downloads.scores(id, format, locale, response.getOutputStream());
	}

	@GetMapping(path = "/api/v1/campaigns/{id}/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@Operation(operationId = "getStatistics", summary = "A campaign's statistics",
			description = "Applications received by category, lead unit type and region; per round the "
					+ "distribution of review totals (ten bins from 0 to the rubric's maximum) and each expert's "
					+ "severity: the mean of (own total − the other experts' mean for the same application). "
					+ "Labels follow Accept-Language.")
	CampaignStatistics statistics(@PathVariable Long id, Locale locale) {
		return this.statistics.statistics(id, locale);
	}

}
