package io.evalflow.review.expertimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX workbook as a stream of XML, so a large sheet costs
 * little memory, and keeps what the import must know of each cell: its text and whether
 * it is a formula. Anything that is not a readable XLSX workbook within the limits is
 * refused with one problem for the whole file.
 */
final class ExpertSheetReader {

	/** Far above an expert list of {@link ExpertImportCheck#MAX_ROWS} rows (~200 KB). */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/**
	 * What the workbook may unpack to; guards against archives built to expand without
	 * end.
	 */
	static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

	private ExpertSheetReader() {
	}

	/**
	 * @param maxDataRows the most non-empty rows below the header
	 */
	static ExpertSheet read(byte[] content, int maxDataRows) {
		if (content.length == 0) {
			throw ExpertImportRefused.because("expertimport.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw ExpertImportRefused.because("expertimport.file.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		FileMagic magic = FileMagic.valueOf(content);
		if (magic == FileMagic.OLE2 || magic.name().startsWith("BIFF")) {
			throw ExpertImportRefused.because("expertimport.file.oldExcel");
		}
		if (magic != FileMagic.OOXML) {
			throw ExpertImportRefused.because("expertimport.file.notXlsx");
		}
		checkUnpackedSize(content);
		OPCPackage workbook = null;
		try {
			workbook = OPCPackage.open(new ByteArrayInputStream(content));
			XSSFReader reader = new XSSFReader(workbook);
			SharedStrings strings = new ReadOnlySharedStringsTable(workbook, false);
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			if (!sheets.hasNext()) {
				throw ExpertImportRefused.because("expertimport.file.notXlsx");
			}
			SheetHandler handler = new SheetHandler(strings, maxDataRows);
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(handler);
				parser.parse(new InputSource(sheet));
			}
			catch (TooManyRows ex) {
				throw ExpertImportRefused.because("expertimport.file.tooManyRows", maxDataRows);
			}
			return new ExpertSheet(handler.rows);
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException ex) {
			throw ExpertImportRefused.because("expertimport.file.notXlsx");
		}
		catch (RuntimeException ex) {
			if (ex instanceof ExpertImportRefused refused) {
				throw refused;
			}
			// POI reports many kinds of malformed packages with unchecked exceptions.
			throw ExpertImportRefused.because("expertimport.file.notXlsx");
		}
		finally {
			if (workbook != null) {
				workbook.revert();
			}
		}
	}

	/** Unpacks the archive once, counting, before POI holds any part of it. */
	private static void checkUnpackedSize(byte[] content) {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
					total += n;
					if (total > MAX_UNPACKED_BYTES) {
						throw ExpertImportRefused.because("expertimport.file.tooLargeUnpacked",
								MAX_UNPACKED_BYTES / (1024 * 1024));
					}
				}
			}
		}
		catch (IOException ex) {
			throw ExpertImportRefused.because("expertimport.file.notXlsx");
		}
	}

	/** Stops the parse once the sheet has more rows than an import takes. */
	private static final class TooManyRows extends SAXException {

	}

	/**
	 * Collects the cells of {@code <sheetData>}: {@code <row r>} holds {@code <c r t>}
	 * with an optional {@code <f>} (formula), {@code <v>} (value or shared-string index)
	 * or {@code <is>} (inline rich text; its phonetic runs {@code <rPh>} are not part of
	 * the text).
	 */
	private static final class SheetHandler extends DefaultHandler {

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

		SheetHandler(SharedStrings strings, int maxDataRows) {
			this.strings = strings;
			this.maxDataRows = maxDataRows;
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

}
