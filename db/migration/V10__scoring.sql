-- Scores and cuts (issue 4): how each round aggregates and settles ties, the figures of every method per
-- application, and the snapshot a confirmed cut freezes.

-- Per round: the aggregation method with its trim share and the reviews an expert needs to be normalised,
-- the standard deviation above which reviews disagree, the tie rule with its criteria (rubric positions,
-- "2,1"), and the threshold of the score-threshold rule. The defaults are how rounds always behaved.
ALTER TABLE review_round ADD COLUMN rule_threshold DECIMAL(9, 4);
ALTER TABLE review_round ADD COLUMN aggregation VARCHAR(20) DEFAULT 'MEAN' NOT NULL;
ALTER TABLE review_round ADD COLUMN trim_share DECIMAL(4, 3) DEFAULT 0.2 NOT NULL;
ALTER TABLE review_round ADD COLUMN min_reviews_per_expert INT DEFAULT 5 NOT NULL;
ALTER TABLE review_round ADD COLUMN disagreement_threshold DECIMAL(9, 4) DEFAULT 15 NOT NULL;
ALTER TABLE review_round ADD COLUMN tie_rule VARCHAR(20) DEFAULT 'TAKE_ALL' NOT NULL;
ALTER TABLE review_round ADD COLUMN tie_criteria VARCHAR(200) DEFAULT '' NOT NULL;
UPDATE review_round SET tie_rule = 'ORGANIZER' WHERE rule_type = 'CATEGORY_QUOTA';

-- Per application and round: every method's figure, the one ranked on, whether the experts disagree, whether
-- the tie at the line is left to the organizer, whether each method would propose it, and whether it sits
-- within one point of the line.
ALTER TABLE round_result ADD COLUMN trimmed_mean DECIMAL(12, 4);
ALTER TABLE round_result ADD COLUMN normalised_mean DECIMAL(12, 4);
ALTER TABLE round_result ADD COLUMN aggregate DECIMAL(12, 4);
ALTER TABLE round_result ADD COLUMN disputed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE round_result ADD COLUMN tie_open BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE round_result ADD COLUMN in_under_mean BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE round_result ADD COLUMN in_under_trimmed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE round_result ADD COLUMN in_under_zscore BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE round_result ADD COLUMN near_line BOOLEAN DEFAULT FALSE NOT NULL;

-- A round's latest ranking and, once its cut is confirmed, its frozen snapshot: the method asked for and the
-- one applied (the plain mean when no expert could be normalised), how many experts were normalised or kept
-- as given, the SHA-256 of the reviews ranked (review, expert, application, total, in review order) and of
-- the figures and decisions of every application at confirmation.
CREATE TABLE round_snapshot (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id           BIGINT       NOT NULL,
    aggregation        VARCHAR(20)  NOT NULL,
    applied            VARCHAR(20)  NOT NULL,
    experts_normalised INT          NOT NULL,
    experts_fallback   INT          NOT NULL,
    review_count       INT          NOT NULL,
    open_ties          INT          NOT NULL,
    inputs_hash        CHAR(64)     NOT NULL,
    figures_hash       CHAR(64),
    ranked_at          ${datetime}  NOT NULL,
    frozen_at          ${datetime},
    frozen_by          VARCHAR(60),
    CONSTRAINT uk_round_snapshot UNIQUE (round_id),
    CONSTRAINT fk_round_snapshot_round FOREIGN KEY (round_id) REFERENCES review_round (id)
);
