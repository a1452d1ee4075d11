//! The CUR validation engine: one engine over any [`Source`], discovering every
//! report and judging each with named checks (see `checks`).
//!
//! It reads as little as it can — manifests, Parquet footers and the first pages of
//! the columns it needs, gzip CSV heads — unless `deep` is asked for.

mod bounded;
pub mod checks;
pub mod columns;
pub mod discover;
pub mod fixtures;
pub mod manifest;
pub mod model;
pub mod parquet_guard;
pub mod parquet_read;
pub mod sample;
pub mod source;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

pub use model::*;
pub use source::{
    InMemory, LocalFolder, ObjectInfo, SingleFile, Source, open_local, too_many_objects,
};

use crate::error::CoreError;
use discover::{Candidate, Layout};
use manifest::Manifest;
use sample::{Inspection, Limits};
use source::Counting;

/// Cancels a running validation from another thread (the UI's Cancel button).
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The AWS management (payer) account the CUR must belong to.
    pub account_id: Option<String>,
    /// The bucket's region, when known from elsewhere (local copies).
    pub region: Option<String>,
    /// Read every row of every file instead of a sample.
    pub deep: bool,
    /// Rows sampled per file.
    pub sample_rows: u64,
    /// Parallel file reads.
    pub concurrency: usize,
    /// "Today" for the freshness check (tests pin it); `None` = the clock.
    pub today: Option<chrono::NaiveDate>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            account_id: None,
            region: None,
            deep: false,
            sample_rows: 1000,
            concurrency: 8,
            today: None,
        }
    }
}

/// One report prepared for judging: its latest period's manifest and data files.
struct Plan {
    candidate: Candidate,
    manifest_key: Option<String>,
    manifest: Option<Result<Manifest, manifest::Unreadable>>,
    data: Vec<ObjectInfo>,
    /// Files the manifest names that the source does not have.
    missing: Vec<String>,
    /// Files that make up the report (all periods), for `bytes_total`.
    bytes_total: u64,
}

/// Validates every report in `source`. `progress` is called as files are read.
pub fn validate(
    source: Arc<dyn Source>,
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &CancelToken,
) -> Result<ValidationResult, CoreError> {
    let src = Counting::with_cancel(source, cancel.clone());
    let description = src.inner().describe();
    let objects = src.inner().list()?;
    let single_file = objects.len() == 1 && discover::is_data_file(&objects[0].key);
    let candidates = discover::discover(&objects);

    let limits = Limits {
        rows: options.sample_rows.max(1),
        deep: options.deep,
    };
    let planned = plan_and_read(
        &src,
        &objects,
        candidates,
        limits,
        options.concurrency,
        progress,
        cancel,
    );
    if cancel.is_cancelled() {
        return Err(CoreError::Cancelled);
    }

    let region = match &options.region {
        Some(r) => Some(r.clone()),
        None if src.inner().is_local() => None,
        None => src.inner().region()?,
    };
    let today = options
        .today
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let ctx = checks::Context {
        account_id: options.account_id.as_deref(),
        region: region.as_deref(),
        region_known: options.region.is_some() || !src.inner().is_local(),
        today,
    };

    let mut reports = Vec::new();
    let mut bytes_total = 0;
    for (plan, mut inspections) in planned {
        inspections.sort_by(|a, b| a.key.cmp(&b.key));
        // A loose file that is not a cost report is not ours to judge — unless it
        // is the only thing the user pointed at.
        let not_cur = inspections.iter().all(|i| {
            i.columns
                .as_ref()
                .is_none_or(|c| c.schema() == columns::Schema::NotCur)
                && i.error.is_none()
        });
        // Even a file dropped here was read to find out, so it counts in the total.
        bytes_total += plan.bytes_total;
        if plan.candidate.layout == Layout::Loose && not_cur && !single_file {
            continue;
        }
        reports.push(checks::judge(
            &plan.candidate,
            plan.manifest_key.as_deref(),
            plan.manifest.as_ref(),
            &plan.missing,
            &inspections,
            &ctx,
        ));
    }

    let selectable: Vec<String> = reports
        .iter()
        .filter(|r| r.valid)
        .map(|r| r.name.clone())
        .collect();
    let choose_one = (selectable.len() > 1).then(|| {
        crate::text!(
            "validation-choose-one",
            count = selectable.len(),
            names = selectable.join(", ")
        )
    });
    let note = reports
        .is_empty()
        .then(|| crate::text!("validation-no-report"));
    Ok(ValidationResult {
        source: description,
        reports,
        selectable,
        choose_one,
        note,
        bytes_read: src.bytes_read(),
        requests: src.requests(),
        bytes_total,
    })
}

