-- AWS's own word on the CUR (cur:DescribeReportDefinitions, Data Exports, the
-- bucket's delivery check). A cloud account can wait for AWS's first delivery of
-- a right CUR definition: which report, and since when the app has seen it.
ALTER TABLE cloud_accounts ADD COLUMN awaiting_report TEXT;
ALTER TABLE cloud_accounts ADD COLUMN awaiting_since TEXT;
-- What AWS said alongside a validation run (JSON of CurOverview; NULL when the
-- run read a local copy, or before this version).
ALTER TABLE validation_runs ADD COLUMN overview_json TEXT;
