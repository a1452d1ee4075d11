//! Bulk onboarding from CSV, all or nothing.

#[allow(unused_imports)]
use super::*;

/// Imports customers from CSV (`name,domain,contact_name,contact_email,parent[,complete_later]`,
/// parent = reseller name or ID). All or nothing: every bad row is reported with
/// its line number and reason, and then nothing is written.
pub fn import_customers(
    store: &mut Store,
    actor: &Actor,
    csv_bytes: &[u8],
) -> Result<usize, CoreError> {
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(csv_bytes);
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| {
            CoreError::invalid(
                text!("import-err-header", detail = e.to_string()),
                text!("import-fix-header"),
            )
        })?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let required = ["name", "domain", "contact_name", "contact_email", "parent"];
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| col(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(CoreError::invalid(
            text!("import-err-columns", columns = missing.join(", ")),
            text!("import-fix-columns"),
        ));
    }
    let idx: Vec<usize> = required.iter().filter_map(|c| col(c)).collect();
    let later = col("complete_later");

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut emails = std::collections::HashSet::new();
    let mut parents: std::collections::HashMap<String, Result<String, Text>> =
        std::collections::HashMap::new();
    for (i, record) in rdr.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(text!(
                    "import-line-csv",
                    line = line,
                    detail = e.to_string()
                ));
                continue;
            }
        };
        let get = |j: usize| record.get(idx[j]).unwrap_or("").to_owned();
        // Each parent is looked up and its rights checked once, not per row.
        let parent_ref = get(4);
        let parent = parents
            .entry(parent_ref.clone())
            .or_insert_with(|| {
                find_org(store.conn(), &parent_ref, Some(OrgKind::Reseller))
                    .and_then(|p| checked_parent(store.conn(), actor, &p.id))
                    .map(|p| p.id)
                    .map_err(|e| e.text())
            })
            .clone();
        let parent = match parent {
            Ok(id) => id,
            Err(e) => {
                errors.push(text!("import-line-parent", line = line, why = e));
                continue;
            }
        };
        let candidate = NewCustomer {
            parent_id: parent,
            name: get(0),
            domain: get(1),
            contact_name: get(2),
            contact_email: get(3),
            complete_later: later
                .and_then(|j| record.get(j))
                .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes")),
        };
        match check_new_customer(&candidate) {
            Ok(c) => {
                if !emails.insert(c.contact_email.to_ascii_lowercase()) {
                    errors.push(text!(
                        "import-line-twice",
                        line = line,
                        email = &c.contact_email
                    ));
                } else {
                    rows.push((line, c));
                }
            }
            Err(e) => errors.push(text!("import-line", line = line, why = e.text())),
        }
    }
    if errors.is_empty() && rows.is_empty() {
        return Err(CoreError::invalid(
            text!("import-err-empty"),
            text!("import-fix-empty"),
        ));
    }
    if errors.is_empty() {
        let count = rows.len();
        let result = store.write(|tx| {
            let mut errs = Vec::new();
            // Rights are checked here, in the transaction, once per parent.
            let mut checked: std::collections::HashMap<&str, Org> =
                std::collections::HashMap::new();
            for (line, c) in &rows {
                let parent = match checked.entry(c.parent_id.as_str()) {
                    std::collections::hash_map::Entry::Occupied(e) => Ok(e.into_mut()),
                    std::collections::hash_map::Entry::Vacant(v) => {
                        checked_parent(tx, actor, &c.parent_id).map(|p| v.insert(p))
                    }
                };
                let inserted = parent.and_then(|parent| insert_under(tx, actor, parent, c));
                if let Err(e) = inserted {
                    errs.push(text!("import-line", line = *line, why = e.text()));
                }
            }
            if errs.is_empty() {
                audit(
                    tx,
                    &actor.email,
                    "customers.import",
                    &format!("{count} customers"),
                    "",
                )?;
                Ok(())
            } else {
                Err(CoreError::invalid(
                    import_message(&errs),
                    text!("import-fix-rows"),
                ))
            }
        });
        result?;
        // A bulk write: empty the WAL so that later reads need not consult it.
        store.checkpoint()?;
        return Ok(count);
    }
    Err(CoreError::invalid(
        import_message(&errors),
        text!("import-fix-rows"),
    ))
}

/// "N row(s) cannot be imported", then the rows' problems one per line (the first 50).
pub(super) fn import_message(errors: &[Text]) -> Text {
    let shown = &errors[..errors.len().min(50)];
    let more = errors.len() - shown.len();
    if more > 0 {
        text!(
            "import-err-rows-more",
            count = errors.len(),
            rows = text::lines(shown),
            more = more
        )
    } else {
        text!(
            "import-err-rows",
            count = errors.len(),
            rows = text::lines(shown)
        )
    }
}
