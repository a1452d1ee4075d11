//! Finds the reports in a source from its key listing alone (no reads): legacy
//! CSV and Parquet layouts, CUR 2.0 / FOCUS Data Exports, and loose data files.
//! Keys that are not CUR data or manifests are ignored.

use std::collections::BTreeMap;

use super::source::ObjectInfo;

/// How a report's files are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `<prefix>/<report>/<yyyymmdd-yyyymmdd>/[<assembly>/]<files>` (CSV, or Parquet CREATE_NEW).
    LegacyDateRange,
    /// `<prefix>/<report>/<report>/year=YYYY/month=M/<files>` (Parquet with Athena).
    LegacyAthena,
    /// `<prefix>/<export>/{data,metadata}/BILLING_PERIOD=YYYY-MM/…` (CUR 2.0, FOCUS).
    DataExports,
    /// A data file in no known layout.
    Loose,
}

/// The files of one billing period of a report.
#[derive(Debug, Clone, Default)]
pub struct Period {
    /// `YYYY-MM`.
    pub label: String,
    /// Manifests directly in the period folder (legacy: the current one).
    pub manifests: Vec<ObjectInfo>,
    /// Manifests inside assembly folders, by assembly id.
    pub assembly_manifests: BTreeMap<String, ObjectInfo>,
    /// Data files directly in the period folder.
    pub data: Vec<ObjectInfo>,
    /// Data files inside assembly folders, by assembly id.
    pub assembly_data: BTreeMap<String, Vec<ObjectInfo>>,
}

/// A report found in the listing.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub name: String,
    /// Key prefix of the report folder (or the key itself for a loose file).
    pub location: String,
    pub layout: Layout,
    /// By `YYYY-MM`, oldest first.
    pub periods: BTreeMap<String, Period>,
}

impl Candidate {
    pub fn latest(&self) -> Option<&Period> {
        self.periods.values().next_back()
    }
}

pub fn is_data_file(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".csv.gz")
        || n.ends_with(".csv.zip")
        || n.ends_with(".csv")
        || n.ends_with(".parquet")
}

pub fn is_manifest(name: &str) -> bool {
    name.ends_with("-Manifest.json")
}

fn is_date_range(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 17
        && b[8] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 8 || c.is_ascii_digit())
}

fn period_of_range(s: &str) -> String {
    format!("{}-{}", &s[0..4], &s[4..6])
}

fn join(segs: &[&str]) -> String {
    let mut s = segs.join("/");
    if !s.is_empty() {
        s.push('/');
    }
    s
}

/// `BILLING_PERIOD=2026-10` → `2026-10`.
fn billing_period(seg: &str) -> Option<String> {
    let value = seg.strip_prefix("BILLING_PERIOD=")?;
    let ok = value.len() == 7 && value.as_bytes()[4] == b'-';
    ok.then(|| value.to_owned())
}

/// `year=2026`, `month=9` → `2026-09`.
fn athena_period(year: &str, month: &str) -> Option<String> {
    let y: u32 = year.strip_prefix("year=")?.parse().ok()?;
    let m: u32 = month.strip_prefix("month=")?.parse().ok()?;
    (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}"))
}

