//! The application layer: one function per user action, the same for every
//! adapter. A Tauri command, a CLI subcommand or the test bridge converts its
//! arguments, calls one of these and converts the result — nothing more.
//!
//! A [`Session`] is what one user of one adapter holds: where the database is,
//! who is signed in (a user ID, never a password), the AWS defaults given on the
//! command line, and the stop switches of long work. Every action opens the store,
//! checks who is signed in, runs its rules in the core's domain and flow modules,
//! and returns typed results. Database and file work runs on the blocking pool,
//! AWS calls on the async runtime, so every action is `async` and no caller
//! freezes. Policies that used to live in the adapters live here once: the stack
//! watch's interval and limit, forward-only Part 3 states, who may see what.
//!
//! The application layer is the top of the core: no other module of the core
//! uses it (`.ci/check-layers` checks it).

mod connect;
mod create_for_me;
mod customers;
mod desktop;
mod files;
mod validation;
mod workspace;

use std::path::PathBuf;
use std::sync::Mutex;

use crate::auth::{self, Actor};
use crate::aws::{Aws, AwsOptions};
use crate::cur::CancelToken;
use crate::error::CoreError;
use crate::store::{self, Store};

pub use connect::{
    BucketStep, CurListing, STACK_POLL, STACK_TIMEOUT, StackStep, aws_profiles, open_link,
};
pub use customers::{AddedCustomerView, NewContractInput};
pub use desktop::{OpenedFile, file_argument, instance_id, log_dir, open_file, open_logs_folder};
pub use files::{ExportedInvitation, export_path};
pub use validation::{ValidateRequest, is_s3, write_fixtures, write_hostile_corpus};
pub use workspace::{NewWorkspaceInput, WorkspaceStatus, app_info};

/// Rules of the core that the UI shows, exported to TypeScript once (the
/// generated bindings' `RULES`) instead of being written again there.
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
///
/// Fields in alphabetical order: serde_json writes them sorted or in declaration
/// order depending on the features the build unifies, and the committed bindings
/// must not depend on which crates are built together.
pub struct UiRules {
    /// A cloud account's states, in the order Part 3 moves through them.
    pub account_states: [crate::onboarding::AccountState; 6],
    /// The seven IAM actions Part 3 needs (or AdministratorAccess).
    pub required_actions: [&'static str; 7],
}

pub const RULES: UiRules = UiRules {
    account_states: crate::onboarding::AccountState::ALL,
    required_actions: crate::aws::preflight::REQUIRED_ACTIONS,
};

/// AWS settings given to the whole session (the CLI's `--profile`,
/// `--endpoint-url`); the window passes a profile per action instead.
#[derive(Debug, Clone, Default)]
pub struct AwsDefaults {
    pub profile: Option<String>,
    pub endpoint_url: Option<String>,
}

/// The stop switch of one kind of long work (a validation, a stack watch).
#[derive(Default)]
pub struct CancelSlot(Mutex<Option<CancelToken>>);

impl CancelSlot {
    /// A fresh switch for new work; the previous one, if any, is pressed.
    pub fn start(&self) -> CancelToken {
        let token = CancelToken::default();
        if let Ok(mut slot) = self.0.lock()
            && let Some(previous) = slot.replace(token.clone())
        {
            previous.cancel();
        }
        token
    }

    /// Presses the current switch, if any.
    pub fn cancel(&self) {
        if let Ok(slot) = self.0.lock()
            && let Some(token) = slot.as_ref()
        {
            token.cancel();
        }
    }
}

/// One user's session with the app (see the module documentation).
pub struct Session {
    db_path: Result<PathBuf, String>,
    user_id: Mutex<Option<String>>,
    aws: AwsDefaults,
    validation: CancelSlot,
    stack_watch: CancelSlot,
    /// The diagnostic bundle of the latest validation (exported on request).
    last_bundle: Mutex<Option<String>>,
}

impl Session {
    /// A session on the database at `db_path` (else `CHANNELOPS_DB`, else the
    /// default in the data folder); nobody is signed in yet.
    pub fn new(db_path: Option<PathBuf>, aws: AwsDefaults) -> Session {
        let db_path = match db_path.or_else(|| std::env::var_os(store::DB_ENV).map(PathBuf::from)) {
            Some(p) => Ok(p),
            None => store::default_path().map_err(|e| e.to_string()),
        };
        Session {
            db_path,
            user_id: Mutex::new(None),
            aws,
            validation: CancelSlot::default(),
            stack_watch: CancelSlot::default(),
            last_bundle: Mutex::new(None),
        }
    }

    /// The database file of this session.
    pub fn db_path(&self) -> Result<PathBuf, CoreError> {
        self.db_path.clone().map_err(|_| CoreError::DataDirUnknown)
    }

    fn user(&self) -> Option<String> {
        self.user_id.lock().ok().and_then(|u| u.clone())
    }

    fn set_user(&self, id: Option<String>) {
        if let Ok(mut u) = self.user_id.lock() {
            *u = id;
        }
    }

    /// Runs `f` on the blocking pool with the open store (nobody need be signed in).
    async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, CoreError> + Send + 'static,
    ) -> Result<T, CoreError> {
        let path = self.db_path()?;
        blocking(move || f(&mut Store::open(&path)?)).await
    }

    /// Runs `f` on the blocking pool with the open store and the signed-in actor.
    async fn as_actor<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store, &Actor) -> Result<T, CoreError> + Send + 'static,
    ) -> Result<T, CoreError> {
        let user = self.user().ok_or_else(not_signed_in)?;
        self.with_store(move |store| {
            let actor = auth::actor(store.conn(), &user)?;
            f(store, &actor)
        })
        .await
    }

    /// The store of this session if its database exists (AWS and validation work
    /// without a workspace: support staff need none).
    async fn existing_store(&self) -> Result<Option<Store>, CoreError> {
        let Ok(path) = self.db_path() else {
            return Ok(None);
        };
        blocking(move || {
            if path.exists() {
                Store::open(&path).map(Some)
            } else {
                Ok(None)
            }
        })
        .await
    }

    /// An AWS session: the profile given (else the session's), the session's
    /// endpoint, else the workspace's endpoint setting.
    async fn aws(&self, profile: Option<String>) -> Result<Aws, CoreError> {
        let options = self.aws_options(profile, self.existing_store().await?.as_ref())?;
        Aws::connect(&options).await
    }

    /// The AWS options of [`Session::aws`], with the workspace's store already open (or none).
    fn aws_options(
        &self,
        profile: Option<String>,
        store: Option<&Store>,
    ) -> Result<AwsOptions, CoreError> {
        AwsOptions::for_workspace(
            profile.or_else(|| self.aws.profile.clone()),
            self.aws.endpoint_url.clone(),
            store,
        )
    }
}

fn not_signed_in() -> CoreError {
    CoreError::NotSignedIn {
        message: crate::text!("auth-err-signed-out"),
        remedy: crate::text!("auth-fix-signed-out"),
    }
}

/// Runs blocking core work on the runtime's blocking pool.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        CoreError::io(
            "finish",
            "a background task",
            std::io::Error::other(e.to_string()),
        )
    })?
}
