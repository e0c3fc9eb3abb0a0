package io.evalflow.submission;

import java.util.List;

/**
 * What an applicant writes: the category, the practice title, the co-applicant units (by
 * name) and the sections 摘要 / 背景 / 做法 / 创新点 / 成效.
 */
public record ApplicationContent(Long categoryId, String title, List<String> coApplicantUnits, String summary,
		String background, String practice, String innovation, String results) {

	public static final int TITLE_MAX = 200;

	public static final int SECTION_MAX = 20_000;

}
