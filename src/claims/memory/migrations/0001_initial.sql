-- Schema 1: one row per verification a desk recorded, keyed by the fact it verified.
-- Portable SQL (SQLite and PostgreSQL): text IDs made by the program, ISO dates as text.
CREATE TABLE verifications (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    fact_key TEXT NOT NULL,
    status TEXT NOT NULL,
    checked_by TEXT,
    checked_on TEXT,
    verified_on TEXT NOT NULL,
    evidence TEXT,
    note TEXT,
    claim_id TEXT NOT NULL,
    claim_text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    value TEXT,
    lang TEXT,
    article TEXT NOT NULL,
    article_title TEXT,
    article_date TEXT,
    article_sha256 TEXT,
    checklist TEXT,
    recorded_at TEXT NOT NULL,
    search_text TEXT NOT NULL,
    UNIQUE (article, claim_id, fact_key)
);
CREATE INDEX verifications_fact ON verifications (fact_key);
