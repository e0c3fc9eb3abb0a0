package io.evalflow.review;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

	static final String PLACEHOLDER = "【申报单位】";

	@Test
	void replacesEveryNameWhereverItStands() {
		Redaction redaction = Redaction.of(List.of("示例市电子政务办公室", "赵敏"), PLACEHOLDER);

		assertThat(redaction.apply("示例市电子政务办公室：一网通办（联系人赵敏，示例市电子政务办公室供稿）")).isEqualTo("【申报单位】：一网通办（联系人【申报单位】，【申报单位】供稿）");
	}

	@Test
	void aUnitGoesWholeBeforeItsParentsNameInsideIt() {
		Redaction redaction = Redaction.of(List.of("示例省公安厅", "示例省公安厅交通管理局"), PLACEHOLDER);

		assertThat(redaction.apply("示例省公安厅交通管理局与示例省公安厅联合推进")).isEqualTo("【申报单位】与【申报单位】联合推进");
	}

	@Test
	void lettersMatchInAnyCaseAndSpacesInsideANameMatchAnySpacingOrNone() {
		Redaction redaction = Redaction.of(List.of("Acme Data Bureau", "示例市公安局民警 孙立"), "[applicant]");

		assertThat(redaction.apply("ACME DATA  bureau and acme\ndata bureau; 示例市公安局民警孙立"))
			.isEqualTo("[applicant] and [applicant]; [applicant]");
	}

	@Test
	void namesThatAreTooShortOrBlankAreLeftOutAndRegexCharactersAreLiteral() {
		Redaction redaction = Redaction.of(Arrays.asList("王", " ", null, "A.B+C (集团)"), PLACEHOLDER);

		assertThat(redaction.apply("王先生 AxB+C (集团) A.B+C (集团)")).isEqualTo("王先生 AxB+C (集团) 【申报单位】");
	}

	@Test
	void noNamesAndNullTextChangeNothing() {
		assertThat(Redaction.of(List.of(), PLACEHOLDER).isNone()).isTrue();
		assertThat(Redaction.none().apply("示例市电子政务办公室")).isEqualTo("示例市电子政务办公室");
		assertThat(Redaction.of(List.of("示例市"), PLACEHOLDER).apply(null)).isNull();
	}

	@Test
	void placeholderWithDollarSignsOrBackslashesIsInsertedAsIs() {
		assertThat(Redaction.of(List.of("示例市"), "$1\\x").apply("示例市")).isEqualTo("$1\\x");
	}

}
