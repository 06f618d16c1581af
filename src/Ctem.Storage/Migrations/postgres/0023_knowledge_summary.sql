-- What 'ctem db status' shows, per advisory source and ecosystem, kept by every import in its own transaction:
-- counting distinct advisories over the whole knowledge base took longer than the rest of the command.
CREATE TABLE knowledge_summary (
    source           TEXT NOT NULL,
    ecosystem        TEXT NOT NULL,
    advisories       BIGINT NOT NULL,
    withdrawn        BIGINT NOT NULL,
    latest_modified  TIMESTAMPTZ NULL,
    last_imported_at TIMESTAMPTZ NULL,
    PRIMARY KEY (source, ecosystem)
);

INSERT INTO knowledge_summary (source, ecosystem, advisories, withdrawn, latest_modified, last_imported_at)
SELECT a.source, p.ecosystem,
    COUNT(DISTINCT a.id),
    COUNT(DISTINCT CASE WHEN a.withdrawn IS NOT NULL THEN a.id END),
    MAX(a.modified),
    MAX(a.updated_at)
FROM advisories a
JOIN advisory_packages p ON p.advisory_id = a.id
GROUP BY a.source, p.ecosystem;
