-- The e-mail outbox (module notification): every message is stored here, in the transaction of the change that
-- caused it, before anything is sent. Portable between H2 (plain mode), MySQL 8 and MariaDB 10.11.
-- dedupe_key is VARCHAR(191): 191 × 4 bytes of utf8mb4 fit InnoDB's 767-byte index prefix on older row formats.

CREATE TABLE outbox_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    dedupe_key      VARCHAR(191)  NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    locale          VARCHAR(35)   NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    body            ${text}       NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at ${datetime}   NOT NULL,
    claimed_at      ${datetime},
    last_error      VARCHAR(1000),
    created_at      ${datetime}   NOT NULL,
    sent_at         ${datetime},
    CONSTRAINT uk_outbox_message_dedupe_key UNIQUE (dedupe_key)
);

-- The sender's poll: due PENDING messages in order, and SENDING claims gone stale.
CREATE INDEX ix_outbox_message_due ON outbox_message (status, next_attempt_at);
-- The organizer's list filtered by status, newest first (the unfiltered list walks the primary key).
CREATE INDEX ix_outbox_message_status_id ON outbox_message (status, id);
