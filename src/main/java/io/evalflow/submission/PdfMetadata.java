package io.evalflow.submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Removes a PDF's document information (Author, Title, Creator, custom keys …), every XMP
 * packet (the document's and its pages' and images'), applications' private data
 * (PieceInfo) and the authors of comments, and writes the document anew, so no earlier
 * revision keeps them.
 */
final class PdfMetadata {

	/** Information keys that are dates or flags, nothing to report. */
	private static final Set<String> PLAIN = Set.of("CreationDate", "ModDate", "Trapped");

	private static final Set<String> STANDARD = Set.of("Author", "Title", "Subject", "Keywords", "Creator", "Producer");

	/** Annotation subtypes that carry an author in /T (PDF 32000, 12.5.6.2). */
	private static final Set<String> MARKUP = Set.of("Text", "FreeText", "Line", "Square", "Circle", "Polygon",
			"PolyLine", "Highlight", "Underline", "Squiggly", "StrikeOut", "Stamp", "Caret", "Ink", "FileAttachment",
			"Sound", "Redact");

	private PdfMetadata() {
	}

	static ScrubbedFile scrub(byte[] content) throws IOException {
		try (PDDocument document = Loader.loadPDF(content)) {
			if (document.isEncrypted()) {
				return ScrubbedFile.failed(MetadataProblem.ENCRYPTED);
			}
			Set<MetadataField> removed = EnumSet.noneOf(MetadataField.class);
			information(document, removed);
			walk(document.getDocument().getTrailer(), removed);
			if (removed.isEmpty()) {
				return ScrubbedFile.nothingFound();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
			document.save(out);
			return ScrubbedFile.of(out.toByteArray(), removed);
		}
		catch (InvalidPasswordException ex) {
			return ScrubbedFile.failed(MetadataProblem.ENCRYPTED);
		}
	}

	private static void information(PDDocument document, Set<MetadataField> removed) {
		COSDictionary trailer = document.getDocument().getTrailer();
		if (!trailer.containsKey(COSName.INFO)) {
			return;
		}
		PDDocumentInformation info = document.getDocumentInformation();
		found(info.getAuthor(), MetadataField.AUTHOR, removed);
		found(info.getTitle(), MetadataField.TITLE, removed);
		found(info.getSubject(), MetadataField.SUBJECT, removed);
		found(info.getKeywords(), MetadataField.KEYWORDS, removed);
		found(info.getCreator(), MetadataField.SOFTWARE, removed);
		found(info.getProducer(), MetadataField.SOFTWARE, removed);
		for (String key : info.getMetadataKeys()) {
			if (!PLAIN.contains(key) && !STANDARD.contains(key)) {
				removed.add(MetadataField.CUSTOM);
			}
		}
		trailer.removeItem(COSName.INFO);
	}

	/**
	 * Visits every object reachable from the trailer once, also dictionaries written
	 * inline, and removes what names people or their software.
	 */
	private static void walk(COSBase root, Set<MetadataField> removed) {
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> todo = new ArrayDeque<>();
		todo.push(root);
		while (!todo.isEmpty()) {
			COSBase next = todo.pop();
			if (next instanceof COSObject reference) {
				next = reference.getObject();
			}
			if (next == null || !seen.add(next)) {
				continue;
			}
			if (next instanceof COSDictionary dictionary) {
				clean(dictionary, removed);
				dictionary.getValues().forEach(todo::push);
			}
			else if (next instanceof COSArray array) {
				array.forEach(todo::push);
			}
		}
	}

	private static void clean(COSDictionary dictionary, Set<MetadataField> removed) {
		if (dictionary.containsKey(COSName.METADATA)) {
			dictionary.removeItem(COSName.METADATA);
			removed.add(MetadataField.XMP);
		}
		if (dictionary.containsKey(COSName.PIECE_INFO)) {
			dictionary.removeItem(COSName.PIECE_INFO);
			removed.add(MetadataField.CUSTOM);
		}
		String subtype = dictionary.getNameAsString(COSName.SUBTYPE);
		if (subtype != null && MARKUP.contains(subtype) && dictionary.containsKey(COSName.RECT)
				&& dictionary.getString(COSName.T) != null) {
			dictionary.removeItem(COSName.T);
			removed.add(MetadataField.REVIEWERS);
		}
	}

	private static void found(String value, MetadataField field, Set<MetadataField> removed) {
		if (value != null && !value.isBlank()) {
			removed.add(field);
		}
	}

}
