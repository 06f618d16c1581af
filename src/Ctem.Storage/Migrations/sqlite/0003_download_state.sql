-- What `ctem db update` last fetched from each URL, for conditional requests.
CREATE TABLE download_state (
    url           TEXT PRIMARY KEY,
    etag          TEXT NULL,
    last_modified TEXT NULL,
    fetched_at    TEXT NOT NULL
);
