-- The expert's workspace (issue 4): declared conflicts and declines with automatic replacement, places left vacant,
-- and reviews an organizer reopens.

-- A declined or recused review that no expert could take over keeps its task, unassigned, until the organizer
-- assigns someone by hand: the constraint that left nobody.
ALTER TABLE review ADD COLUMN vacant_binding VARCHAR(20);

-- An organizer sends a submitted review back to its expert: who, when and why.
ALTER TABLE review ADD COLUMN reopen_reason VARCHAR(500);
ALTER TABLE review ADD COLUMN reopened_by VARCHAR(60);
ALTER TABLE review ADD COLUMN reopened_at ${datetime};

-- A round's reviews by status, and each expert's load in the round: the progress page, a replacement's least
-- loaded expert, the vacant places.
CREATE INDEX ix_review_round_status ON review (round_id, status, expert_id);
