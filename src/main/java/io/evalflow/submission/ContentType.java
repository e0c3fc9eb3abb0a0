package io.evalflow.submission;

import java.util.Optional;

/**
 * The file kinds an application may carry, recognised by their first bytes, never by name
 * or by what the browser claims.
 */
enum ContentType {

	PDF("application/pdf", ".pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
	DOC("application/msword", ".doc"), PNG("image/png", ".png"), JPEG("image/jpeg", ".jpg"), GIF("image/gif", ".gif");

	private final String mimeType;

	private final String extension;

	ContentType(String mimeType, String extension) {
		this.mimeType = mimeType;
		this.extension = extension;
	}

	String mimeType() {
		return this.mimeType;
	}

	String extension() {
		return this.extension;
	}

	static ContentType ofMimeType(String mimeType) {
		for (ContentType type : values()) {
			if (type.mimeType.equals(mimeType)) {
				return type;
			}
		}
		throw new IllegalArgumentException("not an accepted type: " + mimeType);
	}

	static Optional<ContentType> sniff(byte[] head) {
		if (startsWith(head, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
			return Optional.of(PDF);
		}
		if (startsWith(head, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0x47, 0x49, 0x46, 0x38)) { // GIF8
			return Optional.of(GIF);
		}
		if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) { // OLE2:
																				// Word
																				// 97-2003
			return Optional.of(DOC);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] data, int... prefix) {
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((data[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
