-- Which events each notification channel has been sent, so a re-run does not send them again. A row is written only
-- after the channel accepted the message; event_key is the event's stable key (docs/cli.md, "Notifications").
CREATE TABLE notifications_sent (
    channel   TEXT NOT NULL,
    event_key TEXT NOT NULL,
    sent_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, event_key)
);
