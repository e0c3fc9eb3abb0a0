package io.evalflow.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.evalflow.shared.DomainException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded files on disk under generated names, in a folder outside any static
 * path. Checks size and content before anything is stored.
 */
@Component
class AttachmentStorage {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	private final Path directory;

	AttachmentStorage(@Value("${evalflow.storage.directory}") Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	StoredFile store(byte[] content) {
		if (content.length == 0) {
			throw new DomainException("attachment.error.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new DomainException("attachment.error.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		ContentType type = detect(content).orElseThrow(() -> new DomainException("attachment.error.type"));
		String storedName = write(content, type);
		return new StoredFile(storedName, type, content.length, sha256(content));
	}

	/**
	 * Stores a file made from a checked upload (its copy without document properties)
	 * under a generated name of its own.
	 */
	String storeCopy(byte[] content, ContentType type) {
		return write(content, type);
	}

	byte[] read(String storedName) {
		try {
			return Files.readAllBytes(this.directory.resolve(storedName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String write(byte[] content, ContentType type) {
		String storedName = UUID.randomUUID().toString().replace("-", "") + type.extension();
		try {
			Files.createDirectories(this.directory);
			Path temp = Files.createTempFile(this.directory, "upload-", ".part");
			Files.write(temp, content);
			Files.move(temp, this.directory.resolve(storedName), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return storedName;
	}

	Resource load(String storedName) {
		return new FileSystemResource(this.directory.resolve(storedName));
	}

	void delete(String storedName) {
		try {
			Files.deleteIfExists(this.directory.resolve(storedName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Optional<ContentType> detect(byte[] content) {
		Optional<ContentType> sniffed = ContentType.sniff(content);
		if (sniffed.isPresent()) {
			return sniffed;
		}
		return isDocx(content) ? Optional.of(ContentType.DOCX) : Optional.empty();
	}

	/** A .docx is a ZIP holding {@code word/document.xml}; any other ZIP is refused. */
	private static boolean isDocx(byte[] content) {
		if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
			return false;
		}
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if ("word/document.xml".equals(entry.getName())) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] readAll(InputStream in) throws IOException {
		return in.readNBytes((int) MAX_BYTES + 1);
	}

	record StoredFile(String storedName, ContentType type, long size, String sha256) {

		String mimeType() {
			return this.type.mimeType();
		}

	}

}
