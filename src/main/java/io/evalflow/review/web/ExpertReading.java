package io.evalflow.review.web;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.ApplicantIdentities;
import io.evalflow.review.Redaction;
import io.evalflow.review.Review;
import io.evalflow.shared.UserMessages;
import io.evalflow.submission.Application;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.AttachmentFile;
import io.evalflow.submission.SubmissionService;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What an expert is given to read, in one place for the screens and the API. In a blind
 * round: the applicant's names replaced in every text ({@link Redaction}), attachments
 * under neutral names ({@link AttachmentNames}) and without their document properties. In
 * an open round: everything as the applicant wrote and uploaded it.
 */
@Component
class ExpertReading {

	static final String PLACEHOLDER = "review.blind.placeholder";

	private final ApplicantIdentities identities;

	private final SubmissionService submissions;

	private final CampaignService campaigns;

	private final UserMessages messages;

	ExpertReading(ApplicantIdentities identities, SubmissionService submissions, CampaignService campaigns,
			UserMessages messages) {
		this.identities = identities;
		this.submissions = submissions;
		this.campaigns = campaigns;
		this.messages = messages;
	}

	Redaction redaction(ReviewRound round, Application application) {
		return round.isBlind() ? this.identities.redaction(application, this.messages.get(PLACEHOLDER))
				: Redaction.none();
	}

	/** Redactions of applications read in blind rounds, by application id. */
	Map<Long, Redaction> redactions(Collection<Application> inBlindRounds) {
		return this.identities.redactions(inBlindRounds, this.messages.get(PLACEHOLDER));
	}

	/**
	 * One attachment of the reviewed application, as a download: in a blind round its
	 * copy without document properties under a neutral name, refused where no such copy
	 * could be made.
	 */
	ResponseEntity<Resource> attachment(Review review, Long attachmentId) {
		boolean blind = this.campaigns.round(review.getRoundId()).isBlind();
		Application application = this.submissions.get(review.getApplicationId());
		Attachment attachment = application.attachment(attachmentId);
		AttachmentFile file = blind ? this.submissions.fileForBlindRound(application, attachmentId)
				: this.submissions.originalFile(application, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(AttachmentNames.forExpert(application, attachment, blind), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

}
