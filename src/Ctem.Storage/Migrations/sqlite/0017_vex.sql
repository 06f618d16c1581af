-- VEX: every statement ever imported, triaged or suggested, as history (nothing is overwritten). A statement is bound
-- to a product by name or purl (product NULL: wherever its components occur); it applies to the findings it matches,
-- now or at later scans (pre-emptive VEX). content_sha256 + ordinal make a re-import of the same document a no-op.
CREATE TABLE vex_statements (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    source               TEXT NOT NULL,
    format               TEXT NOT NULL,
    document_id          TEXT NULL,
    content_sha256       TEXT NOT NULL,
    ordinal              INTEGER NOT NULL,
    product              TEXT NULL,
    finding_id           INTEGER NULL REFERENCES findings (id),
    vulnerability_id     TEXT NOT NULL,
    aliases_json         TEXT NOT NULL,
    targets_json         TEXT NOT NULL,
    state                TEXT NOT NULL,
    justification        TEXT NULL,
    format_justification TEXT NULL,
    detail               TEXT NULL,
    action_statement     TEXT NULL,
    responses_json       TEXT NOT NULL,
    evidence_json        TEXT NOT NULL,
    author               TEXT NULL,
    at                   TEXT NOT NULL,
    imported_at          TEXT NOT NULL,
    location             TEXT NULL,
    UNIQUE (content_sha256, ordinal)
);

CREATE INDEX ix_vex_statements_product ON vex_statements (product);

-- Which statements match which findings; the winner (latest timestamp, then latest stored) is denormalised onto the
-- finding so lists and counts can leave out what VEX closed.
CREATE TABLE finding_vex (
    finding_id   INTEGER NOT NULL REFERENCES findings (id),
    statement_id INTEGER NOT NULL REFERENCES vex_statements (id),
    PRIMARY KEY (finding_id, statement_id)
);

CREATE INDEX ix_finding_vex_statement ON finding_vex (statement_id);

ALTER TABLE findings ADD COLUMN vex_statement_id INTEGER NULL REFERENCES vex_statements (id);
ALTER TABLE findings ADD COLUMN vex_state TEXT NULL;

-- A change of a finding's VEX state is history too ('vex' events, with the statement that made it).
CREATE TABLE finding_events_v15 (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id        INTEGER NOT NULL REFERENCES findings (id),
    run_id            INTEGER NULL REFERENCES runs (id),
    at                TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('opened', 'resolved', 'reopened', 'priority', 'vex')),
    priority          TEXT NULL,
    previous_priority TEXT NULL,
    vex_statement_id  INTEGER NULL REFERENCES vex_statements (id),
    vex_state         TEXT NULL
);

INSERT INTO finding_events_v15 (id, finding_id, run_id, at, kind, priority, previous_priority)
    SELECT id, finding_id, run_id, at, kind, priority, previous_priority FROM finding_events;
DROP TABLE finding_events;
ALTER TABLE finding_events_v15 RENAME TO finding_events;
CREATE INDEX ix_finding_events_finding ON finding_events (finding_id);
CREATE INDEX ix_finding_events_run ON finding_events (run_id);
