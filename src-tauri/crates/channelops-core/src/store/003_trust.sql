-- The trust model (ARCHITECTURE.md → Trust model).
-- The verifier of an invitation's code: the public key derived from the code.
-- The issuing workspace checks a customer's first onboarding report with it.
ALTER TABLE invitations ADD COLUMN code_key TEXT;
-- On the customer's side: the code's key's signature over this workspace's key,
-- made at activation (the code itself is never kept), sent with every report.
CREATE TABLE report_proofs (
    customer_id   TEXT PRIMARY KEY REFERENCES orgs(id),
    invitation_id TEXT NOT NULL,
    signature     TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
