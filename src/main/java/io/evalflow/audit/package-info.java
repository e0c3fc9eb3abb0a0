/**
 * The audit log: every state change of a campaign (a submission, a withdrawal, an
 * eligibility decision, an assignment and its manual changes, a review submitted or
 * reopened, a cut and its override, a deadline extension, the publication, each organizer
 * decision) as an {@link io.evalflow.audit.AuditRecord} with who, when, what and why. The
 * module listens to the other modules' events and appends in the changing transaction
 * just before it commits, so a change that rolls back leaves no row and no change commits
 * without its row. Rows are chained by SHA-256 ({@link AuditHash});
 * {@link io.evalflow.audit.AuditChain#verify()} recomputes the chain and names the first
 * broken row. Owns the {@code audit_event} and {@code audit_head} tables, which nothing
 * but an append writes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package io.evalflow.audit;
