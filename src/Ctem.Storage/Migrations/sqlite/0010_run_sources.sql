-- Runs per source. A product is fed by several CI jobs (backend lockfiles, a frontend SBOM, a container image), each
-- a source with its own runs: a run resolves only what the same source (and tool) reported before. Runs recorded
-- before this migration keep the tool's name as their source ("ctem-scan", "trivy", …).
ALTER TABLE runs ADD COLUMN tool TEXT NULL;
ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'scan' CHECK (kind IN ('scan', 'ingest', 'reanalysis'));
ALTER TABLE runs ADD COLUMN last_event_id INTEGER NULL;
UPDATE runs SET tool = source;
UPDATE runs SET kind = 'ingest' WHERE source <> 'ctem-scan';
UPDATE runs SET last_event_id = (SELECT MAX(e.id) FROM finding_events e WHERE e.run_id <= runs.id);

-- One row per (product, source, tool): its latest run, and the run whose inventory is the source's current one
-- (re-analysis matches new advisories against it).
CREATE TABLE sources (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id       INTEGER NOT NULL REFERENCES products (id),
    name             TEXT NOT NULL,
    tool             TEXT NOT NULL,
    inventory_run_id INTEGER NULL REFERENCES runs (id),
    last_run_id      INTEGER NOT NULL REFERENCES runs (id),
    UNIQUE (product_id, name, tool)
);

INSERT INTO sources (product_id, name, tool, inventory_run_id, last_run_id)
SELECT product_id, source, source, MAX(CASE WHEN source = 'ctem-scan' THEN id END), MAX(id)
FROM runs GROUP BY product_id, source;

-- The index from a package to the current inventories that hold it: re-analysis after an advisory import looks up
-- the affected (ecosystem, name) pairs here instead of walking every inventory. Only current inventories are
-- indexed, so a lookup does not grow with history.
CREATE TABLE current_packages (
    source_id INTEGER NOT NULL REFERENCES sources (id),
    ecosystem TEXT NOT NULL,
    name      TEXT NOT NULL,
    run_id    INTEGER NOT NULL,
    ordinal   INTEGER NOT NULL,
    PRIMARY KEY (source_id, run_id, ordinal)
);

CREATE INDEX ix_current_packages_key ON current_packages (ecosystem, name);

-- A finding's sources are (source, tool) pairs: one CI job may ingest several tools' reports under one source name.
CREATE TABLE finding_sources_v10 (
    finding_id       INTEGER NOT NULL REFERENCES findings (id),
    source           TEXT NOT NULL,
    tool             TEXT NOT NULL,
    first_run_id     INTEGER NOT NULL REFERENCES runs (id),
    last_run_id      INTEGER NOT NULL REFERENCES runs (id),
    active           INTEGER NOT NULL CHECK (active IN (0, 1)),
    reported_as_json TEXT NULL,
    PRIMARY KEY (finding_id, source, tool)
);

INSERT INTO finding_sources_v10 (finding_id, source, tool, first_run_id, last_run_id, active, reported_as_json)
SELECT finding_id, source, source, first_run_id, last_run_id, active, reported_as_json FROM finding_sources;
DROP TABLE finding_sources;
ALTER TABLE finding_sources_v10 RENAME TO finding_sources;

-- Priority changes are history too (a diff lists them); feed re-assessments change priorities outside any run.
CREATE TABLE finding_events_v10 (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id        INTEGER NOT NULL REFERENCES findings (id),
    run_id            INTEGER NULL REFERENCES runs (id),
    at                TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('opened', 'resolved', 'reopened', 'priority')),
    priority          TEXT NULL,
    previous_priority TEXT NULL
);

INSERT INTO finding_events_v10 (id, finding_id, run_id, at, kind) SELECT id, finding_id, run_id, at, kind FROM finding_events;
DROP TABLE finding_events;
ALTER TABLE finding_events_v10 RENAME TO finding_events;
CREATE INDEX ix_finding_events_finding ON finding_events (finding_id);
CREATE INDEX ix_finding_events_run ON finding_events (run_id);

ALTER TABLE findings ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
UPDATE findings SET reopen_count = (SELECT COUNT(*) FROM finding_events e WHERE e.finding_id = findings.id AND e.kind = 'reopened');

-- Provenance: which source supplied a finding's CVSS vector and severity (an advisory, or a tool's report).
ALTER TABLE findings ADD COLUMN cvss_source TEXT NULL;
ALTER TABLE findings ADD COLUMN severity_source TEXT NULL;
