-- Who owns a finding. owner and owner_source are what the product's rules in the scope file named at the latest
-- assessment (owners: patterns, CODEOWNERS, the product's team); assigned_owner overrides them until cleared
-- ('ctem assign'), with who assigned it and when.
ALTER TABLE findings ADD COLUMN owner TEXT NULL;
ALTER TABLE findings ADD COLUMN owner_source TEXT NULL;
ALTER TABLE findings ADD COLUMN assigned_owner TEXT NULL;
ALTER TABLE findings ADD COLUMN assigned_by TEXT NULL;
