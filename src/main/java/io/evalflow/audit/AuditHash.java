package io.evalflow.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical form of an audit row and its SHA-256. The form is the version tag, then
 * each field in a fixed order as {@code <UTF-8 byte length>:<bytes>\n}, or {@code -\n}
 * for a missing one: no value can pass for another or spill into its neighbour. Numbers
 * are written in decimal, the time as ISO-8601 UTC to the second (times are kept to the
 * second, see {@link #truncate}). Only what both H2 and MariaDB store exactly goes in,
 * which {@link #clean} ensures before a row is written.
 */
public final class AuditHash {

	/** The {@code prev_hash} of the first row. */
	public static final String GENESIS = "0".repeat(64);

	static final String VERSION = "evalflow-audit-v1";

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
		.withZone(java.time.ZoneOffset.UTC);

	private AuditHash() {
	}

	/**
	 * The hash of the row's fields and its {@code prevHash}; its own hash is left out.
	 */
	public static String of(AuditRecord row) {
		return sha256(canonical(row));
	}

	static byte[] canonical(AuditRecord row) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		field(out, VERSION);
		field(out, Long.toString(row.seq()));
		field(out, (row.occurredAt() != null) ? INSTANT.format(row.occurredAt()) : null);
		field(out, row.actor());
		field(out, row.action());
		field(out, row.subjectType());
		field(out, (row.subjectId() != null) ? row.subjectId().toString() : null);
		field(out, (row.campaignId() != null) ? row.campaignId().toString() : null);
		field(out, row.reason());
		field(out, row.details());
		field(out, row.prevHash());
		return out.toByteArray();
	}

	private static void field(ByteArrayOutputStream out, String value) {
		if (value == null) {
			out.writeBytes("-\n".getBytes(StandardCharsets.US_ASCII));
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(bytes);
		out.write('\n');
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * The time as stored: whole seconds. TIMESTAMP(6) and DATETIME(6) keep more, but
	 * MySQL Connector/J drops the fraction when it takes MariaDB for MySQL 5.5, and a
	 * time that does not come back as written would not hash the same. The seq orders the
	 * rows.
	 */
	static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * The text as stored: at most {@code max} UTF-16 units (so also at most {@code max}
	 * characters, which is how both databases count a VARCHAR), never split inside a
	 * surrogate pair, and with any lone surrogate, which UTF-8 cannot carry, replaced by
	 * U+FFFD. A value the database would truncate or mangle would no longer hash the
	 * same.
	 */
	static String clean(String value, int max) {
		if (value == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(Math.min(value.length(), max));
		for (int i = 0; i < value.length() && clean.length() < max; i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				if (clean.length() + 2 > max) {
					break;
				}
				clean.append(c).append(value.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				clean.append('\uFFFD');
			}
			else {
				clean.append(c);
			}
		}
		return clean.toString();
	}

}
