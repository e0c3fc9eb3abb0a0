-- Deadlines and reminders (issue: deadlines in the BPMN).

-- A reminder or an overdue notice, recorded once per review and per due date before anyone is told: the
-- engine may run the chase twice, the unique key makes the second run find it done. An extension moves
-- the due date, so the review may be reminded again for the new one.
CREATE TABLE review_notice (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    review_id   BIGINT       NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    due_at      ${datetime}  NOT NULL,
    recorded_at ${datetime}  NOT NULL,
    CONSTRAINT uk_review_notice UNIQUE (review_id, kind, due_at),
    CONSTRAINT fk_review_notice_review FOREIGN KEY (review_id) REFERENCES review (id)
);

-- Every extension an organizer grants, with its reason: for one expert's open reviews in a round, or (no
-- expert) for the whole round.
CREATE TABLE deadline_extension (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id     BIGINT        NOT NULL,
    expert_id    BIGINT,
    due_at       ${datetime}   NOT NULL,
    previous_due ${datetime},
    review_count INT           NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    extended_by  VARCHAR(60)   NOT NULL,
    extended_at  ${datetime}   NOT NULL,
    CONSTRAINT fk_deadline_extension_round FOREIGN KEY (round_id) REFERENCES review_round (id),
    CONSTRAINT fk_deadline_extension_expert FOREIGN KEY (expert_id) REFERENCES expert (id)
);
CREATE INDEX ix_deadline_extension_round ON deadline_extension (round_id, extended_at);

-- The chase and the overdue list read a round's open reviews by due date.
CREATE INDEX ix_review_round_due ON review (round_id, status, due_at);
