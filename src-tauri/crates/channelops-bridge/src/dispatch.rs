//! `{command, arguments}` → the application layer, exactly as the Tauri commands
//! of `src-tauri/src` convert them: the same names, the same argument names (the
//! generated bindings send them in camelCase), the same `Session` function, the
//! same result or `{code, message, remedy}`.

use channelops_core::CoreError;
use channelops_core::app::{self, Session, ValidateRequest};
use channelops_core::onboarding::ContractStatus;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::Bridge;

/// Every command the bridge serves: the app's command set (a test compares it
/// with `src-tauri/commands.list`).
pub const COMMANDS: &[&str] = &[
    "app_info",
    "set_language",
    "workspace_status",
    "init_workspace",
    "sign_in",
    "sign_out",
    "customer_progress",
    "customer_parents",
    "add_customer",
    "add_contract",
    "aws_profiles",
    "aws_preflight",
    "validate_path",
    "cancel_validation",
    "list_accounts",
    "add_account",
    "check_bucket",
    "stack_link",
    "open_link",
    "watch_stack",
    "stop_watching_stack",
    "list_curs",
    "plan_cur",
    "create_cur",
    "plan_stack",
    "create_stack",
    "latest_curs",
    "confirm_cur",
    "aws_insights",
    "complete_account",
    "export_path",
    "export_invitation",
    "activate_invitation",
    "activate_code",
    "export_bundle",
    "opened_file",
    "open_logs_folder",
    "preview_report",
    "import_report",
    "customer_accounts",
    "export_customers_csv",
    "dropped_file",
    "export_report",
];

/// What a call ends with: the result as JSON, or the error the window would see.
pub enum Outcome {
    Ok(Value),
    Err(Value),
}

/// The `{code, message, remedy}` of an error, as the shell's `IpcError` carries it.
pub fn error_value(code: &str, message: String, remedy: String) -> Value {
    serde_json::json!({ "code": code, "message": message, "remedy": remedy })
}

fn from_core(err: CoreError) -> Value {
    let mut value = error_value(err.code().as_str(), err.to_string(), err.remedy());
    value["text"] = serde_json::to_value(err.text()).unwrap_or_default();
    value["remedy_text"] = serde_json::to_value(err.remedy_text()).unwrap_or_default();
    value
}

fn done<T: Serialize>(r: Result<T, CoreError>) -> Outcome {
    match r.map(|v| serde_json::to_value(v)) {
        Ok(Ok(v)) => Outcome::Ok(v),
        Ok(Err(e)) => Outcome::Err(error_value(
            "io",
            format!("the result could not be sent: {e}"),
            "Report this problem.".into(),
        )),
        Err(e) => Outcome::Err(from_core(e)),
    }
}

/// The arguments of one command, named as the bindings name them.
fn args<T: DeserializeOwned>(cmd: &str, value: &Value) -> Result<T, CoreError> {
    serde_json::from_value(value.clone()).map_err(|e| {
        CoreError::invalid(
            channelops_core::text!(
                "bridge-err-arguments",
                command = cmd,
                detail = e.to_string()
            ),
            channelops_core::text!("bridge-fix-arguments"),
        )
    })
}

macro_rules! with_args {
    ($cmd:expr, $value:expr, { $($name:ident : $ty:ty),* $(,)? }) => {{
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[allow(dead_code)]
        struct Args { $($name: $ty),* }
        match args::<Args>($cmd, $value) {
            Ok(a) => Ok(($(a.$name),*)),
            Err(e) => Err(e),
        }
    }};
}

