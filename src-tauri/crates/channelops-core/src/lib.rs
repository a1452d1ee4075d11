//! ChannelOps onboarding domain library.
//!
//! Everything the product *does* lives here: the domain model and its rules, the
//! local store, the onboarding state, the AWS checks and the CUR validation engine.
//! The desktop shell (Tauri) and the `channelops` CLI are thin adapters over this
//! crate. It must never depend on Tauri or on any GUI crate.

pub mod app;
pub mod app_info;
pub mod auth;
pub mod aws;
pub mod cloudformation;
pub mod connect;
pub mod cur;
pub mod error;
pub mod files;
pub mod guard;
pub mod handover;
pub mod hostile;
pub mod ids;
pub mod limits;
pub mod logs;
pub mod onboarding;
pub mod overview;
pub mod preferences;
pub mod progress;
pub mod settings;
pub mod signing;
pub mod store;
pub mod text;

pub use app_info::{AppInfo, app_info};
pub use error::{CoreError, ErrorCode};

/// The product name, as shown to users.
pub const PRODUCT_NAME: &str = "ChannelOps Onboarding";

/// The version of the core library (the app and CLI share it through the workspace).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
