-- Assignment done right (issue 3): conflicts of interest, caps, a replayable draw, a preview before release.

-- An expert from an applicant unit's region is in conflict, where the campaign says so.
ALTER TABLE campaign ADD COLUMN region_conflict BOOLEAN DEFAULT FALSE NOT NULL;
-- Experts who reviewed an application in an earlier round are not drawn for it again, where the round says so.
ALTER TABLE review_round ADD COLUMN exclude_earlier_experts BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE expert ADD COLUMN email VARCHAR(120);
-- Most reviews over all rounds of one campaign; NULL means only the per-round cap applies.
ALTER TABLE expert ADD COLUMN campaign_load_cap INT;

-- Conflicts an expert declared: with one application (on a task) or with a unit (in the profile).
CREATE TABLE expert_conflict (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    expert_id      BIGINT        NOT NULL,
    application_id BIGINT,
    unit_id        BIGINT,
    reason         VARCHAR(500),
    declared_at    ${datetime}   NOT NULL,
    CONSTRAINT fk_expert_conflict_expert FOREIGN KEY (expert_id) REFERENCES expert (id),
    CONSTRAINT fk_expert_conflict_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_expert_conflict_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);
CREATE INDEX ix_expert_conflict_expert ON expert_conflict (expert_id);

-- One row per round once its assignment is drawn: the seed (so the draw can be replayed), where the
-- proposal stands, and how far its release into review tasks has got.
CREATE TABLE round_assignment (
    round_id        BIGINT       PRIMARY KEY,
    seed            BIGINT       NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    application_count INT        NOT NULL,
    released_count  INT          NOT NULL,
    chunk_size      INT          NOT NULL,
    planned_at      ${datetime}  NOT NULL,
    confirmed_at    ${datetime},
    confirmed_by    VARCHAR(60),
    released_at     ${datetime},
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_round_assignment_round FOREIGN KEY (round_id) REFERENCES review_round (id)
);

-- Applications the draw left short, by how many, and the constraint that bound them.
CREATE TABLE assignment_shortfall (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id        BIGINT       NOT NULL,
    application_id  BIGINT       NOT NULL,
    missing         INT          NOT NULL,
    binding         VARCHAR(20)  NOT NULL,
    CONSTRAINT uk_assignment_shortfall UNIQUE (round_id, application_id),
    CONSTRAINT fk_assignment_shortfall_round FOREIGN KEY (round_id) REFERENCES review_round (id)
);

-- Manual assignments that override a conflict carry who decided and why; a declined or recused review
-- names the review that replaced it.
ALTER TABLE review ADD COLUMN override_reason VARCHAR(500);
ALTER TABLE review ADD COLUMN assigned_by VARCHAR(60);
ALTER TABLE review ADD COLUMN status_reason VARCHAR(500);
ALTER TABLE review ADD COLUMN replaced_by BIGINT;

-- The expert's inbox reads this table: open reviews of one expert, earliest deadline first.
CREATE INDEX ix_review_inbox ON review (expert_id, status, due_at);
