-- The dependency graph of each scan's inventory: which component depends directly on which, by their ordinals in
-- run_components (a bom-ref names a component of the same input document). 'ctem plan' walks it from a transitive
-- component up to the direct dependencies that pull it in. Runs stored before this have no edges.
CREATE TABLE dependency_edges (
    run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    depends_on INTEGER NOT NULL,
    PRIMARY KEY (run_id, ordinal, depends_on)
);
