-- A final quota lowered because its category has fewer finalists than places (issue 4): the category, the
-- final round it was lowered for, the quota before and after, why, by whom and when. The category's quota
-- column holds the quota now in force; these rows are its history.
CREATE TABLE quota_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id BIGINT        NOT NULL,
    category_id BIGINT        NOT NULL,
    round_id    BIGINT        NOT NULL,
    old_quota   INT           NOT NULL,
    new_quota   INT           NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    changed_by  VARCHAR(60)   NOT NULL,
    changed_at  ${datetime}   NOT NULL,
    CONSTRAINT fk_quota_change_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_quota_change_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT fk_quota_change_round FOREIGN KEY (round_id) REFERENCES review_round (id)
);
CREATE INDEX ix_quota_change_campaign ON quota_change (campaign_id);
