-- The executions of the scheduled jobs of 'ctem serve' (schedules: in the scope file): which node ran which job for
-- which fire time, whether it re-ran the execution of a node that died (recovering), and how it ended. A run whose
-- node died stays 'running'. On SQLite the jobs themselves live in memory (one node); see the PostgreSQL migration.
CREATE TABLE job_runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    job           TEXT NOT NULL,
    node          TEXT NOT NULL,
    scheduled_for TEXT NOT NULL,
    recovering    INTEGER NOT NULL CHECK (recovering IN (0, 1)),
    started_at    TEXT NOT NULL,
    finished_at   TEXT NULL,
    status        TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    message       TEXT NULL
);

CREATE INDEX job_runs_job ON job_runs (job, scheduled_for);
