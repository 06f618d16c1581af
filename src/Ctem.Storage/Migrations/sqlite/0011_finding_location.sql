-- Where code scanning shows a finding, as its latest observation placed it: the file relative to the directory the
-- scan read (location_root, absolute; NULL when relative to a scanner's own root) and the line, where known.
ALTER TABLE findings ADD COLUMN location_root TEXT NULL;
ALTER TABLE findings ADD COLUMN location_path TEXT NULL;
ALTER TABLE findings ADD COLUMN location_line INTEGER NULL;
