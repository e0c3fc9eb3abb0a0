package io.evalflow.publication;

import java.util.ArrayList;
import java.util.List;

import io.evalflow.publication.CasebookContent.Case;
import io.evalflow.publication.CasebookContent.CategoryCases;
import io.evalflow.publication.CasebookContent.Section;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Lays out the casebook (案例集) of a campaign's finalists as an A4 PDF: a cover, a table of
 * contents (category, then each case's title with its page number), and one section per
 * case, starting on a page of its own, with the title, the applicant units (lead unit
 * first), the category and the application's texts. Page numbers are in the footer of
 * every page but the cover.
 * <p>
 * The table of contents must list page numbers before the cases are set, and its own
 * length moves them: it is measured first (its lines wrapped at the same width they will
 * be set at), the cases are set after a gap of that many pages, and the contents pages,
 * written last, are moved into the gap.
 */
final class Casebook {

	private static final float MARGIN = 56;

	private static final float BODY = 10.5f;

	private static final float BODY_LEADING = 17;

	private static final float TOC_SIZE = 10.5f;

	private static final float TOC_LEADING = 18;

	private static final float PAGE_NO_WIDTH = 36;

	private Casebook() {
	}

	static byte[] write(CasebookContent content) {
		try (PdfWriter pdf = new PdfWriter(PDRectangle.A4, MARGIN)) {
			cover(pdf, content);
			int tocPages = tocPages(pdf, content);
			List<Integer> startPages = new ArrayList<>();
			for (CategoryCases category : content.categories()) {
				for (Case c : category.cases()) {
					pdf.newPage();
					startPages.add(pdf.pages() + tocPages);
					caseSection(pdf, content.labels(), c);
				}
			}
			int before = pdf.pages();
			toc(pdf, content, startPages);
			int written = pdf.pages() - before;
			if (written != tocPages) {
				throw new IllegalStateException("contents measured at " + tocPages + " pages, set on " + written);
			}
			pdf.moveLastPagesAfter(tocPages, 1);
			String format = content.labels().pageNumber();
			pdf.pageNumbers(2, n -> format.replace("%d", Integer.toString(n)), 9);
			return pdf.toBytes();
		}
	}

	private static void cover(PdfWriter pdf, CasebookContent content) {
		pdf.newPage();
		pdf.space(200, 0);
		pdf.centered(content.campaignName(), 22, 34);
		pdf.space(24, 0);
		pdf.centered(content.labels().title(), 30, 44);
		pdf.space(12, 0);
		pdf.centered(content.labels().subtitle(), 12, 20);
		pdf.space(220, 0);
		pdf.centered(content.organizer(), 14, 22);
		pdf.centered(content.date(), 12, 20);
	}

	/** The contents' lines, each a category heading or a case title with its page. */
	private static List<TocLine> tocLines(PdfWriter pdf, CasebookContent content, List<Integer> pages) {
		List<TocLine> lines = new ArrayList<>();
		int index = 0;
		float measure = pdf.width() - PAGE_NO_WIDTH - 16;
		for (CategoryCases category : content.categories()) {
			lines.add(new TocLine(category.name(), null, true));
			for (Case c : category.cases()) {
				List<String> wrapped = pdf.wrap(pdf.clean(c.title()).replace('\n', ' '), TOC_SIZE, measure);
				for (int i = 0; i < wrapped.size(); i++) {
					boolean last = i == wrapped.size() - 1;
					lines.add(new TocLine(wrapped.get(i), (last && pages != null) ? pages.get(index) : null, false));
				}
				index++;
			}
		}
		return lines;
	}

	private static int linesPerTocPage() {
		float firstPageHeading = 40;
		return (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN - firstPageHeading) / TOC_LEADING);
	}

	private static int tocPages(PdfWriter pdf, CasebookContent content) {
		int lines = tocLines(pdf, content, null).size();
		return Math.max(1, (lines + linesPerTocPage() - 1) / linesPerTocPage());
	}

	private static void toc(PdfWriter pdf, CasebookContent content, List<Integer> startPages) {
		int perPage = linesPerTocPage();
		int onPage = perPage;
		for (TocLine line : tocLines(pdf, content, startPages)) {
			if (onPage == perPage) {
				pdf.newPage();
				pdf.space(4, 0);
				pdf.centered(content.labels().contents(), 16, 36);
				onPage = 0;
			}
			float x = pdf.margin() + (line.heading() ? 0 : 16);
			pdf.space(TOC_LEADING, 0);
			float baseline = pdf.y() + 4;
			pdf.show(line.text(), x, baseline, line.heading() ? TOC_SIZE + 1 : TOC_SIZE);
			if (line.page() != null) {
				String page = Integer.toString(line.page());
				float right = pdf.margin() + pdf.width();
				pdf.show(page, right - pdf.textWidth(page, TOC_SIZE), baseline, TOC_SIZE);
			}
			onPage++;
		}
	}

	private static void caseSection(PdfWriter pdf, CasebookContent.Labels labels, Case c) {
		pdf.paragraph(c.category() + (c.winner() ? "  · " + labels.winner() : ""), 9, 14, 0);
		pdf.space(6, 0);
		pdf.paragraph(c.title(), 17, 26, 0);
		pdf.space(6, 0);
		pdf.paragraph(labels.units() + String.join("、", c.units()), BODY, BODY_LEADING, 0);
		pdf.paragraph(labels.category() + c.category(), BODY, BODY_LEADING, 0);
		pdf.paragraph(labels.referenceNo() + c.referenceNo(), BODY, BODY_LEADING, 0);
		pdf.space(8, 0);
		pdf.rule(0.5f);
		for (Section section : c.sections()) {
			pdf.space(14, 3 * BODY_LEADING);
			pdf.paragraph(section.heading(), 12.5f, 20, 0);
			pdf.space(2, 0);
			pdf.paragraph(section.text(), BODY, BODY_LEADING, 0);
		}
	}

	private record TocLine(String text, Integer page, boolean heading) {
	}

}
