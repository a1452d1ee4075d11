//! Parts 1 and 2 and the progress of every customer: customers, contracts,
//! bulk import. Customers and resellers are named by ID or by exact name.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Session;
use crate::auth::OrgKind;
use crate::error::CoreError;
use crate::handover::{self, AddedCustomer};
use crate::onboarding::{
    self, Contract, ContractStatus, CustomerChanges, NewContract, NewCustomer, Org,
};
use crate::overview::{self, CustomerAccount};
use crate::preferences::Language;
use crate::progress::{self, CustomerProgress, ProgressTable};
use crate::store::Store;

/// The largest customer CSV accepted for a bulk import.
const MAX_IMPORT_BYTES: u64 = crate::limits::CUSTOMER_CSV_BYTES;

/// The one moment the activation code is shown: never stored in clear.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddedCustomerView {
    pub customer_id: String,
    pub email: String,
    pub code: String,
    pub expires_at: String,
}

/// Part 2: a contract for a customer (by ID or name).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewContractInput {
    pub customer_id: String,
    pub start_date: String,
    pub end_date: Option<String>,
    pub plan: String,
    pub notes: String,
}

/// The customer named `name_or_id` (an ID or an exact name).
pub(super) fn customer_id(store: &Store, name_or_id: &str) -> Result<String, CoreError> {
    Ok(onboarding::find_org(store.conn(), name_or_id.trim(), Some(OrgKind::Customer))?.id)
}

impl Session {
    /// Every customer the signed-in user can see, with its onboarding progress.
    pub async fn progress(&self) -> Result<Vec<CustomerProgress>, CoreError> {
        self.as_actor(|store, actor| progress::progress(store.conn(), actor))
            .await
    }

    /// The same list in the window's shape: in columns, each message and parent
    /// name once (see `progress::ProgressTable`).
    pub async fn progress_table(&self) -> Result<ProgressTable, CoreError> {
        self.progress().await.map(ProgressTable::from)
    }

    /// The AWS accounts of every customer the user can see, with their CUR health
    /// (Assets, read-only, for distributor and reseller staff).
    pub async fn customer_accounts(&self) -> Result<Vec<CustomerAccount>, CoreError> {
        self.as_actor(|store, actor| overview::customer_accounts(store.conn(), actor))
            .await
    }

    /// Saves the Customers list as the user sees it (the customers `ids`, in that
    /// order, its sentences in `lang`) as CSV at `path`; returns how many rows were written.
    pub async fn export_customers_csv(
        &self,
        ids: Vec<String>,
        path: PathBuf,
        lang: Language,
    ) -> Result<usize, CoreError> {
        self.as_actor(move |store, actor| {
            let rows = progress::progress(store.conn(), actor)?;
            let (text, count) = overview::customers_csv(&rows, &ids, |p| {
                [
                    p.next_action.render(lang),
                    p.who_must_act.render(lang),
                    p.blocker
                        .as_ref()
                        .map(|b| b.render(lang))
                        .unwrap_or_default(),
                ]
            })?;
            crate::files::write_atomic(&path, text.as_bytes())?;
            Ok(count)
        })
        .await
    }

    /// The organizations a customer may be added under.
    pub async fn customer_parents(&self) -> Result<Vec<Org>, CoreError> {
        self.as_actor(|store, actor| onboarding::customer_parents(store.conn(), actor))
            .await
    }

    /// Part 1: adds a customer under the reseller chosen (by ID or name); the
    /// invitation's code is in the answer, the one time it is shown. With
    /// `invitation_out`, the signed invitation file is also written there.
    pub async fn add_customer(
        &self,
        input: NewCustomer,
        invitation_out: Option<PathBuf>,
    ) -> Result<AddedCustomer, CoreError> {
        let added = self
            .as_actor(move |store, actor| {
                let parent = onboarding::find_org(
                    store.conn(),
                    input.parent_id.trim(),
                    Some(OrgKind::Reseller),
                )?;
                let input = NewCustomer {
                    parent_id: parent.id,
                    ..input
                };
                handover::add_customer(store, actor, &input)
            })
            .await?;
        if let Some(out) = invitation_out {
            let file = added.invitation.file.clone();
            super::blocking(move || handover::write_file(&out, &file)).await?;
        }
        Ok(added)
    }

    /// The customers the signed-in user can see, optionally matching `search`.
    pub async fn customers(&self, search: Option<String>) -> Result<Vec<Org>, CoreError> {
        self.as_actor(move |store, actor| {
            onboarding::list_orgs(store.conn(), actor, OrgKind::Customer, search.as_deref())
        })
        .await
    }

    /// Changes a customer's profile.
    pub async fn edit_customer(
        &self,
        customer: String,
        changes: CustomerChanges,
    ) -> Result<Org, CoreError> {
        self.as_actor(move |store, actor| {
            let id = customer_id(store, &customer)?;
            onboarding::edit_customer(store, actor, &id, &changes)
        })
        .await
    }

    /// Bulk onboarding from a CSV file, all or nothing; returns how many were added.
    pub async fn import_customers(&self, csv: PathBuf) -> Result<usize, CoreError> {
        self.as_actor(move |store, actor| {
            let bytes =
                crate::files::read_bounded(&csv, MAX_IMPORT_BYTES, crate::text!("files-kind-csv"))?;
            onboarding::import_customers(store, actor, &bytes)
        })
        .await
    }

    /// Part 2: a contract for a customer.
    pub async fn add_contract(
        &self,
        input: NewContractInput,
        status: ContractStatus,
    ) -> Result<Contract, CoreError> {
        self.as_actor(move |store, actor| {
            let id = customer_id(store, &input.customer_id)?;
            onboarding::add_contract(
                store,
                actor,
                NewContract {
                    customer_id: &id,
                    start_date: &input.start_date,
                    end_date: input.end_date.as_deref().filter(|d| !d.trim().is_empty()),
                    plan: &input.plan,
                    notes: &input.notes,
                    status,
                },
            )
        })
        .await
    }

    /// A customer's contracts.
    pub async fn contracts(&self, customer: String) -> Result<Vec<Contract>, CoreError> {
        self.as_actor(move |store, actor| {
            let id = customer_id(store, &customer)?;
            onboarding::list_contracts(store.conn(), actor, &id)
        })
        .await
    }

    /// Changes a contract's status.
    pub async fn set_contract_status(
        &self,
        contract: String,
        status: ContractStatus,
    ) -> Result<(), CoreError> {
        self.as_actor(move |store, actor| {
            onboarding::set_contract_status(store, actor, &contract, status)
        })
        .await
    }
}

impl From<AddedCustomer> for AddedCustomerView {
    fn from(added: AddedCustomer) -> Self {
        AddedCustomerView {
            customer_id: added.customer_id,
            email: added.invitation.email,
            code: added.invitation.code,
            expires_at: added.invitation.expires_at,
        }
    }
}
