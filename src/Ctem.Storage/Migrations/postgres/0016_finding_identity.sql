-- How a finding's package identity was derived when its report named no purl (Trivy's SARIF message, Grype's rule
-- help, a file path that belongs to a package, the product's inventory): what was read, and how sure that is
-- ('stated', 'inferred', 'guessed'). NULL when the source named the package outright.
ALTER TABLE findings ADD COLUMN identity_derived_from TEXT NULL;
ALTER TABLE findings ADD COLUMN identity_confidence TEXT NULL;