/// Calls `cmd` with `value` (its arguments object).
// One-argument commands destructure `(name)`: parentheses the macros need for several.
#[allow(unused_parens)]
pub async fn call(bridge: &Bridge, cmd: &str, value: &Value) -> Outcome {
    let s: &Session = &bridge.session;
    macro_rules! call {
        ({ $($name:ident : $ty:ty),* $(,)? } => $body:expr) => {
            match with_args!(cmd, value, { $($name: $ty),* }) {
                Ok(($($name),*)) => done($body.await),
                Err(e) => Outcome::Err(from_core(e)),
            }
        };
    }
    match cmd {
        "app_info" => done(app::app_info()),
        "set_language" => {
            call!({ language: channelops_core::preferences::Language } => s.set_language(language))
        }
        "workspace_status" => done(s.workspace_status().await),
        "init_workspace" => call!({ input: app::NewWorkspaceInput } => s.init_workspace(input)),
        "sign_in" => call!({ email: String, password: String } => s.sign_in(email, password)),
        "sign_out" => {
            s.sign_out();
            done(Ok(()))
        }
        "customer_progress" => done(s.progress_table().await),
        "customer_parents" => done(s.customer_parents().await),
        "add_customer" => {
            match with_args!(cmd, value, { input: channelops_core::onboarding::NewCustomer }) {
                Ok(input) => done(
                    s.add_customer(input, None)
                        .await
                        .map(app::AddedCustomerView::from),
                ),
                Err(e) => Outcome::Err(from_core(e)),
            }
        }
        "add_contract" => {
            call!({ input: app::NewContractInput } => s.add_contract(input, ContractStatus::Active))
        }
        "aws_profiles" => done(app::aws_profiles().await),
        "aws_preflight" => {
            call!({ profile: Option<String>, account_id: String } => s.preflight(profile, account_id))
        }
        "validate_path" => {
            match with_args!(cmd, value, { path: String, account_id: Option<String> }) {
                Ok((path, account_id)) => {
                    let request = ValidateRequest {
                        path,
                        account_id,
                        ..Default::default()
                    };
                    done(s.validate(request, bridge.validation_events()).await)
                }
                Err(e) => Outcome::Err(from_core(e)),
            }
        }
        "cancel_validation" => {
            s.cancel_validation();
            done(Ok(()))
        }
        "list_accounts" => call!({ customer_id: String } => s.accounts(customer_id)),
        "add_account" => {
            call!({ customer_id: String, aws_account_id: String } => s.add_account(customer_id, aws_account_id))
        }
        "check_bucket" => {
            match with_args!(cmd, value, { profile: Option<String>, account_id: String, bucket: String, prefix: String })
            {
                Ok((profile, account_id, bucket, prefix)) => {
                    done(s.check_bucket(profile, account_id, bucket, prefix).await)
                }
                Err(e) => Outcome::Err(from_core(e)),
            }
        }
        "stack_link" => call!({ account_id: String } => s.stack_link(account_id)),
        "open_link" => match with_args!(cmd, value, { url: String }) {
            Ok(url) => done(app::open_link(&url)),
            Err(e) => Outcome::Err(from_core(e)),
        },
        "watch_stack" => {
            call!({ profile: Option<String>, account_id: String } => s.watch_stack(profile, account_id, bridge.stack_events()))
        }
        "stop_watching_stack" => {
            s.stop_watching_stack();
            done(Ok(()))
        }
        "list_curs" => {
            call!({ profile: Option<String>, account_id: String } => s.list_curs(profile, account_id, bridge.validation_events()))
        }
        "plan_cur" => {
            call!({ profile: Option<String>, request: channelops_core::aws::create_cur::CurRequest } => s.plan_cur(profile, request))
        }
        "create_cur" => {
            call!({ profile: Option<String>, plan: channelops_core::aws::create_cur::CurPlan } => s.create_cur(profile, plan))
        }
        "plan_stack" => {
            call!({ profile: Option<String>, account_id: String } => s.plan_stack(profile, account_id))
        }
        "create_stack" => {
            call!({ profile: Option<String>, account_id: String, plan: channelops_core::aws::create_stack::StackPlan } => s.create_stack(profile, account_id, plan))
        }
        "latest_curs" => call!({ account_id: String } => s.latest_curs(account_id)),
        "confirm_cur" => {
            call!({ account_id: String, report_name: String } => s.confirm_cur(account_id, report_name))
        }
        "aws_insights" => call!({ profile: Option<String> } => s.insights(profile)),
        "complete_account" => {
            call!({ account_id: String, insights: Vec<channelops_core::aws::insights::InsightKind> } => s.complete_account(account_id, insights))
        }
        "export_path" => match with_args!(cmd, value, { name: String, suffix: String }) {
            Ok((name, suffix)) => done(app::export_path(&name, &suffix)),
            Err(e) => Outcome::Err(from_core(e)),
        },
        "export_invitation" => {
            match with_args!(cmd, value, { customer_id: String, path: String }) {
                Ok((customer_id, path)) => done(
                    s.export_invitation(customer_id, path.trim().into(), None)
                        .await
                        .map(|(view, _)| view),
                ),
                Err(e) => Outcome::Err(from_core(e)),
            }
        }
        "activate_invitation" => {
            match with_args!(cmd, value, { path: String, code: String, password: String }) {
                Ok((path, code, password)) => done(
                    s.activate_invitation(path.trim().into(), code, password)
                        .await,
                ),
                Err(e) => Outcome::Err(from_core(e)),
            }
        }
        "activate_code" => {
            call!({ email: String, code: String, password: String } => s.activate_code(email, code, password))
        }
        "export_bundle" => {
            call!({ path: String, with_log: bool } => s.export_bundle(path.trim().into(), with_log))
        }
        // The bridge is not started with a file: a browser page has none to show.
        "opened_file" => done(Ok(Option::<app::OpenedFile>::None)),
        // A test must not open a file manager: the bridge answers with the folder only.
        "open_logs_folder" => done(app::log_dir().map(|d| d.display().to_string())),
        "preview_report" => call!({ path: String } => s.preview_report(path.trim().into())),
        "import_report" => call!({ path: String } => s.import_report(path.trim().into())),
        "customer_accounts" => done(s.customer_accounts().await),
        "export_customers_csv" => {
            call!({ ids: Vec<String>, path: String, language: channelops_core::preferences::Language } => s.export_customers_csv(ids, path.trim().into(), language))
        }
        "dropped_file" => match with_args!(cmd, value, { path: String }) {
            Ok(path) => done(Ok(app::open_file(std::path::Path::new(path.trim())))),
            Err(e) => Outcome::Err(from_core(e)),
        },
        "export_report" => {
            call!({ customer_id: String, path: String } => s.export_report(customer_id, path.trim().into()))
        }
        other => Outcome::Err(error_value(
            "not_found",
            format!("the bridge has no command {other:?}"),
            "Use a command of src-tauri/commands.list.".into(),
        )),
    }
}
