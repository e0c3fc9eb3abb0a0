package io.evalflow.submission;

import org.springframework.core.io.Resource;

/**
 * The bytes of an attachment as one reader is to get them, with their size and type.
 */
public record AttachmentFile(Resource content, long size, String contentType) {
}
