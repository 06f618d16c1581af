-- VEX: every statement ever imported, triaged or suggested, as history (nothing is overwritten). A statement is bound
-- to a product by name or purl (product NULL: wherever its components occur); it applies to the findings it matches,
-- now or at later scans (pre-emptive VEX). content_sha256 + ordinal make a re-import of the same document a no-op.
CREATE TABLE vex_statements (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source               TEXT NOT NULL,
    format               TEXT NOT NULL,
    document_id          TEXT NULL,
    content_sha256       TEXT NOT NULL,
    ordinal              INTEGER NOT NULL,
    product              TEXT NULL,
    finding_id           BIGINT NULL REFERENCES findings (id),
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
    at                   TIMESTAMPTZ NOT NULL,
    imported_at          TIMESTAMPTZ NOT NULL,
    location             TEXT NULL,
    UNIQUE (content_sha256, ordinal)
);

CREATE INDEX ix_vex_statements_product ON vex_statements (product);

-- Which statements match which findings; the winner (latest timestamp, then latest stored) is denormalised onto the
-- finding so lists and counts can leave out what VEX closed.
CREATE TABLE finding_vex (
    finding_id   BIGINT NOT NULL REFERENCES findings (id),
    statement_id BIGINT NOT NULL REFERENCES vex_statements (id),
    PRIMARY KEY (finding_id, statement_id)
);

CREATE INDEX ix_finding_vex_statement ON finding_vex (statement_id);

ALTER TABLE findings ADD COLUMN vex_statement_id BIGINT NULL REFERENCES vex_statements (id);
ALTER TABLE findings ADD COLUMN vex_state TEXT NULL;

-- A change of a finding's VEX state is history too ('vex' events, with the statement that made it).
ALTER TABLE finding_events DROP CONSTRAINT finding_events_kind_check;
ALTER TABLE finding_events ADD CONSTRAINT finding_events_kind_check CHECK (kind IN ('opened', 'resolved', 'reopened', 'priority', 'vex'));
ALTER TABLE finding_events ADD COLUMN vex_statement_id BIGINT NULL REFERENCES vex_statements (id);
ALTER TABLE finding_events ADD COLUMN vex_state TEXT NULL;
