package io.evalflow.submission;

/**
 * Where an attachment stands with its document properties (author, company, XMP, EXIF):
 * what a blind round's experts may be given.
 */
public enum MetadataStatus {

	/**
	 * Uploaded before files were checked; checked when a blind round first asks for it.
	 */
	UNCHECKED,

	/** Nothing to remove: experts get the file as uploaded. */
	NONE,

	/** Properties removed into a cleaned copy, which a blind round's experts get. */
	CLEANED,

	/**
	 * Could not be cleaned (encrypted, damaged, or properties left inside): withheld from
	 * a blind round's experts until the applicant replaces it.
	 */
	FAILED;

	public boolean withheldInBlindRounds() {
		return this == FAILED;
	}

}