/// Groups every CUR file of the listing into reports.
pub fn discover(objects: &[ObjectInfo]) -> Vec<Candidate> {
    let mut found: BTreeMap<String, Candidate> = BTreeMap::new();
    fn entry<'m>(
        found: &'m mut BTreeMap<String, Candidate>,
        location: String,
        name: &str,
        layout: Layout,
    ) -> &'m mut Candidate {
        let c = found.entry(location.clone()).or_insert_with(|| Candidate {
            name: name.to_owned(),
            location,
            layout,
            periods: BTreeMap::new(),
        });
        // Athena data decides over a date-folder manifest of the same report.
        if layout == Layout::LegacyAthena {
            c.layout = layout;
        }
        c
    }

    for obj in objects {
        let segs: Vec<&str> = obj.key.split('/').collect();
        let Some((file, dirs)) = segs.split_last() else {
            continue;
        };
        let data = is_data_file(file);
        let manifest = is_manifest(file);
        if !(data || manifest) || dirs.contains(&"cost_and_usage_data_status") {
            continue;
        }

        // CUR 2.0 / FOCUS Data Exports.
        if let Some(i) = dirs
            .iter()
            .position(|d| *d == "data" || *d == "metadata")
            .filter(|&i| i >= 1 && dirs.get(i + 1).and_then(|s| billing_period(s)).is_some())
        {
            let label = dirs
                .get(i + 1)
                .and_then(|s| billing_period(s))
                .unwrap_or_default();
            let c = entry(
                &mut found,
                join(&dirs[..i]),
                dirs[i - 1],
                Layout::DataExports,
            );
            let p = c.periods.entry(label.clone()).or_insert_with(|| Period {
                label,
                ..Default::default()
            });
            if manifest {
                p.manifests.push(obj.clone());
            } else if dirs[i] == "data" {
                p.data.push(obj.clone());
            }
            continue;
        }

        // Legacy Parquet for Athena: <prefix>/<report>/<report>/year=YYYY/month=M/<file>.
        let athena = dirs
            .iter()
            .position(|d| d.starts_with("year="))
            .filter(|&i| i >= 2 && dirs[i - 1] == dirs[i - 2])
            .and_then(|i| Some((i, dirs.get(i + 1).and_then(|m| athena_period(dirs[i], m))?)));
        if let Some((i, label)) = athena {
            let c = entry(
                &mut found,
                join(&dirs[..i - 1]),
                dirs[i - 1],
                Layout::LegacyAthena,
            );
            let p = c.periods.entry(label.clone()).or_insert_with(|| Period {
                label,
                ..Default::default()
            });
            if manifest {
                p.manifests.push(obj.clone())
            } else {
                p.data.push(obj.clone())
            }
            continue;
        }

        // Legacy date-range folders: <prefix>/<report>/<yyyymmdd-yyyymmdd>/[<assembly>/]<file>.
        if let Some(i) = dirs
            .iter()
            .rposition(|d| is_date_range(d))
            .filter(|&i| i >= 1)
        {
            let rest = &dirs[i + 1..];
            if rest.len() <= 1 {
                let label = period_of_range(dirs[i]);
                let c = entry(
                    &mut found,
                    join(&dirs[..i]),
                    dirs[i - 1],
                    Layout::LegacyDateRange,
                );
                let p = c.periods.entry(label.clone()).or_insert_with(|| Period {
                    label,
                    ..Default::default()
                });
                match (rest.first(), manifest) {
                    (None, true) => p.manifests.push(obj.clone()),
                    (None, false) => p.data.push(obj.clone()),
                    (Some(a), true) => {
                        p.assembly_manifests.insert((*a).to_owned(), obj.clone());
                    }
                    (Some(a), false) => p
                        .assembly_data
                        .entry((*a).to_owned())
                        .or_default()
                        .push(obj.clone()),
                }
                continue;
            }
        }

        // Anything else that is a data file is judged on its own.
        if data {
            let stem = file
                .trim_end_matches(".gz")
                .trim_end_matches(".zip")
                .trim_end_matches(".csv")
                .trim_end_matches(".parquet")
                .trim_end_matches(".snappy");
            let c = entry(&mut found, obj.key.clone(), stem, Layout::Loose);
            let p = c.periods.entry(String::new()).or_default();
            p.data.push(obj.clone());
        }
    }
    found.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objs(keys: &[&str]) -> Vec<ObjectInfo> {
        keys.iter()
            .map(|k| ObjectInfo {
                key: (*k).to_owned(),
                size: 10,
            })
            .collect()
    }

    #[test]
    fn legacy_csv_with_assemblies_and_both_manifests() {
        let list = objs(&[
            "cur/rep/20261001-20261101/rep-Manifest.json",
            "cur/rep/20261001-20261101/6f0e1b7c-1111-4a4a-9b9b-0123456789ab/rep-Manifest.json",
            "cur/rep/20261001-20261101/6f0e1b7c-1111-4a4a-9b9b-0123456789ab/rep-1.csv.gz",
            "cur/rep/20261001-20261101/6f0e1b7c-1111-4a4a-9b9b-0123456789ab/rep-2.csv.gz",
            "cur/rep/20260901-20261001/rep-Manifest.json",
            "cur/rep/rep-create-table.sql",
            "unrelated/readme.txt",
        ]);
        let found = discover(&list);
        assert_eq!(found.len(), 1);
        let c = &found[0];
        assert_eq!(
            (c.name.as_str(), c.location.as_str(), c.layout),
            ("rep", "cur/rep/", Layout::LegacyDateRange)
        );
        assert_eq!(c.periods.keys().collect::<Vec<_>>(), ["2026-09", "2026-10"]);
        let latest = c.latest().unwrap();
        assert_eq!(latest.manifests.len(), 1);
        assert_eq!(latest.assembly_data.values().next().unwrap().len(), 2);
    }

    #[test]
    fn athena_parquet_merges_with_its_date_manifest_and_skips_status_table() {
        let list = objs(&[
            "rep/rep/year=2026/month=9/rep-00001.snappy.parquet",
            "rep/rep/year=2026/month=10/rep-00001.snappy.parquet",
            "rep/rep/year=2026/month=10/rep-00002.snappy.parquet",
            "rep/20261001-20261101/rep-Manifest.json",
            "rep/cost_and_usage_data_status/cost_and_usage_data_status.parquet",
            "rep/crawler-cfn.yml",
        ]);
        let found = discover(&list);
        assert_eq!(found.len(), 1, "{found:?}");
        let c = &found[0];
        assert_eq!(
            (c.layout, c.location.as_str()),
            (Layout::LegacyAthena, "rep/")
        );
        assert_eq!(c.periods.keys().collect::<Vec<_>>(), ["2026-09", "2026-10"]);
        assert_eq!(c.latest().unwrap().data.len(), 2);
        assert_eq!(c.latest().unwrap().manifests.len(), 1);
    }

    #[test]
    fn data_exports_and_loose_files() {
        let list = objs(&[
            "x/exp/data/BILLING_PERIOD=2026-10/exp-00001.snappy.parquet",
            "x/exp/metadata/BILLING_PERIOD=2026-10/exp-Manifest.json",
            "loose/file.csv",
            "notes.md",
        ]);
        let found = discover(&list);
        let kinds: Vec<_> = found.iter().map(|c| (c.name.as_str(), c.layout)).collect();
        assert_eq!(
            kinds,
            [("file", Layout::Loose), ("exp", Layout::DataExports)]
        );
    }

    #[test]
    fn parquet_create_new_with_timestamp_assembly() {
        let list = objs(&[
            "p/rep/20261001-20261101/20261003T120125Z/rep-00001.snappy.parquet",
            "p/rep/20261001-20261101/20261002T100000Z/rep-00001.snappy.parquet",
        ]);
        let found = discover(&list);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].latest().unwrap().assembly_data.len(), 2);
    }
}
