-- PostgreSQL's 0030 drops the foreign keys of run_components, dependency_edges and current_packages, whose per-row
-- trigger checks were half of each inventory COPY there. SQLite checks a key with one index probe and no trigger, and
-- dropping one would mean rebuilding these tables (millions of rows in a portfolio), so it keeps them.
SELECT 1;
