-- A portfolio stores millions of inventory rows (10,000 SBOMs × 1,000 components is 10 M in run_components and
-- 10 M in current_packages). PostgreSQL checks a foreign key with a trigger and a query per inserted row, which was
-- about half of the server's time for each COPY of an inventory. The rows are only ever written by the transaction
-- that has just inserted their run (ScanRecorder: runs, then RunComponentWriter and SourceIndex), and runs and
-- sources are never deleted, so these three checks guard nothing that can happen; the other keys stay.
ALTER TABLE run_components DROP CONSTRAINT IF EXISTS run_components_run_id_fkey;
ALTER TABLE dependency_edges DROP CONSTRAINT IF EXISTS dependency_edges_run_id_fkey;
ALTER TABLE current_packages DROP CONSTRAINT IF EXISTS current_packages_source_id_fkey;
