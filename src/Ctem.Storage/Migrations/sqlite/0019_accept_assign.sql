-- Risk acceptance: every acceptance is kept; the one in force is linked from its finding until it expires or is
-- replaced. An accepted finding leaves the open list and --fail-on until then.
CREATE TABLE finding_acceptances (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id  INTEGER NOT NULL REFERENCES findings (id),
    reason      TEXT NOT NULL,
    until       TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    ended_at    TEXT NULL,
    ended_why   TEXT NULL CHECK (ended_why IN ('expired', 'replaced'))
);

CREATE INDEX ix_finding_acceptances_finding ON finding_acceptances (finding_id);
CREATE INDEX ix_finding_acceptances_active ON finding_acceptances (ended_at);

ALTER TABLE findings ADD COLUMN acceptance_id INTEGER NULL REFERENCES finding_acceptances (id);

-- Assignments and acceptances are history too: who, when, from and to (and why). SQLite cannot widen a CHECK, so the
-- events table is rebuilt with the new kinds and columns.
CREATE TABLE finding_events_v19 (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id        INTEGER NOT NULL REFERENCES findings (id),
    run_id            INTEGER NULL REFERENCES runs (id),
    at                TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('opened', 'resolved', 'reopened', 'priority', 'vex', 'assigned', 'accepted', 'acceptance-expired')),
    priority          TEXT NULL,
    previous_priority TEXT NULL,
    vex_statement_id  INTEGER NULL REFERENCES vex_statements (id),
    vex_state         TEXT NULL,
    actor             TEXT NULL,
    from_value        TEXT NULL,
    to_value          TEXT NULL,
    reason            TEXT NULL
);

INSERT INTO finding_events_v19 (id, finding_id, run_id, at, kind, priority, previous_priority, vex_statement_id, vex_state)
    SELECT id, finding_id, run_id, at, kind, priority, previous_priority, vex_statement_id, vex_state FROM finding_events;
DROP TABLE finding_events;
ALTER TABLE finding_events_v19 RENAME TO finding_events;
CREATE INDEX ix_finding_events_finding ON finding_events (finding_id);
CREATE INDEX ix_finding_events_run ON finding_events (run_id);
