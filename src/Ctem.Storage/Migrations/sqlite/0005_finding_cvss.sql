-- The CVSS vector that speaks for each finding's vulnerability (v4.0, else v3.x, else v2.0).
ALTER TABLE findings ADD COLUMN cvss_vector TEXT NULL;
