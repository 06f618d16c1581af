-- The findings list is filtered, sorted and paged in the database (keyset on the sort key), at a million findings.
-- The priority order ends in the product's name, so each finding keeps it (products are never renamed); SQLite's
-- BINARY collation is already ordinal. The score of a finding without one sorts as -1.
ALTER TABLE findings ADD COLUMN product_name TEXT NOT NULL DEFAULT '';
UPDATE findings SET product_name = (SELECT p.name FROM products p WHERE p.id = findings.product_id);

CREATE INDEX ix_findings_by_priority ON findings ((-COALESCE(risk_score, -1)), product_name, component_purl, vulnerability_id, id);
CREATE INDEX ix_findings_product_by_priority ON findings (product_name, (-COALESCE(risk_score, -1)), component_purl, vulnerability_id, id);
CREATE INDEX ix_findings_product_by_id ON findings (product_name, id);

-- Every page looks up the accepted risks in force (findings joined to their acceptance): by index, not by scan.
CREATE INDEX ix_findings_acceptance ON findings (acceptance_id) WHERE acceptance_id IS NOT NULL;
