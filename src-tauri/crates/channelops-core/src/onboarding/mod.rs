//! Parts 1 and 2 of the flow and the records of Part 3: the workspace, resellers,
//! customers, contracts, cloud accounts and validation runs — each action one
//! transaction with its audit record, each checked against the actor's rights.
//!
//! One file per concern; this module re-exports them, so callers write
//! `onboarding::add_contract` whatever file it lives in.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

use crate::auth::{self, Actor, OrgKind, Role};
use crate::error::CoreError;
use crate::store::{Store, new_id, now};
#[allow(unused_imports)]
use crate::text;
#[allow(unused_imports)]
use crate::text::Text;

mod accounts;
mod audit;
mod contracts;
mod customers;
mod import;
mod input;
mod workspace;

pub use accounts::*;
pub use audit::*;
pub use contracts::*;
pub use customers::*;
pub use import::*;
pub use input::*;
pub use workspace::*;
