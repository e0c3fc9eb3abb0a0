package io.evalflow.publication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one document. Chinese is set in Droid Sans Fallback, read from the
 * classpath once per JVM and embedded as a subset once per document, so a document
 * carries only the glyphs it uses. That font has no glyphs for ASCII letters, digits and
 * most Western punctuation: those are set in DejaVu Sans, embedded the same way, the font
 * switching run by run within a line. No text depends on a font of the reader's.
 */
final class PdfFonts {

	static final String CJK_FONT = "/fonts/DroidSansFallbackFull.ttf";

	static final String LATIN_FONT = "/fonts/DejaVuSans.ttf";

	private static final Glyph NO_GLYPH = new Glyph(null, -1);

	private static volatile byte[] cjkBytes;

	private static volatile byte[] latinBytes;

	private final PDType0Font cjk;

	private final PDType0Font latin;

	/** The font and advance of each code point seen; {@link #NO_GLYPH} for none. */
	private final Map<Integer, Glyph> glyphs = new HashMap<>();

	PdfFonts(PDDocument document) {
		try {
			this.cjk = PDType0Font.load(document, new ByteArrayInputStream(cjkBytes()), true);
			this.latin = PDType0Font.load(document, new ByteArrayInputStream(latinBytes()), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] cjkBytes() throws IOException {
		byte[] bytes = cjkBytes;
		if (bytes == null) {
			bytes = read(CJK_FONT);
			cjkBytes = bytes;
		}
		return bytes;
	}

	private static byte[] latinBytes() throws IOException {
		byte[] bytes = latinBytes;
		if (bytes == null) {
			bytes = read(LATIN_FONT);
			latinBytes = bytes;
		}
		return bytes;
	}

	private static byte[] read(String font) throws IOException {
		try (InputStream in = PdfFonts.class.getResourceAsStream(font)) {
			if (in == null) {
				throw new IOException("font missing from the classpath: " + font);
			}
			return in.readAllBytes();
		}
	}

	/**
	 * Text as the fonts can show it: control characters become spaces (line breaks kept),
	 * a character neither font has becomes {@code ?}, so an applicant's emoji cannot
	 * break the document.
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

	/** The advance of a code point in font units (1/1000 of the size); -1 for none. */
	float advance(int cp) {
		return glyph(cp).advance();
	}

	/** The width of a clean text at a size. */
	float width(String text, float fontSize) {
		float w = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			w += advance(cp);
			i += Character.charCount(cp);
		}
		return w * fontSize / 1000f;
	}

	/** Sets a clean text on one line, in runs of one font each. */
	void show(PDPageContentStream stream, String text, float x, float baseline, float fontSize) {
		try {
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
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The CJK font where it has the glyph, else DejaVu Sans where it has it, else none.
	 */
	private Glyph glyph(int cp) {
		return this.glyphs.computeIfAbsent(cp, c -> {
			String text = new String(Character.toChars(c));
			for (PDFont candidate : new PDFont[] { this.cjk, this.latin }) {
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

	/** A code point's font and its advance in font units. */
	private record Glyph(PDFont font, float advance) {
	}

}
