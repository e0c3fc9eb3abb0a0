package io.evalflow.publication.web;

import java.io.IOException;
import java.util.Locale;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.CampaignService;
import io.evalflow.publication.PublicationDownloads;
import io.evalflow.publication.PublicationDownloads.Format;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The downloads of the screens: the casebook beside the public results (404 before
 * publication, as the results), the certificates and the exports for organizers only.
 */
@Controller
class DownloadsController {

	private final PublicationDownloads downloads;

	private final CampaignService campaigns;

	DownloadsController(PublicationDownloads downloads, CampaignService campaigns) {
		this.downloads = downloads;
		this.campaigns = campaigns;
	}

	@GetMapping("/results/{code}/casebook.pdf")
	ResponseEntity<byte[]> casebook(@PathVariable String code, @AuthenticationPrincipal CurrentUser viewer,
			Locale locale) {
		return Downloads.pdf(code + "-casebook.pdf", this.downloads.casebook(code, viewer, locale));
	}

	@GetMapping("/organizer/campaigns/{id}/certificates.pdf")
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	ResponseEntity<byte[]> certificates(@PathVariable Long id, @AuthenticationPrincipal CurrentUser organizer,
			Locale locale) {
		byte[] pdf = this.downloads.certificates(id, organizer, locale);
		return Downloads.pdf(this.campaigns.get(id).getCode() + "-certificates.pdf", pdf);
	}

	@GetMapping("/organizer/campaigns/{id}/exports/results.{extension}")
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	void results(@PathVariable Long id, @PathVariable String extension, Locale locale, HttpServletResponse response)
			throws IOException {
		Format format = Downloads.format(extension);
		Downloads.export(response, this.campaigns.get(id).getCode() + "-results", format);
		this.downloads.results(id, format, locale, response.getOutputStream());
	}

	@GetMapping("/organizer/campaigns/{id}/exports/scores.{extension}")
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	void scores(@PathVariable Long id, @PathVariable String extension, Locale locale, HttpServletResponse response)
			throws IOException {
		Format format = Downloads.format(extension);
		Downloads.export(response, this.campaigns.get(id).getCode() + "-scores", format);
		this.downloads.scores(id, format, locale, response.getOutputStream());
	}

}
