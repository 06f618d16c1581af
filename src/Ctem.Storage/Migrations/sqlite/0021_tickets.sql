-- Tickets filed by 'ctem tickets sync' in GitHub Issues or Jira. (tracker, project, grouping_key) is what the ticket
-- is about, stable across syncs; external_key (issue number or Jira key) finds it upstream. content_sha256 is the
-- digest of the title and body last written, so an unchanged ticket is not written again. No token is ever stored.
CREATE TABLE tickets (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    tracker        TEXT NOT NULL CHECK (tracker IN ('github', 'jira')),
    project        TEXT NOT NULL,
    grouping_key   TEXT NOT NULL,
    external_key   TEXT NOT NULL,
    url            TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    content_sha256 TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    synced_at      TEXT NOT NULL,
    UNIQUE (tracker, project, grouping_key)
);

-- Which findings a ticket is about. A ticket closed upstream claims its findings fixed (fix_claimed_at); the next scan
-- of a finding's source verifies the claim (verification: resolved or still_present), and the next sync posts the
-- result (verification_posted_at). acceptance_noted identifies the risk acceptance already noted on the ticket.
CREATE TABLE ticket_findings (
    ticket_id              INTEGER NOT NULL REFERENCES tickets (id),
    finding_id             INTEGER NOT NULL REFERENCES findings (id),
    fix_claimed_at         TEXT NULL,
    verification           TEXT NULL CHECK (verification IN ('resolved', 'still_present')),
    verified_at            TEXT NULL,
    verification_posted_at TEXT NULL,
    acceptance_noted       TEXT NULL,
    PRIMARY KEY (ticket_id, finding_id)
);

CREATE INDEX ix_ticket_findings_finding ON ticket_findings (finding_id);
