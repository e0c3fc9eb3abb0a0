package io.evalflow.submission;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * Removes what photos carry besides the picture: a JPEG's EXIF, XMP, IPTC and comment
 * segments, a PNG's text and EXIF chunks. Colour profiles and the image data stay as they
 * are; nothing is decoded.
 */
final class ImageMetadata {

	private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private static final byte[] XMP = "http://ns.adobe.com/".getBytes(StandardCharsets.ISO_8859_1);

	private static final Set<String> PNG_TEXT = Set.of("tEXt", "zTXt", "iTXt");

	private ImageMetadata() {
	}

	/**
	 * Keeps SOI, the JFIF (APP0), ICC (APP2) and Adobe (APP14) segments and everything
	 * from the start of scan on; drops every other APPn segment and comments.
	 */
	static ScrubbedFile jpeg(byte[] in) {
		Set<MetadataField> removed = EnumSet.noneOf(MetadataField.class);
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 2);
		int pos = 2;
		while (true) {
			if (pos + 4 > in.length || (in[pos] & 0xFF) != 0xFF) {
				return ScrubbedFile.failed(MetadataProblem.DAMAGED);
			}
			int marker = in[pos + 1] & 0xFF;
			if (marker == 0xFF) {
				pos++; // fill byte
				continue;
			}
			if (marker == 0xDA) { // start of scan: the rest is image data
				out.write(in, pos, in.length - pos);
				break;
			}
			int length = (in[pos + 2] & 0xFF) << 8 | (in[pos + 3] & 0xFF);
			if (length < 2 || pos + 2 + length > in.length) {
				return ScrubbedFile.failed(MetadataProblem.DAMAGED);
			}
			boolean app = marker >= 0xE0 && marker <= 0xEF;
			boolean keep = !app || marker == 0xE0 || marker == 0xE2 || marker == 0xEE;
			if (marker == 0xFE) {
				keep = false;
				removed.add(MetadataField.IMAGE_TEXT);
			}
			else if (!keep) {
				removed.add(kind(in, pos + 4, marker));
			}
			if (keep) {
				out.write(in, pos, 2 + length);
			}
			pos += 2 + length;
		}
		return ScrubbedFile.of(out.toByteArray(), removed);
	}

	private static MetadataField kind(byte[] in, int payload, int marker) {
		if (marker == 0xE1 && startsWith(in, payload, EXIF)) {
			return MetadataField.EXIF;
		}
		if (marker == 0xE1 && startsWith(in, payload, XMP)) {
			return MetadataField.XMP;
		}
		return MetadataField.IMAGE_TEXT;
	}

	/** Copies the chunks up to IEND, leaving out text and EXIF chunks. */
	static ScrubbedFile png(byte[] in) {
		Set<MetadataField> removed = EnumSet.noneOf(MetadataField.class);
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 8);
		int pos = 8;
		while (true) {
			if (pos + 12 > in.length) {
				return ScrubbedFile.failed(MetadataProblem.DAMAGED);
			}
			long length = ((long) (in[pos] & 0xFF) << 24) | (in[pos + 1] & 0xFF) << 16 | (in[pos + 2] & 0xFF) << 8
					| (in[pos + 3] & 0xFF);
			if (length > in.length - pos - 12) {
				return ScrubbedFile.failed(MetadataProblem.DAMAGED);
			}
			String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
			int chunk = 12 + (int) length;
			if (type.equals("eXIf")) {
				removed.add(MetadataField.EXIF);
			}
			else if (PNG_TEXT.contains(type)) {
				removed.add(MetadataField.IMAGE_TEXT);
			}
			else {
				out.write(in, pos, chunk);
			}
			pos += chunk;
			if (type.equals("IEND")) {
				break;
			}
		}
		return ScrubbedFile.of(out.toByteArray(), removed);
	}

	private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
		if (offset + prefix.length > data.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
