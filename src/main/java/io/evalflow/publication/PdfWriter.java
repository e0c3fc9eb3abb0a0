package io.evalflow.publication;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes text onto pages with the embedded CJK font: a cursor that moves down the page,
 * paragraphs wrapped by {@link LineBreaker} to the measure, a new page when the current
 * one is full. The font (Droid Sans Fallback, covering Chinese and Latin) is read from
 * the classpath once per JVM and embedded as a subset once per document, so a document
 * carries only the glyphs it uses.
 */
final class PdfWriter implements AutoCloseable {

	static final String FONT = "/fonts/DroidSansFallbackFull.ttf";

	private static volatile byte[] fontBytes;

	private final PDDocument document = new PDDocument();

	private final PDType0Font font;

	private final PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDRectangle size;

	private final float margin;

	/** The font and advance of each code point seen; {@link #NO_GLYPH} for none. */
	private final Map<Integer, Glyph> glyphs = new HashMap<>();

	private static final Glyph NO_GLYPH = new Glyph(null, -1);

	private PDPageContentStream content;

	private float y;

	PdfWriter(PDRectangle size, float margin) {
		this.size = size;
		this.margin = margin;
		try {
			this.font = PDType0Font.load(this.document, new ByteArrayInputStream(fontBytes()), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] fontBytes() throws IOException {
		byte[] bytes = fontBytes;
		if (bytes == null) {
			try (InputStream in = PdfWriter.class.getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IOException("font missing from the classpath: " + FONT);
				}
				bytes = in.readAllBytes();
			}
			fontBytes = bytes;
		}
		return bytes;
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
		return LineBreaker.wrap(text, measure, cp -> advance(cp) * fontSize / 1000f);
	}

	float textWidth(String text, float fontSize) {
		float w = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			w += advance(cp);
			i += Character.charCount(cp);
		}
		return w * fontSize / 1000f;
	}

	/** Writes one line at a position, with no wrapping. */
	void show(String text, float x, float baseline, float fontSize) {
		try {
			showRuns(this.content, text, x, baseline, fontSize);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sets the text in runs of one font each; the text is {@link #clean clean}. */
	private void showRuns(PDPageContentStream stream, String text, float x, float baseline, float fontSize)
			throws IOException {
		stream.beginText();
		stream.newLineAtOffset(x, baseline);
		PDFont current = null;
		StringBuilder run = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			PDFont font = glyph(cp).font();
			if (font != current && !run.isEmpty()) {
				stream.setFont(current, fontSize);
				stream.showText(run.toString());
				run.setLength(0);
			}
			current = font;
			run.appendCodePoint(cp);
			i += Character.charCount(cp);
		}
		if (!run.isEmpty()) {
			stream.setFont(current, fontSize);
			stream.showText(run.toString());
		}
		stream.endText();
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
	 * Text as the font can show it: control characters become spaces, a character the
	 * font has no glyph for becomes □, so an applicant's emoji cannot break the document.
	 */
	String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
			if (cp == '\n') {
				out.append('\n');
			}
			else if (Character.isISOControl(cp) || (Character.isWhitespace(cp) && cp != 0x3000)) {
				out.append(' ');
			}
			else if (advance(cp) < 0) {
				out.append('?');
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	private float advance(int cp) {
		return glyph(cp).advance();
	}

	/** The CJK font where it has the glyph, else Helvetica where it has it, else none. */
	private Glyph glyph(int cp) {
		return this.glyphs.computeIfAbsent(cp, c -> {
			String text = new String(Character.toChars(c));
			for (PDFont candidate : new PDFont[] { this.font, this.latin }) {
				try {
					candidate.encode(text);
					return new Glyph(candidate, candidate.getStringWidth(text));
				}
				catch (IOException | IllegalArgumentException | IllegalStateException noGlyph) {
					// try the next font
				}
			}
			return NO_GLYPH;
		});
	}

	/** A code point's font and its advance in font units (1/1000 of the size). */
	private record Glyph(PDFont font, float advance) {
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
				showRuns(footer, clean(label), (this.size.getWidth() - textWidth(label, fontSize)) / 2, this.margin / 2,
						fontSize);
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
