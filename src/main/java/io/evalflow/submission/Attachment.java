package io.evalflow.submission;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An uploaded file. The bytes live in {@link AttachmentStorage} under {@code storedName},
 * never under the name the applicant gave. Where the file carried document properties
 * that may name its authors (author, company, XMP, EXIF …), a copy without them lives
 * under {@code cleanStoredName}: what a blind round's experts get.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "application_id")
	private Application application;

	private String originalName;

	private String storedName;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private Instant uploadedAt;

	@Enumerated(EnumType.STRING)
	private MetadataStatus metadataStatus;

	/** The kinds of properties removed, comma-separated {@link MetadataField} names. */
	private String metadataRemoved;

	@Enumerated(EnumType.STRING)
	private MetadataProblem metadataProblem;

	private String cleanStoredName;

	private Long cleanSizeBytes;

	protected Attachment() {
	}

	Attachment(Application application, String originalName, String storedName, String contentType, long sizeBytes,
			String sha256, Instant uploadedAt) {
		this.application = application;
		this.originalName = originalName;
		this.storedName = storedName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.uploadedAt = uploadedAt;
		this.metadataStatus = MetadataStatus.UNCHECKED;
	}

	/**
	 * Records what checking the file's document properties gave.
	 * @param cleanStoredName where the cleaned copy is stored; only when properties were
	 * removed
	 */
	void metadataChecked(ScrubbedFile result, String cleanStoredName) {
		this.metadataStatus = result.status();
		this.metadataRemoved = result.removed().isEmpty() ? null
				: result.removed().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
		this.metadataProblem = result.problem();
		this.cleanStoredName = (result.status() == MetadataStatus.CLEANED) ? cleanStoredName : null;
		this.cleanSizeBytes = (result.status() == MetadataStatus.CLEANED) ? (long) result.cleaned().length : null;
	}

	public Long getId() {
		return this.id;
	}

	public Long getApplicationId() {
		return this.application.getId();
	}

	public String getOriginalName() {
		return this.originalName;
	}

	String getStoredName() {
		return this.storedName;
	}

	public String getContentType() {
		return this.contentType;
	}

	public long getSizeBytes() {
		return this.sizeBytes;
	}

	public String getSha256() {
		return this.sha256;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

	public MetadataStatus getMetadataStatus() {
		return this.metadataStatus;
	}

	/** The kinds of document properties removed from the copy for blind rounds. */
	public List<MetadataField> getMetadataRemoved() {
		if (this.metadataRemoved == null || this.metadataRemoved.isBlank()) {
			return List.of();
		}
		return Arrays.stream(this.metadataRemoved.split(",")).map(MetadataField::valueOf).sorted().toList();
	}

	/** Why the properties could not be removed; null unless the status is FAILED. */
	public MetadataProblem getMetadataProblem() {
		return this.metadataProblem;
	}

	String getCleanStoredName() {
		return this.cleanStoredName;
	}

	Long getCleanSizeBytes() {
		return this.cleanSizeBytes;
	}

	/** The stored files of this attachment: the upload and, if any, its cleaned copy. */
	Set<String> storedNames() {
		return (this.cleanStoredName != null) ? Set.of(this.storedName, this.cleanStoredName) : Set.of(this.storedName);
	}

}
