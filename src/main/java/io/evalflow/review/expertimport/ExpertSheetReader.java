package io.evalflow.review.expertimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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
			SheetXmlHandler handler = new SheetXmlHandler(strings, maxDataRows);
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(handler);
				parser.parse(new InputSource(sheet));
			}
			catch (SheetXmlHandler.TooManyRows ex) {
				throw ExpertImportRefused.because("expertimport.file.tooManyRows", maxDataRows);
			}
			return new ExpertSheet(handler.rows());
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

}
