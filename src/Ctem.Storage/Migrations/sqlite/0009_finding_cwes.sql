-- The CWE weaknesses a finding's sources name (scanner reports carry them: SAST, DAST, audit tools).
ALTER TABLE findings ADD COLUMN cwes_json TEXT NULL;
