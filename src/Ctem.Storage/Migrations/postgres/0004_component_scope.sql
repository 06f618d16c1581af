-- What the scan's inputs say of each component: its scope and whether the product depends on it directly.
ALTER TABLE run_components ADD COLUMN scope TEXT NULL;
ALTER TABLE run_components ADD COLUMN relation TEXT NULL;
ALTER TABLE findings ADD COLUMN scope TEXT NULL;
ALTER TABLE findings ADD COLUMN relation TEXT NULL;
