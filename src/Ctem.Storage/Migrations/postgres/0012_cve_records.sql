-- CVE records as each database publishes them (origin: CVE JSON 5.x 'cve', NVD CVE API 2.0 'nvd'): CVSS vectors with the
-- container that gave them, CWEs, CISA's SSVC decision points, NVD's CPE configurations. Joined to findings by CVE id
-- at assessment and report time, like KEV and EPSS; replaced only by a newer (or same-time, other-content) record.
CREATE TABLE cve_records (
    cve_id         TEXT NOT NULL,
    origin         TEXT NOT NULL,
    modified       TIMESTAMPTZ NOT NULL,
    status         TEXT NULL,
    record_json    TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    imported_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cve_id, origin)
);