fn read_manifest(src: &Counting, obj: &ObjectInfo) -> Result<Manifest, manifest::Unreadable> {
    if obj.size > manifest::MAX_MANIFEST_BYTES {
        return Err(crate::text!(
            "decode-manifest-size",
            size = obj.size,
            max = manifest::MAX_MANIFEST_BYTES
        )
        .into());
    }
    let bytes = src
        .read_range(&obj.key, 0, obj.size)
        .map_err(|e| manifest::Unreadable {
            why: e.text(),
            remedy: Some(e.remedy_text()),
        })?;
    Ok(manifest::parse(&bytes)?)
}

/// Does `object_key` (relative to the source root) stand for `report_key`
/// (bucket-absolute, or an s3:// URI)? The root may be the bucket, a prefix in it,
/// or a local folder holding the bucket's copy in a sub-folder.
fn key_matches(object_key: &str, report_key: &str) -> bool {
    let rk = report_key
        .strip_prefix("s3://")
        .map(|s| s.split_once('/').map_or("", |(_, k)| k))
        .unwrap_or(report_key);
    !rk.is_empty()
        && (rk == object_key || ends_with_path(rk, object_key) || ends_with_path(object_key, rk))
}

/// `path` ends with `/` + `tail` (compared in place: this runs for every object
/// against every key a manifest names).
fn ends_with_path(path: &str, tail: &str) -> bool {
    path.len() > tail.len()
        && path.ends_with(tail)
        && path.as_bytes()[path.len() - tail.len() - 1] == b'/'
}

/// Work for the readers: a report to plan (its manifest read), or a data file
/// to sample once its report is planned.
enum Task {
    Plan(usize, Candidate),
    Inspect(usize, ObjectInfo),
}

struct Queue {
    tasks: std::collections::VecDeque<Task>,
    /// Reports not planned yet: their data files may still come.
    planning: usize,
    files_total: u32,
}

/// Marks one report planned when dropped, and wakes the readers waiting for work.
struct Planned<'a>(&'a std::sync::Mutex<Queue>, &'a std::sync::Condvar);

impl Drop for Planned<'_> {
    fn drop(&mut self) {
        if let Ok(mut q) = self.0.lock() {
            q.planning = q.planning.saturating_sub(1);
        }
        self.1.notify_all();
    }
}

/// Plans every report and samples its data files, on `concurrency` readers: a
/// report's files are read as soon as its own manifest is (on S3 each read is a
/// round trip; no report waits for another's manifest). Returns each plan, in
/// discovery order, with its inspections.
fn plan_and_read(
    src: &Counting,
    objects: &[ObjectInfo],
    candidates: Vec<Candidate>,
    limits: Limits,
    concurrency: usize,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &CancelToken,
) -> Vec<(Plan, Vec<Inspection>)> {
    let count = candidates.len();
    let queue = std::sync::Mutex::new(Queue {
        tasks: candidates
            .into_iter()
            .enumerate()
            .map(|(i, c)| Task::Plan(i, c))
            .collect(),
        planning: count,
        files_total: 0,
    });
    let ready = std::sync::Condvar::new();
    let plans = std::sync::Mutex::new((0..count).map(|_| None).collect::<Vec<Option<Plan>>>());
    let results = std::sync::Mutex::new(Vec::new());
    let done = AtomicU32::new(0);
    let report = |files_done: u32| {
        let files_total = queue.lock().map(|q| q.files_total).unwrap_or(files_done);
        progress(Progress {
            files_done,
            files_total,
            bytes_read: src.bytes_read(),
        });
    };
    report(0);
    let next_task = || -> Option<Task> {
        let mut q = queue.lock().ok()?;
        loop {
            if cancel.is_cancelled() {
                return None;
            }
            if let Some(t) = q.tasks.pop_front() {
                return Some(t);
            }
            if q.planning == 0 {
                return None;
            }
            q = ready.wait(q).ok()?;
        }
    };
    std::thread::scope(|scope| {
        // Never more readers than objects (each task is a report or a file).
        for _ in 0..concurrency.clamp(1, 32).min(objects.len().max(1)) {
            scope.spawn(|| {
                while let Some(task) = next_task() {
                    match task {
                        Task::Plan(i, candidate) => {
                            // Counted as planned even if planning panics, so no reader waits forever.
                            let guard = Planned(&queue, &ready);
                            let p = plan(src, objects, candidate);
                            if let Ok(mut q) = queue.lock() {
                                q.files_total = q.files_total.saturating_add(
                                    u32::try_from(p.data.len()).unwrap_or(u32::MAX),
                                );
                                q.tasks
                                    .extend(p.data.iter().map(|o| Task::Inspect(i, o.clone())));
                            }
                            drop(guard);
                            if let Ok(mut all) = plans.lock() {
                                all[i] = Some(p);
                            }
                            report(done.load(Ordering::Relaxed));
                        }
                        Task::Inspect(i, obj) => {
                            let inspection = sample::inspect(src, &obj, limits, cancel);
                            if let Ok(mut r) = results.lock() {
                                r.push((i, inspection));
                            }
                            report(done.fetch_add(1, Ordering::Relaxed) + 1);
                        }
                    }
                    ready.notify_all();
                }
                // Cancelled or finished: wake the others waiting for work.
                ready.notify_all();
            });
        }
    });
    // Workers report out of order: end on an exact figure.
    report(done.load(Ordering::Relaxed));
    let mut by_plan: Vec<Vec<Inspection>> = (0..count).map(|_| Vec::new()).collect();
    for (i, inspection) in results.into_inner().unwrap_or_default() {
        if let Some(v) = by_plan.get_mut(i) {
            v.push(inspection);
        }
    }
    plans
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .zip(by_plan)
        .filter_map(|(p, inspections)| Some((p?, inspections)))
        .collect()
}

