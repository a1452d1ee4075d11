//! `validate` (support staff's verdict on a folder, file, bundle or bucket) and
//! `fixtures` (generated examples of every layout).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use channelops_core::CoreError;
use channelops_core::app::{self, ValidateRequest};
use channelops_core::cur;

use crate::output::{human_bytes, print_either, print_json, print_validation, tr};
use crate::part3_cmd::show_progress;
use crate::{Ctx, verdict};
use channelops_core::text;

/// The `validate` subcommand's arguments.
pub struct Request {
    pub path: PathBuf,
    pub account_id: Option<String>,
    pub region: Option<String>,
    pub json: bool,
    pub deep: bool,
    pub sample_rows: u64,
    pub bundle_out: Option<PathBuf>,
}

pub fn validate(ctx: &Ctx, r: Request) -> Result<ExitCode, CoreError> {
    let show = show_progress(r.json);
    let progress = move |p: cur::Progress| {
        if show {
            eprint!(
                "\r{}   ",
                tr(&text!(
                    "cli-reading",
                    done = p.files_done,
                    total = p.files_total,
                    read = human_bytes(p.bytes_read)
                ))
            );
        }
    };
    let request = ValidateRequest {
        path: r.path.to_string_lossy().into_owned(),
        account_id: r.account_id,
        region: r.region,
        deep: r.deep,
        sample_rows: Some(r.sample_rows),
        bundle_required: r.bundle_out.is_some(),
    };
    let result = ctx.call(ctx.session.validate(request, progress))?;
    if let Some(out) = r.bundle_out {
        ctx.call(ctx.session.export_bundle(out, false))?;
    }
    if show {
        eprint!("\r\x1b[2K");
    }
    print_either(&result, r.json, print_validation)?;
    Ok(verdict(!result.selectable.is_empty()))
}

pub fn fixtures(dir: &Path, hostile: bool) -> Result<ExitCode, CoreError> {
    if hostile {
        let cases = app::write_hostile_corpus(dir)?;
        print_json(&cases)?;
        return Ok(ExitCode::SUCCESS);
    }
    for folder in app::write_fixtures(dir)? {
        println!("{}", folder.display());
    }
    Ok(ExitCode::SUCCESS)
}
