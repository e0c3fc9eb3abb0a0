package io.evalflow.submission.web;

import java.util.List;

import io.evalflow.submission.ApplicationContent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An application's content as the API takes it: the screen's fields. Sections may stay
 * empty in a draft; submission needs them all.
 */
record ApplicationBody(@NotNull(message = "{submission.api.categoryId.required}") Long categoryId,
		@Schema(example = "“一站式”网上审批服务平台") @NotBlank(message = "{submission.api.title.required}") @Size(
				max = ApplicationContent.TITLE_MAX, message = "{submission.api.title.size}") String title,
		@Schema(description = "Names of the co-applicant units (联合申报单位)") @Size(max = 10,
				message = "{submission.api.coApplicantUnits.size}") List<@Size(max = 200,
						message = "{submission.api.coApplicantUnit.size}") String> coApplicantUnits,
		@Schema(description = "摘要") @Size(max = ApplicationContent.SECTION_MAX,
				message = "{submission.api.section.size}") String summary,
		@Schema(description = "背景") @Size(max = ApplicationContent.SECTION_MAX,
				message = "{submission.api.section.size}") String background,
		@Schema(description = "做法") @Size(max = ApplicationContent.SECTION_MAX,
				message = "{submission.api.section.size}") String practice,
		@Schema(description = "创新点") @Size(max = ApplicationContent.SECTION_MAX,
				message = "{submission.api.section.size}") String innovation,
		@Schema(description = "成效") @Size(max = ApplicationContent.SECTION_MAX,
				message = "{submission.api.section.size}") String results) {

	ApplicationContent toContent() {
		return new ApplicationContent(this.categoryId, this.title, this.coApplicantUnits, this.summary, this.background,
				this.practice, this.innovation, this.results);
	}

}
