-- The keys ASP.NET Core data protection signs and encrypts the dashboard's session and anti-forgery cookies with,
-- one row per key as the key manager writes it (XML), so every 'ctem serve' node on this database reads the others'.
CREATE TABLE data_protection_keys (
    name       TEXT PRIMARY KEY,
    xml        TEXT NOT NULL,
    stored_at  TIMESTAMPTZ NOT NULL
);
