-- Who may use the API: teams, and the bearer tokens issued to them with a role. Only a token's SHA-256 is kept
-- (hex), never the token itself; a token is usable until it expires or is revoked. Products belong to the team
-- their scope file names (owner.team, kept in products.risk_settings_json).
CREATE TABLE teams (
    name       TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    team         TEXT NOT NULL REFERENCES teams (name),
    role         TEXT NOT NULL CHECK (role IN ('reader', 'writer', 'admin')),
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NULL,
    revoked_at   TEXT NULL,
    last_used_at TEXT NULL
);
