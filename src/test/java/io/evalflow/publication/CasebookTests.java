package io.evalflow.publication;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The casebook's layout without a database: a table of contents over several pages still
 * points every case at the page it starts on, and every page after the cover is numbered.
 */
class CasebookTests {

	private static final Pattern ENTRY = Pattern.compile("^(第\\d+号案例：\\S+) (\\d+)$", Pattern.MULTILINE);

	@Test
	void everyContentsEntryPointsAtThePageWhereItsCaseStarts() throws IOException {
		CasebookContent content = SyntheticCasebook.content(60, 7);
		try (PDDocument document = Loader.loadPDF(Casebook.write(content))) {
			String contents = text(document, 2, 3);
			assertThat(contents).startsWith("目录");
			Matcher entry = ENTRY.matcher(contents);
			int entries = 0;
			while (entry.find()) {
				entries++;
				int page = Integer.parseInt(entry.group(2));
				String pageText = text(document, page, page);
				assertThat(pageText.lines().skip(1).findFirst()).as(entry.group(1)).hasValue(entry.group(1));
				assertThat(pageText).contains("— " + page + " —");
				if (page > 4) {
					assertThat(text(document, page - 1, page - 1)).doesNotContain(entry.group(1));
				}
			}
			assertThat(entries).as("contents over two pages").isEqualTo(60);
			assertThat(text(document, 4, 4)).doesNotContain("目录");
		}
	}

	private static String text(PDDocument document, int from, int to) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return stripper.getText(document);
	}

}
