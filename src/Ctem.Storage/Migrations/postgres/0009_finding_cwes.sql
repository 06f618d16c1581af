-- The CWE weaknesses a finding's sources name (scanner reports carry them: SAST, DAST, audit tools).
ALTER TABLE findings ADD COLUMN cwes_json TEXT NULL;
-- And the CWEs an advisory names (GitHub advisories: database_specific.cwe_ids), which scan findings inherit.
ALTER TABLE advisories ADD COLUMN cwes_json TEXT NULL;
