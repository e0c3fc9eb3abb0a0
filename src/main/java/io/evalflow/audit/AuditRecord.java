package io.evalflow.audit;

import java.time.Instant;

/**
 * One row of the audit log, as stored.
 *
 * @param seq its place in the chain, from 1 without gaps
 * @param occurredAt when the change committed, to the second
 * @param actor the user name of who made the change, or {@code system} for the engine's
 * own jobs
 * @param action what happened, e.g. {@code application.submitted}
 * @param subjectType the kind of thing that changed, e.g. {@code application}
 * @param subjectId its id
 * @param campaignId the campaign it belongs to, where there is one
 * @param reason why, as the actor gave it
 * @param details the rest of what changed, as JSON
 * @param prevHash the hash of the row before ({@link AuditHash#GENESIS} for the first)
 * @param hash this row's hash
 */
public record AuditRecord(long seq, Instant occurredAt, String actor, String action, String subjectType, Long subjectId,
		Long campaignId, String reason, String details, String prevHash, String hash) {

	/** Whether the stored hash is the one this row's fields give. */
	public boolean hashMatches() {
		return AuditHash.of(this).equals(this.hash);
	}

}
