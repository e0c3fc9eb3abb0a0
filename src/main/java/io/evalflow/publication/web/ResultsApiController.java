package io.evalflow.publication.web;

import java.util.List;

import io.evalflow.account.CurrentUser;
import io.evalflow.publication.PublicationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published results as JSON, open to anyone. The same rule as the pages: an
 * unpublished campaign is a 404 unless the caller is an organizer or admin signed in with
 * HTTP Basic.
 */
@RestController
@RequestMapping(path = "/api/v1/results", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Results", description = "Published results of campaigns: winners and finalists per category")
class ResultsApiController {

	private final PublicationService publication;

	ResultsApiController(PublicationService publication) {
		this.publication = publication;
	}

	@GetMapping
	@Operation(operationId = "listPublishedResults", summary = "List the campaigns whose results are published",
			description = "Most recently published first. No authentication needed.")
	List<PublishedCampaignDto> published() {
		return this.publication.publishedCampaigns().stream().map(PublishedCampaignDto::of).toList();
	}

	@GetMapping("/{code}")
	@Operation(operationId = "getResults", summary = "Get a campaign's results",
			description = "Per category, in the campaign's order: the winners and the finalists (winners included), "
					+ "each numbered from 1. When the campaign lists unranked (排名不分先后) the order is by applicant "
					+ "units (Chinese collation), then reference number; otherwise by the final round's rank. Joint "
					+ "applicants are joined with 、, lead unit first.")
	@ApiResponse(responseCode = "200", description = "The results")
	@ApiResponse(responseCode = "404",
			description = "No such campaign, or not published yet and the caller is not an organizer or admin",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResultsDto results(@Parameter(description = "The campaign's code") @PathVariable String code,
			@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser caller) {
		return ResultsDto.of(this.publication.results(code, caller));
	}

}
