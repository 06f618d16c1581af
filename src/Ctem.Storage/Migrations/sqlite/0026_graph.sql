-- The exposure graph, versioned with the runs. run_assets: what a scan's SBOMs declare beyond packages (CycloneDX
-- services, machine-learning models), with where each was found and its facts as JSON. product_graphs: the product's
-- graph as built after each scan or ingest (scope file + current assets + open findings), as JSON.
CREATE TABLE run_assets (
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    ordinal          INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('service', 'model')),
    name             TEXT NOT NULL,
    location_path    TEXT NOT NULL,
    location_pointer TEXT NULL,
    facts_json       TEXT NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE product_graphs (
    run_id     INTEGER PRIMARY KEY REFERENCES runs (id),
    product_id INTEGER NOT NULL REFERENCES products (id),
    built_at   TEXT NOT NULL,
    graph_json TEXT NOT NULL
);

CREATE INDEX product_graphs_by_product ON product_graphs (product_id, run_id);
