//! Tauri commands: each one is state → core function → typed result, nothing more.
//! Commands are `async`; database and file work runs on the blocking pool, AWS
//! calls on the async runtime, so the window never freezes.

use std::path::PathBuf;
use std::sync::Mutex;

use channelops_core::auth::{Actor, OrgKind};
use channelops_core::aws::{self, Aws, AwsOptions};
use channelops_core::cloudformation::VendorSettings;
use channelops_core::cur::{self, CancelToken, ValidationResult};
use channelops_core::onboarding::{self, Contract, NewContract, NewCustomer, Org};
use channelops_core::preferences::Language;
use channelops_core::progress::{self, CustomerProgress};
use channelops_core::store::{self, Store};
use channelops_core::{AppInfo, CoreError, auth};
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_specta::Event;

use crate::error::IpcError;

/// The stop switch of one kind of long work (a validation, a stack watch).
#[derive(Default)]
pub(crate) struct CancelSlot(Mutex<Option<CancelToken>>);

impl CancelSlot {
    /// A fresh switch for new work; returns the previous one.
    pub(crate) fn replace(&self, token: CancelToken) -> Option<CancelToken> {
        self.0.lock().ok().and_then(|mut c| c.replace(token))
    }

    /// Presses the current switch, if any.
    pub(crate) fn cancel(&self) {
        if let Ok(c) = self.0.lock()
            && let Some(token) = c.as_ref()
        {
            token.cancel();
        }
    }
}

/// What the shell keeps between commands: the database path, who is signed in
/// (a user ID, never a password) and the stop switches of long work.
pub struct AppState {
    db_path: Result<PathBuf, String>,
    user_id: Mutex<Option<String>>,
    pub(crate) cancel: CancelSlot,
    /// The stack watch's stop switch (the stack step's "Stop watching").
    pub(crate) stack_cancel: CancelSlot,
    /// The diagnostic bundle of the latest validation (exported on request).
    pub(crate) last_bundle: Mutex<Option<String>>,
}

impl AppState {
    /// The database of `CHANNELOPS_DB`, else the default in the data folder.
    pub fn from_env() -> Self {
        let db_path = match std::env::var_os("CHANNELOPS_DB") {
            Some(p) => Ok(PathBuf::from(p)),
            None => store::default_path().map_err(|e| e.to_string()),
        };
        AppState {
            db_path,
            user_id: Mutex::new(None),
            cancel: CancelSlot::default(),
            stack_cancel: CancelSlot::default(),
            last_bundle: Mutex::new(None),
        }
    }

    pub(crate) fn open(&self) -> Result<Store, CoreError> {
        match &self.db_path {
            Ok(p) => Store::open(p),
            Err(_) => Err(CoreError::DataDirUnknown),
        }
    }

    fn user(&self) -> Option<String> {
        self.user_id.lock().ok().and_then(|u| u.clone())
    }

    pub(crate) fn set_user(&self, id: Option<String>) {
        if let Ok(mut u) = self.user_id.lock() {
            *u = id;
        }
    }

    /// The open store and the signed-in actor.
    pub(crate) fn signed_in(&self) -> Result<(Store, Actor), CoreError> {
        let store = self.open()?;
        let id = self.user().ok_or_else(|| CoreError::NotSignedIn {
            message: "you are not signed in".into(),
            remedy: "Sign in with your email and password.".into(),
        })?;
        let actor = auth::actor(store.conn(), &id)?;
        Ok((store, actor))
    }

    /// An AWS session with the chosen profile and the workspace's endpoint setting.
    pub(crate) async fn aws(&self, profile: Option<String>) -> Result<Aws, CoreError> {
        let options = AwsOptions::for_workspace(profile, None, Some(&self.open()?))?;
        Aws::connect(&options).await
    }
}

/// Runs blocking core work off the async runtime's threads.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError {
            code: channelops_core::ErrorCode::Io,
            message: format!("the background task failed: {e}"),
            remedy: "Try again; if it happens again, restart the app.".into(),
        })?
        .map_err(IpcError::from)
}

