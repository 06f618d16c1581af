-- Risk acceptance: every acceptance is kept; the one in force is linked from its finding until it expires or is
-- replaced. An accepted finding leaves the open list and --fail-on until then.
CREATE TABLE finding_acceptances (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id  BIGINT NOT NULL REFERENCES findings (id),
    reason      TEXT NOT NULL,
    until       TIMESTAMPTZ NOT NULL,
    accepted_by TEXT NOT NULL,
    accepted_at TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ NULL,
    ended_why   TEXT NULL CHECK (ended_why IN ('expired', 'replaced'))
);

CREATE INDEX ix_finding_acceptances_finding ON finding_acceptances (finding_id);
CREATE INDEX ix_finding_acceptances_active ON finding_acceptances (ended_at);

ALTER TABLE findings ADD COLUMN acceptance_id BIGINT NULL REFERENCES finding_acceptances (id);

-- Assignments and acceptances are history too: who, when, from and to (and why).
ALTER TABLE finding_events DROP CONSTRAINT finding_events_kind_check;
ALTER TABLE finding_events ADD CONSTRAINT finding_events_kind_check
    CHECK (kind IN ('opened', 'resolved', 'reopened', 'priority', 'vex', 'assigned', 'accepted', 'acceptance-expired'));
ALTER TABLE finding_events ADD COLUMN actor TEXT NULL;
ALTER TABLE finding_events ADD COLUMN from_value TEXT NULL;
ALTER TABLE finding_events ADD COLUMN to_value TEXT NULL;
ALTER TABLE finding_events ADD COLUMN reason TEXT NULL;
