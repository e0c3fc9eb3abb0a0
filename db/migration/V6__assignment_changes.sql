-- The organizer's changes to a proposed assignment (issue 3): add, remove, swap, each on record.

-- Every manual change with who, when and why; an override names the rules it broke. A removed
-- proposal row is deleted (it never reached the expert, and the unique place (round, application,
-- expert) must stay free for a later add), so this table is where the removal is remembered.
CREATE TABLE assignment_change (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id       BIGINT        NOT NULL,
    application_id BIGINT        NOT NULL,
    kind           VARCHAR(10)   NOT NULL,
    expert_id      BIGINT        NOT NULL,
    replacement_id BIGINT,
    overridden     VARCHAR(120),
    reason         VARCHAR(500),
    changed_by     VARCHAR(60)   NOT NULL,
    changed_at     ${datetime}   NOT NULL,
    CONSTRAINT fk_assignment_change_round FOREIGN KEY (round_id) REFERENCES review_round (id),
    CONSTRAINT fk_assignment_change_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_assignment_change_expert FOREIGN KEY (expert_id) REFERENCES expert (id),
    CONSTRAINT fk_assignment_change_replacement FOREIGN KEY (replacement_id) REFERENCES expert (id)
);
CREATE INDEX ix_assignment_change_round ON assignment_change (round_id, changed_at);

-- A place the organizer opens by removing an expert is short without a constraint binding it:
-- the binding becomes optional. H2 and MySQL share no syntax to drop NOT NULL, so the table is
-- rebuilt under its own name (constraint names are per schema, hence the new ones).
CREATE TABLE assignment_shortfall_v6 (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id        BIGINT       NOT NULL,
    application_id  BIGINT       NOT NULL,
    missing         INT          NOT NULL,
    binding         VARCHAR(20),
    CONSTRAINT uk_shortfall_place UNIQUE (round_id, application_id),
    CONSTRAINT fk_shortfall_round FOREIGN KEY (round_id) REFERENCES review_round (id)
);
INSERT INTO assignment_shortfall_v6 (round_id, application_id, missing, binding)
    SELECT round_id, application_id, missing, binding FROM assignment_shortfall;
DROP TABLE assignment_shortfall;
ALTER TABLE assignment_shortfall_v6 RENAME TO assignment_shortfall;
