package io.evalflow.submission.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The application form: category, practice title, co-applicant units one per line, and
 * the sections 摘要 / 背景 / 做法 / 创新点 / 成效. Sections may stay empty in a draft; the service
 * asks for them on submission.
 */
class ApplicationForm {

	static final int CO_APPLICANTS_MAX = 2_000;

	@NotNull(message = "{submission.form.category.required}")
	private Long categoryId;

	@NotBlank(message = "{submission.form.title.required}")
	@Size(max = ApplicationContent.TITLE_MAX, message = "{submission.form.title.size}")
	private String title;

	@Size(max = CO_APPLICANTS_MAX, message = "{submission.form.coApplicantUnits.size}")
	private String coApplicantUnits;

	@Size(max = ApplicationContent.SECTION_MAX, message = "{submission.form.section.size}")
	private String summary;

	@Size(max = ApplicationContent.SECTION_MAX, message = "{submission.form.section.size}")
	private String background;

	@Size(max = ApplicationContent.SECTION_MAX, message = "{submission.form.section.size}")
	private String practice;

	@Size(max = ApplicationContent.SECTION_MAX, message = "{submission.form.section.size}")
	private String innovation;

	@Size(max = ApplicationContent.SECTION_MAX, message = "{submission.form.section.size}")
	private String results;

	static ApplicationForm of(Application application, Collection<String> coApplicantUnitNames) {
		ApplicationForm form = new ApplicationForm();
		form.categoryId = application.getCategoryId();
		form.title = application.getTitle();
		form.coApplicantUnits = String.join("\n", coApplicantUnitNames);
		form.summary = application.getSummary();
		form.background = application.getBackground();
		form.practice = application.getPractice();
		form.innovation = application.getInnovation();
		form.results = application.getResults();
		return form;
	}

	ApplicationContent toContent() {
		return new ApplicationContent(this.categoryId, this.title, coApplicantUnitNames(), this.summary,
				this.background, this.practice, this.innovation, this.results);
	}

	/** One unit per line; blank lines and repeats are dropped. */
	List<String> coApplicantUnitNames() {
		if (this.coApplicantUnits == null) {
			return List.of();
		}
		return Arrays.stream(this.coApplicantUnits.split("\\R"))
			.map(String::trim)
			.filter(name -> !name.isEmpty())
			.distinct()
			.toList();
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getCoApplicantUnits() {
		return this.coApplicantUnits;
	}

	public void setCoApplicantUnits(String coApplicantUnits) {
		this.coApplicantUnits = coApplicantUnits;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getBackground() {
		return this.background;
	}

	public void setBackground(String background) {
		this.background = background;
	}

	public String getPractice() {
		return this.practice;
	}

	public void setPractice(String practice) {
		this.practice = practice;
	}

	public String getInnovation() {
		return this.innovation;
	}

	public void setInnovation(String innovation) {
		this.innovation = innovation;
	}

	public String getResults() {
		return this.results;
	}

	public void setResults(String results) {
		this.results = results;
	}

}
