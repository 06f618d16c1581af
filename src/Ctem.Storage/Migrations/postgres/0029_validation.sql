-- Validation evidence (ctem validate): every check outcome on a finding, kept as history; the latest per finding is
-- what the risk assessment and VEX suggestions read. Each one is also a 'validation' event of its finding (the
-- outcome in to_value, the check in reason).
CREATE TABLE validation_evidence (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id BIGINT NOT NULL REFERENCES findings (id),
    check_id   TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('validated', 'not-reproduced', 'error')),
    checked_at TIMESTAMPTZ NOT NULL,
    target     TEXT NOT NULL,
    detail     TEXT NOT NULL,
    excerpt    TEXT NULL,
    retest     BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX ix_validation_evidence_finding ON validation_evidence (finding_id, id);

ALTER TABLE finding_events DROP CONSTRAINT finding_events_kind_check;
ALTER TABLE finding_events ADD CONSTRAINT finding_events_kind_check
    CHECK (kind IN ('opened', 'resolved', 'reopened', 'priority', 'vex', 'assigned', 'accepted', 'acceptance-expired', 'validation'));
