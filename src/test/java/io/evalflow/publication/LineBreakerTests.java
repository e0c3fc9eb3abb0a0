package io.evalflow.publication;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Line breaking with hand-counted widths: every Latin character 1 wide, every Han
 * character and CJK mark 2 wide.
 */
class LineBreakerTests {

	private static List<String> wrap(String text, double measure) {
		return LineBreaker.wrap(text, measure, cp -> (cp < 0x2E80) ? 1 : 2);
	}

	@Test
	void chineseBreaksBetweenAnyTwoCharacters() {
		assertThat(wrap("电子政务最佳实践评选", 8)).containsExactly("电子政务", "最佳实践", "评选");
	}

	@Test
	void latinWordsStayTogetherAndSpacesAreDroppedAtTheBreak() {
		assertThat(wrap("基于Java EE平台", 8)).containsExactly("基于Java", "EE平台");
		assertThat(wrap("cloud computing platform", 10)).containsExactly("cloud", "computing", "platform");
	}

	@Test
	void aWordWiderThanTheLineIsBrokenWhereItMust() {
		assertThat(wrap("http://www.example.gov.cn", 10)).containsExactly("http://www", ".example.g", "ov.cn");
	}

	@Test
	void aClosingMarkNeverStartsALineButHangs() {
		assertThat(wrap("电子政务，评选", 8)).containsExactly("电子政务，", "评选");
	}

	@Test
	void emptyTextIsOneEmptyLine() {
		assertThat(wrap("", 8)).containsExactly("");
	}

}
