package io.evalflow.submission.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.evalflow.account.Unit;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.Attachment;
import io.evalflow.submission.MetadataField;
import io.evalflow.submission.MetadataProblem;
import io.evalflow.submission.MetadataStatus;

/**
 * An application as its applicant or an organizer sees it.
 */
record ApplicationView(Long id, Long campaignId, Long categoryId, String referenceNo, String title,
		ApplicantUnitView leadUnit, List<ApplicantUnitView> coApplicantUnits, String summary, String background,
		String practice, String innovation, String results, ApplicationStatus status, String ineligibleReason,
		int roundNo, boolean editable, Instant submittedAt, Instant withdrawnAt, Instant updatedAt,
		List<AttachmentView> attachments) {

	static ApplicationView of(Application a, Map<Long, Unit> units) {
		return new ApplicationView(a.getId(), a.getCampaignId(), a.getCategoryId(), a.getReferenceNo(), a.getTitle(),
				ApplicantUnitView.of(a.getLeadUnitId(), units),
				a.getCoApplicantUnitIds().stream().map(id -> ApplicantUnitView.of(id, units)).toList(), a.getSummary(),
				a.getBackground(), a.getPractice(), a.getInnovation(), a.getResults(), a.getStatus(),
				a.getIneligibleReason(), a.getRoundNo(), a.isEditable(), a.getSubmittedAt(), a.getWithdrawnAt(),
				a.getUpdatedAt(), a.getAttachments().stream().map(AttachmentView::of).toList());
	}

	record ApplicantUnitView(Long id, String name) {

		static ApplicantUnitView of(Long id, Map<Long, Unit> units) {
			Unit unit = units.get(id);
			return new ApplicantUnitView(id, (unit != null) ? unit.getName() : null);
		}

	}

	/**
	 * @param metadataStatus whether document properties were found and removed for blind
	 * rounds (CLEANED), none were found (NONE), or they could not be removed (FAILED: the
	 * file is withheld from blind rounds' experts)
	 * @param metadataRemoved the kinds of properties removed
	 * @param metadataProblem why they could not be removed
	 */
	record AttachmentView(Long id, String name, String contentType, long size, String sha256, Instant uploadedAt,
			MetadataStatus metadataStatus, List<MetadataField> metadataRemoved, MetadataProblem metadataProblem) {

		static AttachmentView of(Attachment a) {
			return new AttachmentView(a.getId(), a.getOriginalName(), a.getContentType(), a.getSizeBytes(),
					a.getSha256(), a.getUploadedAt(), a.getMetadataStatus(), a.getMetadataRemoved(),
					a.getMetadataProblem());
		}

	}

}
