package io.evalflow.submission;

/**
 * Why an attachment's document properties could not be removed
 * ({@code attachment.metadata.problem.*} in the bundles).
 */
public enum MetadataProblem {

	/** Password-protected: its properties cannot be rewritten. */
	ENCRYPTED,

	/** The file could not be read as what its content says it is. */
	DAMAGED,

	/**
	 * A legacy Word (.doc) file still names its author after its property sets were
	 * removed (Word keeps a list of who saved it inside the document itself).
	 */
	RESIDUAL

}
