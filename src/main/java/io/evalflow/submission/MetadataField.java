package io.evalflow.submission;

/**
 * The kinds of document properties that can name an applicant, as the applicant is told
 * they were removed ({@code attachment.metadata.field.*} in the bundles).
 */
public enum MetadataField {

	/** PDF Author, Word creator (作者). */
	AUTHOR,

	/** Word's last-modified-by (最后修改者). */
	LAST_MODIFIED_BY,

	COMPANY,

	MANAGER,

	TITLE,

	SUBJECT,

	KEYWORDS,

	/** Word's comments, category, content status, identifier. */
	DESCRIPTION,

	/** The software that made the file (PDF Creator and Producer, Word's application). */
	SOFTWARE,

	/** A Word template path, which often carries a user name. */
	TEMPLATE,

	/** Properties the author or the software added under their own names. */
	CUSTOM,

	/** XMP metadata packets, in the document or in its images. */
	XMP,

	/** Authors of comments, annotations and tracked changes. */
	REVIEWERS,

	/** A photo's EXIF block: camera, owner, place, time. */
	EXIF,

	/** Text chunks, IPTC and comments inside an image. */
	IMAGE_TEXT

}
