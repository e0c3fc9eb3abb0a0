package io.evalflow.review.expertimport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the cells of {@code <sheetData>}: {@code <row r>} holds {@code <c r t>} with
 * an optional {@code <f>} (formula), {@code <v>} (value or shared-string index) or
 * {@code <is>} (inline rich text; its phonetic runs {@code <rPh>} are not part of the
 * text).
 */
final class SheetXmlHandler extends DefaultHandler {

	private final SharedStrings strings;

	private final int maxDataRows;

	private final List<ExpertSheet.Row> rows = new ArrayList<>();

	private SortedMap<Integer, ExpertSheet.Cell> cells;

	private int rowNumber;

	private int column;

	private String type;

	private boolean formula;

	private boolean inValue;

	private boolean inInlineText;

	private boolean inPhonetic;

	private final StringBuilder value = new StringBuilder();

	private final StringBuilder inline = new StringBuilder();

	/** Stops the parse once the sheet has more rows than an import takes. */
	static final class TooManyRows extends SAXException {

	}

	SheetXmlHandler(SharedStrings strings, int maxDataRows) {
		this.strings = strings;
		this.maxDataRows = maxDataRows;
	}

	List<ExpertSheet.Row> rows() {
		return this.rows;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) {
		switch (name(localName, qName)) {
			case "row" -> {
				String r = attributes.getValue("r");
				this.rowNumber = (r != null) ? Integer.parseInt(r) : this.rowNumber + 1;
				this.cells = new TreeMap<>();
				this.column = -1;
			}
			case "c" -> {
				String r = attributes.getValue("r");
				int at = (r != null) ? columnOf(r) : -1;
				this.column = (at >= 0) ? at : this.column + 1;
				this.type = attributes.getValue("t");
				this.formula = false;
				this.value.setLength(0);
				this.inline.setLength(0);
			}
			case "f" -> this.formula = true;
			case "v" -> this.inValue = true;
			case "rPh" -> this.inPhonetic = true;
			case "t" -> this.inInlineText = !this.inPhonetic;
			default -> {
			}
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		switch (name(localName, qName)) {
			case "v" -> this.inValue = false;
			case "t" -> this.inInlineText = false;
			case "rPh" -> this.inPhonetic = false;
			case "c" -> endCell();
			case "row" -> endRow();
			default -> {
			}
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (this.inValue) {
			this.value.append(ch, start, length);
		}
		else if (this.inInlineText) {
			this.inline.append(ch, start, length);
		}
	}

	private void endCell() {
		boolean error = "e".equals(this.type);
		String text = switch ((this.type != null) ? this.type : "n") {
			case "s" -> this.strings.getItemAt(Integer.parseInt(this.value.toString().trim())).getString();
			case "inlineStr" -> this.inline.toString();
			case "b" -> "1".equals(this.value.toString().trim()) ? "TRUE" : "FALSE";
			case "n" -> number(this.value.toString().trim());
			default -> this.value.toString();
		};
		String trimmed = (text != null) ? text.strip() : "";
		if (!trimmed.isEmpty() || this.formula) {
			this.cells.put(this.column, new ExpertSheet.Cell(trimmed, this.formula, error));
		}
	}

	private void endRow() throws SAXException {
		if (this.cells.isEmpty()) {
			return;
		}
		this.rows.add(new ExpertSheet.Row(this.rowNumber, this.cells));
		if (this.rows.size() > this.maxDataRows + 1) {
			throw new TooManyRows();
		}
	}

	/** Numbers as typed: 20 rather than 20.0, 13800000000 rather than 1.38E10. */
	private static String number(String raw) {
		if (raw.isEmpty()) {
			return raw;
		}
		try {
			return new BigDecimal(raw).stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException ex) {
			return raw;
		}
	}

	private static int columnOf(String reference) {
		int index = 0;
		for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
			index = index * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
		}
		return index - 1;
	}

	private static String name(String localName, String qName) {
		return (localName != null && !localName.isEmpty()) ? localName : qName.substring(qName.indexOf(':') + 1);
	}

}
