package io.evalflow.submission;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An uploaded file. The bytes live in {@link AttachmentStorage} under {@code storedName},
 * never under the name the applicant gave.
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

}
