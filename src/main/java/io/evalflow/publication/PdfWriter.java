package io.evalflow.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes text onto pages: a cursor that moves down the page, paragraphs wrapped by
 * {@link LineBreaker} to the measure, a new page when the current one is full, page
 * numbers in the footers at the end. The fonts are {@link PdfFonts}'s: Chinese in the
 * embedded CJK font, Latin in embedded DejaVu Sans.
 */
final class PdfWriter implements AutoCloseable {

	private final PDDocument document = new PDDocument();

	private final PdfFonts fonts;

	private final PDRectangle size;

	private final float margin;

	private PDPageContentStream content;

	private float y;

	PdfWriter(PDRectangle size, float margin) {
		this.size = size;
		this.margin = margin;
		this.fonts = new PdfFonts(this.document);
	}

	PDDocument document() {
		return this.document;
	}

	float width() {
		return this.size.getWidth() - 2 * this.margin;
	}

	float margin() {
		return this.margin;
	}

	float y() {
		return this.y;
	}

	/** Starts a new page; the cursor is at the top margin. */
	void newPage() {
		closePage();
		PDPage page = new PDPage(this.size);
		this.document.addPage(page);
		try {
			this.content = new PDPageContentStream(this.document, page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.y = this.size.getHeight() - this.margin;
	}

	/** The number of pages so far. */
	int pages() {
		return this.document.getNumberOfPages();
	}

	/**
	 * Moves the cursor down; starts a new page if fewer than {@code needed} points
	 * remain.
	 */
	void space(float points, float needed) {
		this.y -= points;
		if (this.y - needed < this.margin) {
			newPage();
		}
	}

	/**
	 * Writes a paragraph wrapped to the measure (minus the indent), starting new pages as
	 * needed. Line breaks in the text start new lines.
	 */
	void paragraph(String text, float fontSize, float leading, float indent) {
		for (String part : clean(text).split("\n", -1)) {
			for (String line : wrap(part, fontSize, width() - indent)) {
				if (this.y - leading < this.margin) {
					newPage();
				}
				this.y -= leading;
				show(line, this.margin + indent, this.y + (leading - fontSize) / 2, fontSize);
			}
		}
	}

	/** A line centred on the page at the cursor, wrapped if it is too long. */
	void centered(String text, float fontSize, float leading) {
		for (String line : wrap(clean(text), fontSize, width())) {
			this.y -= leading;
			show(line, (this.size.getWidth() - textWidth(line, fontSize)) / 2, this.y + (leading - fontSize) / 2,
					fontSize);
		}
	}

	List<String> wrap(String text, float fontSize, float measure) {
		return LineBreaker.wrap(text, measure, cp -> this.fonts.advance(cp) * fontSize / 1000f);
	}

	float textWidth(String text, float fontSize) {
		return this.fonts.width(text, fontSize);
	}

	/** Text as the fonts can show it: see {@link PdfFonts#clean}. */
	String clean(String text) {
		return this.fonts.clean(text);
	}

	/** Writes one clean line at a position, with no wrapping. */
	void show(String text, float x, float baseline, float fontSize) {
		this.fonts.show(this.content, text, x, baseline, fontSize);
	}

	/** A horizontal rule across the measure at the cursor. */
	void rule(float lineWidth) {
		try {
			this.content.setLineWidth(lineWidth);
			this.content.moveTo(this.margin, this.y);
			this.content.lineTo(this.size.getWidth() - this.margin, this.y);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A rectangle's outline, inset from the page edge. */
	void frame(float inset, float lineWidth) {
		try {
			this.content.setLineWidth(lineWidth);
			this.content.addRect(inset, inset, this.size.getWidth() - 2 * inset, this.size.getHeight() - 2 * inset);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes the page numbers into the footers of pages {@code from} (1-based) to the
	 * end.
	 */
	void pageNumbers(int from, IntFunction<String> format, float fontSize) {
		closePage();
		int number = 0;
		for (PDPage page : this.document.getPages()) {
			number++;
			if (number < from) {
				continue;
			}
			String label = format.apply(number);
			try (PDPageContentStream footer = new PDPageContentStream(this.document, page,
					PDPageContentStream.AppendMode.APPEND, true, true)) {
				this.fonts.show(footer, clean(label), (this.size.getWidth() - textWidth(label, fontSize)) / 2,
						this.margin / 2, fontSize);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Moves the last {@code count} pages to follow page {@code after} (1-based): a table
	 * of contents written once the page numbers it lists are known.
	 */
	void moveLastPagesAfter(int count, int after) {
		closePage();
		PDPageTree pages = this.document.getPages();
		PDPage anchor = pages.get(after - 1);
		int total = pages.getCount();
		List<PDPage> moved = new ArrayList<>();
		for (int i = total - count; i < total; i++) {
			moved.add(pages.get(i));
		}
		for (PDPage page : moved) {
			pages.remove(page);
		}
		for (PDPage page : moved) {
			pages.insertAfter(page, anchor);
			anchor = page;
		}
	}

	/** Ends the open page, so pages may be moved or appended to. */
	void closePage() {
		if (this.content != null) {
			try {
				this.content.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.content = null;
		}
	}

	byte[] toBytes() {
		closePage();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			this.document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			closePage();
			this.document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
