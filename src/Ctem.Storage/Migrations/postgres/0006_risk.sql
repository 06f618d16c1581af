-- Each finding's risk assessment: its score and priority as columns (to sort and filter), and every factor with its
-- value, source and contribution as JSON (to explain). The product keeps the context and policy it was last scanned
-- with, so its findings can be re-assessed when KEV or EPSS change.
ALTER TABLE findings ADD COLUMN risk_score DOUBLE PRECISION NULL;
ALTER TABLE findings ADD COLUMN priority TEXT NULL;
ALTER TABLE findings ADD COLUMN risk_json TEXT NULL;
ALTER TABLE products ADD COLUMN risk_settings_json TEXT NULL;
CREATE INDEX ix_findings_risk ON findings (product_id, risk_score);
