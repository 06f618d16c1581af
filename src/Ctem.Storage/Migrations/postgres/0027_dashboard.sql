-- The keys ASP.NET Core data protection signs and encrypts the dashboard's session and anti-forgery cookies with,
-- one row per key as the key manager writes it (XML), so every 'ctem serve' node on this database reads the others'.
CREATE TABLE data_protection_keys (
    name       TEXT PRIMARY KEY,
    xml        TEXT NOT NULL,
    stored_at  TIMESTAMPTZ NOT NULL
);

-- The open list's findings (open, not closed by VEX, no accepted risk) by product, so the dashboard's totals and the
-- product list count them from an index instead of reading every finding (FindingQueries.StatusCondition's words).
CREATE INDEX ix_findings_listed ON findings (product_name COLLATE "C")
    WHERE status = 'open' AND NOT COALESCE(vex_state, '') IN ('not_affected', 'false_positive', 'fixed') AND acceptance_id IS NULL;
CREATE INDEX ix_findings_listed_by_product_id ON findings (product_id)
    WHERE status = 'open' AND NOT COALESCE(vex_state, '') IN ('not_affected', 'false_positive', 'fixed') AND acceptance_id IS NULL;
