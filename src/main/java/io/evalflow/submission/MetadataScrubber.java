package io.evalflow.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes out of an uploaded file the document properties that may name its authors or
 * their unit, so that a blind round's experts can be given a copy without them. A file
 * that cannot be parsed is reported, never thrown: the upload itself is kept.
 */
final class MetadataScrubber {

	private static final Logger log = LoggerFactory.getLogger(MetadataScrubber.class);

	private MetadataScrubber() {
	}

	static ScrubbedFile scrub(ContentType type, byte[] content) {
		try {
			return switch (type) {
				case PDF -> PdfMetadata.scrub(content);
				case DOCX -> WordMetadata.scrub(content);
				case DOC -> LegacyWordMetadata.scrub(content);
				case JPEG -> ImageMetadata.jpeg(content);
				case PNG -> ImageMetadata.png(content);
				// GIF carries no author or place; its comment blocks are rare and left.
				case GIF -> ScrubbedFile.nothingFound();
			};
		}
		catch (Exception | StackOverflowError ex) {
			// Parsers of broken or hostile files fail in many ways; each means "cannot
			// clean".
			log.info("Document properties of a {} upload could not be read: {}", type, ex.toString());
			return ScrubbedFile.failed(MetadataProblem.DAMAGED);
		}
	}

}
