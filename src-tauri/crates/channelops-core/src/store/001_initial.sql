-- Organizations form a tree: distributor → reseller → customer (a reseller may
-- have no distributor). The workspace's own organization has is_home = 1.
CREATE TABLE orgs (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('distributor', 'reseller', 'customer')),
    name          TEXT NOT NULL,
    domain        TEXT NOT NULL,
    parent_id     TEXT REFERENCES orgs(id),
    contact_name  TEXT,
    contact_email TEXT,
    -- "Complete later": the profile is saved but not finished.
    pending       INTEGER NOT NULL DEFAULT 0,
    is_home       INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((kind = 'customer') = (contact_email IS NOT NULL))
);
CREATE INDEX orgs_parent ON orgs(parent_id);
CREATE INDEX orgs_kind_name ON orgs(kind, name);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
    -- argon2id PHC string; NULL while the user is pending activation.
    password_hash TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX users_org ON users(org_id);

-- One-time activation codes, stored only as SHA-256 hashes.
CREATE TABLE invitations (
    id          TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES orgs(id),
    user_id     TEXT NOT NULL REFERENCES users(id),
    code_hash   TEXT NOT NULL UNIQUE,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX invitations_customer ON invitations(customer_id);

CREATE TABLE contracts (
    id          TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES orgs(id),
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    plan        TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('draft', 'active', 'ended')),
    created_at  TEXT NOT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX contracts_one_active ON contracts(customer_id) WHERE status = 'active';

CREATE TABLE cloud_accounts (
    id             TEXT PRIMARY KEY,
    customer_id    TEXT NOT NULL REFERENCES orgs(id),
    aws_account_id TEXT NOT NULL CHECK (length(aws_account_id) = 12),
    state          TEXT NOT NULL CHECK (state IN ('entered', 'bucket_set', 'stack_created', 'cur_validated', 'confirmed', 'completed')),
    bucket         TEXT,
    prefix         TEXT,
    report_name    TEXT,
    role_arn       TEXT,
    external_id    TEXT NOT NULL,
    stack_id       TEXT,
    insights       TEXT NOT NULL DEFAULT '[]',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (customer_id, aws_account_id)
);

CREATE TABLE validation_runs (
    id               TEXT PRIMARY KEY,
    cloud_account_id TEXT NOT NULL REFERENCES cloud_accounts(id),
    -- 'valid', 'warnings', 'failed'
    health           TEXT NOT NULL CHECK (health IN ('valid', 'warnings', 'failed')),
    result_json      TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX validation_runs_account ON validation_runs(cloud_account_id, created_at);

-- Public keys of other workspaces this one trusts for hand-over files.
CREATE TABLE trusted_keys (
    public_key TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES orgs(id),
    added_at   TEXT NOT NULL
);

CREATE TABLE audit (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
