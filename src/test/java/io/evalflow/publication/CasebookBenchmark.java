package io.evalflow.publication;

import java.io.IOException;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The casebook of the 2012 selection's size: 122 finalists, each with about 3,800
 * characters of application text in five sections, laid out, CJK font subset embedded and
 * saved. Run with {@code ./mvnw -Pbench test -Dtest=CasebookBenchmark}; prints
 * {@code BENCH} lines (median of 3 after a warm-up), asserts only correctness.
 */
class CasebookBenchmark {

	@Test
	void casebookOf122Finalists() throws IOException {
		CasebookContent content = SyntheticCasebook.content(122, 2012);
		Casebook.write(SyntheticCasebook.content(8, 1));
		double[] seconds = new double[3];
		byte[] pdf = null;
		for (int i = 0; i < seconds.length; i++) {
			long start = System.nanoTime();
			pdf = Casebook.write(content);
			seconds[i] = (System.nanoTime() - start) / 1e9;
		}
		Arrays.sort(seconds);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(122);
			System.out.printf("BENCH casebook_122 %.2f s%n", seconds[1]);
			System.out.printf("BENCH casebook_122_pages %d pages%n", document.getNumberOfPages());
			System.out.printf("BENCH casebook_122_size %.2f MB%n", pdf.length / 1024.0 / 1024.0);
		}
	}

}
