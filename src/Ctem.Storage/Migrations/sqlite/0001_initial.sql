-- Timestamps are ISO-8601 text in UTC ("O" format), so text order is time order.
CREATE TABLE advisories (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,
    modified      TEXT NOT NULL,
    published     TEXT NULL,
    withdrawn     TEXT NULL,
    summary       TEXT NULL,
    severity      TEXT NULL,
    aliases_json  TEXT NOT NULL,
    related_json  TEXT NOT NULL,
    severity_json TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE advisory_packages (
    advisory_id   TEXT NOT NULL REFERENCES advisories (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    ecosystem     TEXT NOT NULL,
    name          TEXT NOT NULL,
    affected_json TEXT NOT NULL,
    PRIMARY KEY (advisory_id, ordinal)
);

CREATE INDEX ix_advisory_packages_key ON advisory_packages (ecosystem, name);

CREATE TABLE advisory_aliases (
    alias       TEXT NOT NULL,
    advisory_id TEXT NOT NULL REFERENCES advisories (id) ON DELETE CASCADE,
    PRIMARY KEY (advisory_id, alias)
);

CREATE INDEX ix_advisory_aliases_alias ON advisory_aliases (alias);

CREATE TABLE products (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE runs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id      INTEGER NOT NULL REFERENCES products (id),
    product_version TEXT NULL,
    source          TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    finished_at     TEXT NOT NULL,
    inputs_json     TEXT NOT NULL,
    component_count INTEGER NOT NULL,
    finding_count   INTEGER NOT NULL,
    new_count       INTEGER NOT NULL,
    reopened_count  INTEGER NOT NULL,
    resolved_count  INTEGER NOT NULL
);

CREATE INDEX ix_runs_product ON runs (product_id);

CREATE TABLE run_components (
    run_id           INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    purl             TEXT NULL,
    ecosystem        TEXT NULL,
    name             TEXT NOT NULL,
    version          TEXT NULL,
    bom_ref          TEXT NULL,
    location_path    TEXT NOT NULL,
    location_pointer TEXT NULL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE findings (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id          INTEGER NOT NULL REFERENCES products (id),
    finding_key         TEXT NOT NULL,
    component_purl      TEXT NOT NULL,
    ecosystem           TEXT NULL,
    package_name        TEXT NOT NULL,
    version             TEXT NULL,
    vulnerability_id    TEXT NOT NULL,
    aliases_json        TEXT NOT NULL,
    advisory_ids_json   TEXT NOT NULL,
    summary             TEXT NULL,
    severity            TEXT NULL,
    fixed_versions_json TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    first_seen_at       TEXT NOT NULL,
    last_seen_at        TEXT NOT NULL,
    resolved_at         TEXT NULL,
    first_run_id        INTEGER NOT NULL REFERENCES runs (id),
    last_run_id         INTEGER NOT NULL REFERENCES runs (id),
    UNIQUE (product_id, finding_key)
);

CREATE INDEX ix_findings_status ON findings (status, product_id);

CREATE TABLE finding_sources (
    finding_id   INTEGER NOT NULL REFERENCES findings (id),
    source       TEXT NOT NULL,
    first_run_id INTEGER NOT NULL REFERENCES runs (id),
    last_run_id  INTEGER NOT NULL REFERENCES runs (id),
    active       INTEGER NOT NULL CHECK (active IN (0, 1)),
    PRIMARY KEY (finding_id, source)
);

CREATE TABLE finding_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id INTEGER NOT NULL REFERENCES findings (id),
    run_id     INTEGER NOT NULL REFERENCES runs (id),
    at         TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('opened', 'resolved', 'reopened'))
);

CREATE INDEX ix_finding_events_finding ON finding_events (finding_id);
