-- The latest validation run per account, read from the index alone (progress view).
DROP INDEX validation_runs_account;
CREATE INDEX validation_runs_latest ON validation_runs(cloud_account_id, health);