/// Version and data folder of this installation.
#[tauri::command]
#[specta::specta]
pub async fn app_info() -> Result<AppInfo, IpcError> {
    Ok(channelops_core::app_info()?)
}

/// Saves the display language in the data folder (see `preferences`).
#[tauri::command]
#[specta::specta]
pub async fn set_language(language: Language) -> Result<(), IpcError> {
    blocking(move || {
        channelops_core::preferences::set_language(
            &channelops_core::app_info::data_dir()?,
            language,
        )
        .map(|_| ())
    })
    .await
}

/// Whether a workspace exists here, and who is signed in.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct WorkspaceStatus {
    pub initialized: bool,
    pub workspace: Option<String>,
    pub user: Option<Actor>,
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_status(state: State<'_, AppState>) -> Result<WorkspaceStatus, IpcError> {
    let store = state.open()?;
    let home = onboarding::home_org(store.conn())?;
    let user = match state.user() {
        Some(id) => auth::actor(store.conn(), &id).ok(),
        None => None,
    };
    Ok(WorkspaceStatus {
        initialized: home.is_some(),
        workspace: home.map(|(_, _, name)| name),
        user,
    })
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NewWorkspaceInput {
    pub kind: OrgKind,
    pub name: String,
    pub domain: String,
    pub admin_email: String,
    pub admin_name: String,
    pub password: String,
}

/// First run: the distributor's or reseller's workspace and its first Admin (signed in).
#[tauri::command]
#[specta::specta]
pub async fn init_workspace(
    state: State<'_, AppState>,
    input: NewWorkspaceInput,
) -> Result<Actor, IpcError> {
    let mut store = state.open()?;
    let actor = blocking(move || {
        onboarding::init_workspace(
            &mut store,
            onboarding::NewWorkspace {
                kind: input.kind,
                name: &input.name,
                domain: &input.domain,
                admin_email: &input.admin_email,
                admin_name: &input.admin_name,
                password: &input.password,
            },
        )
    })
    .await?;
    state.set_user(Some(actor.user_id.clone()));
    Ok(actor)
}

#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, AppState>,
    email: String,
    password: String,
) -> Result<Actor, IpcError> {
    let store = state.open()?;
    let actor = blocking(move || auth::sign_in(store.conn(), &email, &password)).await?;
    state.set_user(Some(actor.user_id.clone()));
    Ok(actor)
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.set_user(None);
    Ok(())
}

/// Every customer the signed-in user can see, with its onboarding progress.
#[tauri::command]
#[specta::specta]
pub async fn customer_progress(
    state: State<'_, AppState>,
) -> Result<Vec<CustomerProgress>, IpcError> {
    let (store, actor) = state.signed_in()?;
    blocking(move || progress::progress(store.conn(), &actor)).await
}

/// The organizations a customer may be added under (resellers, or one's own reseller).
#[tauri::command]
#[specta::specta]
pub async fn customer_parents(state: State<'_, AppState>) -> Result<Vec<Org>, IpcError> {
    let (store, actor) = state.signed_in()?;
    blocking(move || onboarding::customer_parents(store.conn(), &actor)).await
}

/// The one moment the activation code is shown: never stored in clear.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AddedCustomerView {
    pub customer_id: String,
    pub email: String,
    pub code: String,
    pub expires_at: String,
}

