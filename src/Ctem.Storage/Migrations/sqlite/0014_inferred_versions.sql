-- A version the inputs do not state but Ctem infers (the Go standard library at a go.mod's minimum 'go' version):
-- where it was inferred from, NULL when stated. Kept with the inventory and the finding, so a re-analysis or a feed
-- update scores it with the same (lower) confidence as the scan did.
ALTER TABLE run_components ADD COLUMN version_inferred_from TEXT NULL;
ALTER TABLE findings ADD COLUMN version_inferred_from TEXT NULL;

-- Red Hat and SUSE advisories are now indexed by release ("Red Hat:enterprise_linux:9", "SUSE:Linux Enterprise 15 SP5")
-- instead of by product stream. Those imported before keep their old keys until rewritten: forgetting their digest
-- makes the next import of the same records rewrite them.
UPDATE advisories SET content_sha256 = ''
WHERE id IN (SELECT advisory_id FROM advisory_packages WHERE ecosystem LIKE 'Red Hat:%' OR ecosystem LIKE 'SUSE:%');
