-- Validation evidence (ctem validate): every check outcome on a finding, kept as history; the latest per finding is
-- what the risk assessment and VEX suggestions read. Each one is also a 'validation' event of its finding (the
-- outcome in to_value, the check in reason); SQLite cannot widen a CHECK, so the events table is rebuilt.
CREATE TABLE validation_evidence (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id INTEGER NOT NULL REFERENCES findings (id),
    check_id   TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('validated', 'not-reproduced', 'error')),
    checked_at TEXT NOT NULL,
    target     TEXT NOT NULL,
    detail     TEXT NOT NULL,
    excerpt    TEXT NULL,
    retest     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX ix_validation_evidence_finding ON validation_evidence (finding_id, id);

CREATE TABLE finding_events_v27 (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id        INTEGER NOT NULL REFERENCES findings (id),
    run_id            INTEGER NULL REFERENCES runs (id),
    at                TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('opened', 'resolved', 'reopened', 'priority', 'vex', 'assigned', 'accepted', 'acceptance-expired', 'validation')),
    priority          TEXT NULL,
    previous_priority TEXT NULL,
    vex_statement_id  INTEGER NULL REFERENCES vex_statements (id),
    vex_state         TEXT NULL,
    actor             TEXT NULL,
    from_value        TEXT NULL,
    to_value          TEXT NULL,
    reason            TEXT NULL
);

INSERT INTO finding_events_v27 (id, finding_id, run_id, at, kind, priority, previous_priority, vex_statement_id, vex_state, actor, from_value, to_value, reason)
    SELECT id, finding_id, run_id, at, kind, priority, previous_priority, vex_statement_id, vex_state, actor, from_value, to_value, reason FROM finding_events;
DROP TABLE finding_events;
ALTER TABLE finding_events_v27 RENAME TO finding_events;
CREATE INDEX ix_finding_events_finding ON finding_events (finding_id);
CREATE INDEX ix_finding_events_run ON finding_events (run_id);
