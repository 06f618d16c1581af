-- The names each source gave a finding's weakness (the tool's ids, or the advisories Ctem matched): why findings of
-- several tools were merged into one is then explainable.
ALTER TABLE finding_sources ADD COLUMN reported_as_json TEXT NULL;
