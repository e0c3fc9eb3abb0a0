package io.evalflow.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Breaks a paragraph into lines no wider than a measure, the way Chinese text is set:
 * every Han character (and every CJK punctuation mark) may end a line, while a run of
 * Latin letters and digits is kept together as a word unless it is wider than a whole
 * line; spaces are break opportunities and are dropped at a break. A closing mark
 * (，。、；：？！ and closing brackets) never starts a line: it hangs at the end of the previous
 * one (避头尾 in its simplest form). Plain Java; widths come from the caller.
 */
final class LineBreaker {

	private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’,.;:?!)]}%";

	private LineBreaker() {
	}

	/**
	 * @param text one paragraph (no line breaks)
	 * @param measure the line width, in the unit of {@code width}
	 * @param width the advance of a code point
	 * @return the lines, at least one (empty for empty text)
	 */
	static List<String> wrap(String text, double measure, IntToDoubleFunction width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		double lineWidth = 0;
		int i = 0;
		while (i < text.length()) {
			int end = tokenEnd(text, i);
			String token = text.substring(i, end);
			double tokenWidth = width(token, width);
			boolean space = token.codePointAt(0) == ' ';
			if (lineWidth + tokenWidth <= measure || hangs(token)) {
				if (!(space && line.isEmpty())) {
					line.append(token);
					lineWidth += tokenWidth;
				}
			}
			else if (space) {
				lines.add(line.toString().stripTrailing());
				line.setLength(0);
				lineWidth = 0;
			}
			else if (tokenWidth > measure) {
				// A word wider than a line is broken where it must be.
				for (int c = 0; c < token.length();) {
					int cp = token.codePointAt(c);
					double w = width.applyAsDouble(cp);
					if (lineWidth + w > measure && !line.isEmpty()) {
						lines.add(line.toString().stripTrailing());
						line.setLength(0);
						lineWidth = 0;
					}
					line.appendCodePoint(cp);
					lineWidth += w;
					c += Character.charCount(cp);
				}
			}
			else {
				lines.add(line.toString().stripTrailing());
				line.setLength(0);
				line.append(token);
				lineWidth = tokenWidth;
			}
			i = end;
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString().stripTrailing());
		}
		return lines;
	}

	/** Where the unbreakable token starting at {@code start} ends. */
	private static int tokenEnd(String text, int start) {
		int cp = text.codePointAt(start);
		int end = start + Character.charCount(cp);
		if (!wordPart(cp)) {
			return end;
		}
		while (end < text.length()) {
			int next = text.codePointAt(end);
			if (!wordPart(next)) {
				break;
			}
			end += Character.charCount(next);
		}
		return end;
	}

	/** Letters and digits of alphabetic scripts, and what joins them within a word. */
	private static boolean wordPart(int cp) {
		if (cp == ' ' || isCjk(cp)) {
			return false;
		}
		return Character.isLetterOrDigit(cp) || "-_./:@'&%#+".indexOf(cp) >= 0;
	}

	private static boolean isCjk(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
				|| (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
	}

	private static boolean hangs(String token) {
		return token.length() == 1 && NO_LINE_START.indexOf(token.charAt(0)) >= 0;
	}

	private static double width(String token, IntToDoubleFunction width) {
		double w = 0;
		for (int c = 0; c < token.length();) {
			int cp = token.codePointAt(c);
			w += width.applyAsDouble(cp);
			c += Character.charCount(cp);
		}
		return w;
	}

}
