package io.evalflow.review.web;

import java.io.IOException;
import java.util.Locale;

import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.AssignmentExport;
import io.evalflow.review.AssignmentService;
import io.evalflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's assignment as an Excel workbook, from the organizer's page and from the API.
 * The workbook goes to the client as it is written.
 */
@RestController
@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
@Tag(name = "Assignment")
class AssignmentExportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final AssignmentExport export;

	private final AssignmentService assignments;

	private final CampaignService campaigns;

	AssignmentExportController(AssignmentExport export, AssignmentService assignments, CampaignService campaigns) {
		this.export = export;
		this.assignments = assignments;
		this.campaigns = campaigns;
	}

	@GetMapping("/organizer/rounds/{roundId}/assignment.xlsx")
	void download(@PathVariable Long roundId, Locale locale, HttpServletResponse response) throws IOException {
		workbook(roundId, locale, response);
	}

	@GetMapping(path = "/api/v1/rounds/{roundId}/assignment.xlsx")
	@Operation(summary = "The round's assignment as an XLSX workbook",
			description = "One row per review: application reference, title, category, lead unit, expert, "
					+ "expert's unit, status and the reason of an overridden conflict. Headers follow "
					+ "Accept-Language. Cells that would start a formula carry Excel's quote prefix.")
	void api(@PathVariable Long roundId, Locale locale, HttpServletResponse response) throws IOException {
		workbook(roundId, locale, response);
	}

	/**
	 * Written straight to the response in the request's thread: a national round takes
	 * longer than an asynchronous request may.
	 */
	private void workbook(Long roundId, Locale locale, HttpServletResponse response) throws IOException {
		this.assignments.assignment(roundId).orElseThrow(() -> new NotFoundException("assignment", roundId));
		ReviewRound round = this.campaigns.round(roundId);
		String name = this.campaigns.get(round.getCampaignId()).getCode() + "-round-" + round.getRoundNo()
				+ "-assignment.xlsx";
		response.setContentType(XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		this.export.write(roundId, locale, response.getOutputStream());
	}

}
