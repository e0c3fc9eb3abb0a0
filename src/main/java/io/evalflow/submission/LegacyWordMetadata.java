package io.evalflow.submission;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.HPSFException;
import org.apache.poi.hpsf.PropertySet;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Removes a legacy Word (.doc, OLE2) file's property sets: the summary information
 * (author, last author, title, template …) and the document summary information (company,
 * manager, custom properties), by copying every other entry into a new container. Word
 * keeps one more list of who saved the file inside the document stream, which cannot be
 * rewritten here: when a removed name is still found in the cleaned file, the file counts
 * as not cleaned.
 */
final class LegacyWordMetadata {

	private static final String WORD_DOCUMENT = "WordDocument";

	/** The FIB's fEncrypted flag (MS-DOC 2.5.2, FibBase, bytes 10–11). */
	private static final int F_ENCRYPTED = 0x0100;

	private LegacyWordMetadata() {
	}

	static ScrubbedFile scrub(byte[] content) throws IOException, HPSFException {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
			DirectoryNode root = fs.getRoot();
			// An encrypted .docx travels inside an OLE2 container.
			if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage") || encryptedWord(root)) {
				return ScrubbedFile.failed(MetadataProblem.ENCRYPTED);
			}
			Set<MetadataField> removed = EnumSet.noneOf(MetadataField.class);
			List<String> names = new ArrayList<>();
			if (root.hasEntry(SummaryInformation.DEFAULT_STREAM_NAME)) {
				PropertySet set = PropertySetFactory.create(root, SummaryInformation.DEFAULT_STREAM_NAME);
				if (set instanceof SummaryInformation si) {
					found(si.getAuthor(), MetadataField.AUTHOR, removed, names);
					found(si.getLastAuthor(), MetadataField.LAST_MODIFIED_BY, removed, names);
					found(si.getTitle(), MetadataField.TITLE, removed, null);
					found(si.getSubject(), MetadataField.SUBJECT, removed, null);
					found(si.getKeywords(), MetadataField.KEYWORDS, removed, null);
					found(si.getComments(), MetadataField.DESCRIPTION, removed, null);
					found(si.getApplicationName(), MetadataField.SOFTWARE, removed, null);
					String template = si.getTemplate();
					if (template != null && !template.startsWith("Normal.dot")) {
						found(template, MetadataField.TEMPLATE, removed, null);
					}
				}
			}
			if (root.hasEntry(DocumentSummaryInformation.DEFAULT_STREAM_NAME)) {
				PropertySet set = PropertySetFactory.create(root, DocumentSummaryInformation.DEFAULT_STREAM_NAME);
				if (set instanceof DocumentSummaryInformation dsi) {
					found(dsi.getCompany(), MetadataField.COMPANY, removed, names);
					found(dsi.getManager(), MetadataField.MANAGER, removed, names);
					found(dsi.getCategory(), MetadataField.DESCRIPTION, removed, null);
					if (dsi.getCustomProperties() != null && !dsi.getCustomProperties().isEmpty()) {
						removed.add(MetadataField.CUSTOM);
					}
				}
			}
			if (removed.isEmpty()) {
				return ScrubbedFile.nothingFound();
			}
			byte[] cleaned = copyWithout(fs,
					List.of(SummaryInformation.DEFAULT_STREAM_NAME, DocumentSummaryInformation.DEFAULT_STREAM_NAME),
					content.length);
			if (names.stream().anyMatch(name -> contains(cleaned, name))) {
				return ScrubbedFile.failed(MetadataProblem.RESIDUAL);
			}
			return ScrubbedFile.of(cleaned, removed);
		}
	}

	/**
	 * A new container with every entry but the given ones: deleting entries in place
	 * would leave their bytes in the freed sectors.
	 */
	private static byte[] copyWithout(POIFSFileSystem source, List<String> left, int sizeHint) throws IOException {
		try (POIFSFileSystem copy = new POIFSFileSystem()) {
			copy.getRoot().setStorageClsid(source.getRoot().getStorageClsid());
			EntryUtils.copyNodes(source, copy, left);
			ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
			copy.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	private static boolean encryptedWord(DirectoryNode root) throws IOException {
		if (!root.hasEntry(WORD_DOCUMENT)) {
			return false;
		}
		try (InputStream in = root.createDocumentInputStream(WORD_DOCUMENT)) {
			byte[] fib = in.readNBytes(12);
			if (fib.length < 12 || (fib[0] & 0xFF) != 0xEC || (fib[1] & 0xFF) != 0xA5) {
				return false;
			}
			int flags = (fib[10] & 0xFF) | (fib[11] & 0xFF) << 8;
			return (flags & F_ENCRYPTED) != 0;
		}
	}

	/**
	 * Word stores its strings as UTF-16LE, or as single bytes when they are plain ASCII.
	 */
	private static boolean contains(byte[] data, String name) {
		if (indexOf(data, name.getBytes(StandardCharsets.UTF_16LE)) >= 0) {
			return true;
		}
		return StandardCharsets.US_ASCII.newEncoder().canEncode(name)
				&& indexOf(data, name.getBytes(StandardCharsets.US_ASCII)) >= 0;
	}

	static int indexOf(byte[] data, byte[] pattern) {
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

	private static void found(String value, MetadataField field, Set<MetadataField> removed, List<String> names) {
		if (value != null && !value.isBlank()) {
			removed.add(field);
			if (names != null && value.strip().length() >= 2) {
				names.add(value.strip());
			}
		}
	}

}
