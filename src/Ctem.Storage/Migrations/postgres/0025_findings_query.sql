-- The findings list is filtered, sorted and paged in the database (keyset on the sort key), at a million findings.
-- The priority order ends in the product's name, so each finding keeps it (products are never renamed); the sort key
-- compares ordinally (COLLATE "C"), as the listing always has. The score of a finding without one sorts as -1.
ALTER TABLE findings ADD COLUMN product_name TEXT NOT NULL DEFAULT '';
UPDATE findings f SET product_name = p.name FROM products p WHERE p.id = f.product_id;
ALTER TABLE findings ALTER COLUMN product_name DROP DEFAULT;

CREATE INDEX ix_findings_by_priority ON findings ((-COALESCE(risk_score, -1)), product_name COLLATE "C",
    component_purl COLLATE "C", vulnerability_id COLLATE "C", id);
CREATE INDEX ix_findings_product_by_priority ON findings (product_name COLLATE "C", (-COALESCE(risk_score, -1)),
    component_purl COLLATE "C", vulnerability_id COLLATE "C", id);
CREATE INDEX ix_findings_product_by_id ON findings (product_name COLLATE "C", id);

-- Every page looks up the accepted risks in force (findings joined to their acceptance): by index, not by scan.
CREATE INDEX ix_findings_acceptance ON findings (acceptance_id) WHERE acceptance_id IS NOT NULL;