/// Part 1: add a customer under the chosen reseller.
#[tauri::command]
#[specta::specta]
pub async fn add_customer(
    state: State<'_, AppState>,
    input: NewCustomer,
) -> Result<AddedCustomerView, IpcError> {
    let (mut store, actor) = state.signed_in()?;
    blocking(move || {
        let added = onboarding::add_customer(&mut store, &actor, &input)?;
        Ok(AddedCustomerView {
            customer_id: added.customer_id,
            email: added.invitation.email,
            code: added.invitation.code,
            expires_at: added.invitation.expires_at,
        })
    })
    .await
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NewContractInput {
    pub customer_id: String,
    pub start_date: String,
    pub end_date: Option<String>,
    pub plan: String,
    pub notes: String,
}

/// Part 2: assign an active contract.
#[tauri::command]
#[specta::specta]
pub async fn add_contract(
    state: State<'_, AppState>,
    input: NewContractInput,
) -> Result<Contract, IpcError> {
    let (mut store, actor) = state.signed_in()?;
    blocking(move || {
        onboarding::add_contract(
            &mut store,
            &actor,
            NewContract {
                customer_id: &input.customer_id,
                start_date: &input.start_date,
                end_date: input.end_date.as_deref().filter(|d| !d.is_empty()),
                plan: &input.plan,
                notes: &input.notes,
                status: onboarding::ContractStatus::Active,
            },
        )
    })
    .await
}

/// The AWS profiles of the user's config files, for the profile picker.
#[tauri::command]
#[specta::specta]
pub async fn aws_profiles() -> Result<Vec<aws::ProfileInfo>, IpcError> {
    Ok(aws::profiles().await?)
}

/// Who the user is in AWS and whether they hold the seven permissions.
#[tauri::command]
#[specta::specta]
pub async fn aws_preflight(
    state: State<'_, AppState>,
    profile: Option<String>,
    account_id: String,
) -> Result<aws::preflight::Preflight, IpcError> {
    let vendor = VendorSettings::load(&state.open()?)?;
    let account_id = onboarding::validate_account_id(&account_id)?;
    let aws = state.aws(profile).await?;
    Ok(aws::preflight::preflight(&aws, &account_id, &vendor).await?)
}

/// Progress of the running validation (files and bytes read): the core's
/// `cur::Progress`, sent as an event.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, specta::Type, Event)]
pub struct ValidationProgress(pub cur::Progress);

/// Support mode: validate a local folder, data file or diagnostic bundle. The
/// run's diagnostic bundle is kept for "Export diagnostic bundle".
#[tauri::command]
#[specta::specta]
pub async fn validate_path(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    path: String,
    account_id: Option<String>,
) -> Result<ValidationResult, IpcError> {
    let account_id = account_id
        .filter(|a| !a.trim().is_empty())
        .map(|a| onboarding::validate_account_id(&a))
        .transpose()?;
    let source = {
        let path = PathBuf::from(path.trim());
        blocking(move || channelops_core::handover::open_source(&path)).await?
    };
    let options = cur::Options {
        account_id,
        ..Default::default()
    };
    state.validate(app, source, options).await
}

impl AppState {
    /// Validates `source` with progress events and the Cancel switch, keeping the
    /// run's diagnostic bundle (when the workspace has its signing key).
    pub(crate) async fn validate(
        &self,
        app: tauri::AppHandle,
        source: std::sync::Arc<dyn cur::Source>,
        options: cur::Options,
    ) -> Result<ValidationResult, IpcError> {
        let cancel = CancelToken::default();
        self.cancel.replace(cancel.clone());
        let db_path = self.db_path.clone().ok();
        let (result, bundle) = blocking(move || {
            let report = |p: cur::Progress| {
                let _ = ValidationProgress(p).emit(&app);
            };
            // Without the workspace's signing key (none yet), no bundle is made.
            match db_path.and_then(|p| channelops_core::handover::load_key(&p).ok()) {
                Some(key) => channelops_core::handover::validate_and_bundle(
                    source, &options, &key, &report, &cancel,
                )
                .map(|(r, b)| (r, Some(b))),
                None => cur::validate(source, &options, &report, &cancel).map(|r| (r, None)),
            }
        })
        .await?;
        if let Ok(mut b) = self.last_bundle.lock() {
            *b = bundle;
        }
        Ok(result)
    }
}

/// Cancels the running validation (the progress bar's Cancel button).
#[tauri::command]
#[specta::specta]
pub async fn cancel_validation(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.cancel.cancel();
    Ok(())
}
