-- evalflow's own tables. Flowable creates and upgrades its ACT_* tables itself.
-- ${datetime} and ${text} are Flyway placeholders: H2 has no DATETIME, MySQL and MariaDB have no CLOB (see application*.yml).
-- Portable between H2 (plain mode), MySQL 8 and MariaDB 10.11.

CREATE TABLE org_unit (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    unit_type      VARCHAR(30)  NOT NULL,
    region         VARCHAR(60),
    parent_id      BIGINT,
    contact_person VARCHAR(60),
    email          VARCHAR(120),
    phone          VARCHAR(40),
    created_at     ${datetime}  NOT NULL,
    CONSTRAINT uk_org_unit_name UNIQUE (name),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
);

CREATE TABLE account (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(60)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    unit_id       BIGINT,
    enabled       BOOLEAN      NOT NULL,
    created_at    ${datetime}  NOT NULL,
    CONSTRAINT uk_account_username UNIQUE (username),
    CONSTRAINT fk_account_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

CREATE TABLE campaign (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                 VARCHAR(40)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    organizer            VARCHAR(200) NOT NULL,
    description          ${text},
    status               VARCHAR(30)  NOT NULL,
    submission_deadline  ${datetime}  NOT NULL,
    unranked_listing     BOOLEAN      NOT NULL,
    process_instance_id  VARCHAR(64),
    published_at         ${datetime},
    created_at           ${datetime}  NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT uk_campaign_code UNIQUE (code)
);

CREATE TABLE category (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id BIGINT       NOT NULL,
    code        VARCHAR(30)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    name_en     VARCHAR(100),
    quota       INT          NOT NULL,
    sort_order  INT          NOT NULL,
    CONSTRAINT uk_category_code UNIQUE (campaign_id, code),
    CONSTRAINT fk_category_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);

CREATE TABLE review_round (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id              BIGINT       NOT NULL,
    round_no                 INT          NOT NULL,
    name                     VARCHAR(60)  NOT NULL,
    name_en                  VARCHAR(60),
    round_type               VARCHAR(20)  NOT NULL,
    experts_per_application  INT          NOT NULL,
    review_days              INT          NOT NULL,
    blind                    BOOLEAN      NOT NULL,
    rule_type                VARCHAR(30)  NOT NULL,
    rule_count               INT,
    status                   VARCHAR(20)  NOT NULL,
    deadline                 ${datetime},
    opened_at                ${datetime},
    ranked_at                ${datetime},
    cut_confirmed_at         ${datetime},
    cut_confirmed_by         VARCHAR(60),
    cut_note                 VARCHAR(1000),
    version                  BIGINT       NOT NULL,
    CONSTRAINT uk_review_round_no UNIQUE (campaign_id, round_no),
    CONSTRAINT fk_review_round_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);

CREATE TABLE criterion (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id   BIGINT        NOT NULL,
    sort_order INT           NOT NULL,
    name       VARCHAR(60)   NOT NULL,
    name_en    VARCHAR(60),
    weight     DECIMAL(7, 3) NOT NULL,
    max_score  INT           NOT NULL,
    CONSTRAINT fk_criterion_round FOREIGN KEY (round_id) REFERENCES review_round (id)
);

CREATE TABLE application (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id          BIGINT       NOT NULL,
    category_id          BIGINT       NOT NULL,
    reference_no         VARCHAR(100),
    title                VARCHAR(200) NOT NULL,
    lead_unit_id         BIGINT       NOT NULL,
    created_by           BIGINT       NOT NULL,
    summary              ${text},
    background           ${text},
    practice             ${text},
    innovation           ${text},
    results              ${text},
    status               VARCHAR(20)  NOT NULL,
    ineligible_reason    VARCHAR(1000),
    round_no             INT          NOT NULL,
    synthetic            BOOLEAN      NOT NULL,
    process_instance_id  VARCHAR(64),
    submitted_at         ${datetime},
    withdrawn_at         ${datetime},
    created_at           ${datetime}  NOT NULL,
    updated_at           ${datetime}  NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT uk_application_reference UNIQUE (reference_no),
    CONSTRAINT fk_application_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_application_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT fk_application_lead_unit FOREIGN KEY (lead_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_application_created_by FOREIGN KEY (created_by) REFERENCES account (id)
);
CREATE INDEX ix_application_campaign_status ON application (campaign_id, status, category_id);
CREATE INDEX ix_application_lead_unit ON application (lead_unit_id);

CREATE TABLE application_co_unit (
    application_id BIGINT NOT NULL,
    unit_id        BIGINT NOT NULL,
    sort_order     INT    NOT NULL,
    PRIMARY KEY (application_id, unit_id),
    CONSTRAINT fk_co_unit_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_co_unit_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

CREATE TABLE attachment (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    original_name  VARCHAR(255) NOT NULL,
    stored_name    VARCHAR(64)  NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    uploaded_at    ${datetime}  NOT NULL,
    CONSTRAINT uk_attachment_stored UNIQUE (stored_name),
    CONSTRAINT fk_attachment_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE expert (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    unit_id     BIGINT       NOT NULL,
    region      VARCHAR(60),
    title       VARCHAR(100),
    load_cap    INT          NOT NULL,
    active      BOOLEAN      NOT NULL,
    synthetic   BOOLEAN      NOT NULL,
    created_at  ${datetime}  NOT NULL,
    CONSTRAINT uk_expert_account UNIQUE (account_id),
    CONSTRAINT fk_expert_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_expert_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

-- Expertise by category code, so one pool serves several campaigns that share category codes.
CREATE TABLE expert_category (
    expert_id     BIGINT      NOT NULL,
    category_code VARCHAR(30) NOT NULL,
    PRIMARY KEY (expert_id, category_code),
    CONSTRAINT fk_expert_category_expert FOREIGN KEY (expert_id) REFERENCES expert (id)
);

-- A review is one expert's assignment to score one application in one round, and what the expert wrote.
CREATE TABLE review (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id        VARCHAR(64),
    round_id       BIGINT       NOT NULL,
    application_id BIGINT       NOT NULL,
    expert_id      BIGINT       NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    assigned_at    ${datetime}  NOT NULL,
    due_at         ${datetime},
    comment_text   ${text},
    total          DECIMAL(9, 4),
    saved_at       ${datetime},
    submitted_at   ${datetime},
    version        BIGINT       NOT NULL,
    CONSTRAINT uk_review UNIQUE (round_id, application_id, expert_id),
    CONSTRAINT fk_review_round FOREIGN KEY (round_id) REFERENCES review_round (id),
    CONSTRAINT fk_review_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_review_expert FOREIGN KEY (expert_id) REFERENCES expert (id)
);
CREATE INDEX ix_review_expert ON review (expert_id, status);
CREATE INDEX ix_review_task ON review (task_id);

CREATE TABLE review_score (
    review_id     BIGINT        NOT NULL,
    criterion_id  BIGINT        NOT NULL,
    score         DECIMAL(7, 3) NOT NULL,
    PRIMARY KEY (review_id, criterion_id),
    CONSTRAINT fk_review_score_review FOREIGN KEY (review_id) REFERENCES review (id),
    CONSTRAINT fk_review_score_criterion FOREIGN KEY (criterion_id) REFERENCES criterion (id)
);

-- One row per application admitted to a round: progress while reviewing, the ranking afterwards.
CREATE TABLE round_result (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id         BIGINT        NOT NULL,
    application_id   BIGINT        NOT NULL,
    category_id      BIGINT        NOT NULL,
    reviews_complete BOOLEAN       NOT NULL,
    review_count     INT           NOT NULL,
    mean_total       DECIMAL(9, 4),
    std_dev          DECIMAL(9, 4),
    rank_overall     INT,
    rank_in_category INT,
    proposed         BOOLEAN       NOT NULL,
    tied_at_cut      BOOLEAN       NOT NULL,
    advanced         BOOLEAN,
    CONSTRAINT uk_round_result UNIQUE (round_id, application_id),
    CONSTRAINT fk_round_result_round FOREIGN KEY (round_id) REFERENCES review_round (id),
    CONSTRAINT fk_round_result_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_round_result_progress ON round_result (round_id, reviews_complete);
