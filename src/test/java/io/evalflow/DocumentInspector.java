package io.evalflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Looks for names in a downloaded file the ways a curious reader could: its raw bytes in
 * the usual encodings; for a PDF its document information, every decoded stream (XMP
 * packets, content) and every string object, and its extracted text; for a .docx every
 * part of the package, unzipped.
 */
public final class DocumentInspector {

	private DocumentInspector() {
	}

	/**
	 * Where in the file each of the names shows, as "name in place"; empty when none
	 * does.
	 */
	public static List<String> find(byte[] file, Collection<String> names) {
		List<String> found = new ArrayList<>();
		for (String name : names) {
			for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
				if (indexOf(file, name.getBytes(charset)) >= 0) {
					found.add(name + " in bytes (" + charset + ")");
				}
			}
		}
		if (startsWith(file, "%PDF-")) {
			pdf(file, names, found);
		}
		if (startsWith(file, "PK")) {
			zip(file, names, found);
		}
		return found;
	}

	private static void pdf(byte[] file, Collection<String> names, List<String> found) {
		try (PDDocument document = Loader.loadPDF(file)) {
			PDDocumentInformation info = document.getDocumentInformation();
			for (String key : info.getMetadataKeys()) {
				check(String.valueOf(info.getPropertyStringValue(key)), "PDF information " + key, names, found);
			}
			check(new PDFTextStripper().getText(document), "PDF text", names, found);
			for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
				COSObject object = document.getDocument().getObjectFromPool(key);
				COSBase base = object.getObject();
				if (base instanceof COSStream stream) {
					try (InputStream in = stream.createInputStream()) {
						check(new String(in.readAllBytes(), StandardCharsets.UTF_8), "PDF stream " + key, names, found);
					}
					catch (IOException ex) {
						// a stream with an unknown filter: its raw bytes were searched
						// above
					}
				}
				if (base instanceof COSDictionary dictionary) {
					for (COSBase value : dictionary.getValues()) {
						if (value instanceof COSString string) {
							check(string.getString(), "PDF string in object " + key, names, found);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			found.add("(the PDF could not be read: " + ex.getMessage() + ")");
		}
	}

	private static void zip(byte[] file, Collection<String> names, List<String> found) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				check(new String(zip.readAllBytes(), StandardCharsets.UTF_8), "part " + entry.getName(), names, found);
			}
		}
		catch (IOException ex) {
			found.add("(the package could not be read: " + ex.getMessage() + ")");
		}
	}

	private static void check(String text, String where, Collection<String> names, List<String> found) {
		for (String name : names) {
			if (text != null && text.contains(name)) {
				found.add(name + " in " + where);
			}
		}
	}

	private static boolean startsWith(byte[] file, String prefix) {
		byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
		return file.length >= head.length && java.util.Arrays.equals(file, 0, head.length, head, 0, head.length);
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