fn plan(src: &Counting, objects: &[ObjectInfo], candidate: Candidate) -> Plan {
    let bytes_total = candidate
        .periods
        .values()
        .flat_map(|p| {
            p.manifests
                .iter()
                .chain(p.assembly_manifests.values())
                .chain(p.data.iter())
                .chain(p.assembly_data.values().flatten())
        })
        .map(|o| o.size)
        .sum();
    let Some(latest) = candidate.latest().cloned() else {
        return Plan {
            candidate,
            manifest_key: None,
            manifest: None,
            data: vec![],
            missing: vec![],
            bytes_total,
        };
    };
    // The current manifest: the one in the period folder, else the newest assembly's.
    let manifest_obj = latest
        .manifests
        .first()
        .or_else(|| latest.assembly_manifests.values().next_back());
    let manifest = manifest_obj.map(|m| read_manifest(src, m));

    let named: Vec<String> = match &manifest {
        Some(Ok(m)) if !m.report_keys.is_empty() => m.report_keys.clone(),
        Some(Ok(m)) if !m.data_files.is_empty() => m.data_files.clone(),
        _ => Vec::new(),
    };
    let (data, missing) = if named.is_empty() {
        // No usable list: the period's own files, or the newest assembly's.
        let assembly = match &manifest {
            Some(Ok(m)) => m
                .assembly_id
                .clone()
                .filter(|a| latest.assembly_data.contains_key(a)),
            _ => None,
        };
        let from_assembly = assembly
            .and_then(|a| latest.assembly_data.get(&a).cloned())
            .or_else(|| latest.assembly_data.values().next_back().cloned())
            .unwrap_or_default();
        let mut data = latest.data.clone();
        data.extend(from_assembly);
        (data, Vec::new())
    } else {
        let mut data = Vec::new();
        let mut missing = Vec::new();
        for rk in named.iter().filter(|k| discover::is_data_file(k)) {
            match objects.iter().find(|o| key_matches(&o.key, rk)) {
                Some(o) => data.push(o.clone()),
                None => missing.push(rk.clone()),
            }
        }
        (data, missing)
    };
    Plan {
        candidate,
        manifest_key: manifest_obj.map(|m| m.key.clone()),
        manifest,
        data,
        missing,
        bytes_total,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn report_keys_match_objects_whatever_the_root() {
        use super::key_matches;
        assert!(key_matches("p/r/1.csv.gz", "p/r/1.csv.gz"));
        assert!(
            key_matches("r/1.csv.gz", "p/r/1.csv.gz"),
            "root is a prefix of the bucket"
        );
        assert!(
            key_matches("copy/p/r/1.csv.gz", "p/r/1.csv.gz"),
            "the bucket copy is in a sub-folder"
        );
        assert!(key_matches(
            "x/data/f.parquet",
            "s3://bucket/x/data/f.parquet"
        ));
        assert!(!key_matches("p/r/11.csv.gz", "p/r/1.csv.gz"));
        assert!(!key_matches("a.csv", ""));
    }
}
