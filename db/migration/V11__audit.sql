-- The audit log (issue 4, item 6): every state change as one row, chained by hash.
--
-- Append-only: evalflow has no statement that updates or deletes an audit_event row. A production database can
-- make that a rule of the database too, by running the application as a user without UPDATE and DELETE on it:
--   REVOKE UPDATE, DELETE ON evalflow.audit_event FROM 'evalflow'@'%';
-- (audit_head needs UPDATE: it is the chain's head pointer, rewritten on every append.)
--
-- hash = SHA-256 over the row's canonical form (io.evalflow.audit.AuditHash) including prev_hash, the hash of
-- the row before; seq numbers the rows 1, 2, 3 ... without gaps. occurred_at is UTC wall time in whole
-- seconds, which H2, MySQL and MariaDB return exactly as written through either driver.
CREATE TABLE audit_event (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    occurred_at  ${datetime}   NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    action_key   VARCHAR(60)   NOT NULL,
    subject_type VARCHAR(40)   NOT NULL,
    subject_id   BIGINT,
    campaign_id  BIGINT,
    reason       VARCHAR(1000),
    details      ${text},
    prev_hash    VARCHAR(64)   NOT NULL,
    hash         VARCHAR(64)   NOT NULL
);

CREATE INDEX ix_audit_event_campaign ON audit_event (campaign_id, seq);
CREATE INDEX ix_audit_event_subject ON audit_event (subject_type, subject_id);

-- One row: the last seq and its hash. An append locks it (SELECT ... FOR UPDATE), so two transactions never link
-- to the same predecessor; verification compares the chain's end with it, so rows cut off the end are noticed.
CREATE TABLE audit_head (
    id        INT          NOT NULL PRIMARY KEY,
    last_seq  BIGINT       NOT NULL,
    last_hash VARCHAR(64)  NOT NULL
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
