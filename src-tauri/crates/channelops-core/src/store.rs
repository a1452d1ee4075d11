//! The local SQLite store: one file, versioned migrations, WAL, foreign keys on.
//! Every user action runs in one transaction together with its audit record.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction};
use rusqlite_migration::{M, Migrations};

use crate::error::CoreError;

/// Environment variable that overrides the database file.
pub const DB_ENV: &str = "CHANNELOPS_DB";

/// Schema migrations, in order. Never edit a released one: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("store/001_initial.sql"),
    include_str!("store/002_progress_index.sql"),
    include_str!("store/003_trust.sql"),
    include_str!("store/004_cur_definitions.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this binary knows.
pub fn known_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The database file: `$CHANNELOPS_DB`, else `channelops.db` in the data folder.
pub fn default_path() -> Result<PathBuf, CoreError> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    Ok(crate::app_info::data_dir()?.join("channelops.db"))
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) and migrates the database. A database written by
    /// a newer version is refused before anything is changed.
    pub fn open(path: &Path) -> Result<Store, CoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::files::create_private_dir(parent)?;
        }
        // Owner-only before SQLite opens it: the WAL and shared-memory files it
        // creates take the database's mode.
        crate::files::ensure_private_file(path)?;
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found > known_version() {
            return Err(CoreError::SchemaTooNew {
                path: path.to_owned(),
                found,
                known: known_version(),
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // A page cache large enough for the progress view's table scans.
        conn.pragma_update(None, "cache_size", -32_000i64)?;
        migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => CoreError::Database(err),
            other => CoreError::Database(rusqlite::Error::InvalidParameterName(format!(
                "migration failed: {other}"
            ))),
        })?;
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction: all of it is written, or none.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, CoreError>,
    ) -> Result<T, CoreError> {
        self.transaction(f, true)
    }

    fn transaction<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, CoreError>,
        commit: bool,
    ) -> Result<T, CoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        if commit {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        Ok(out)
    }

    /// Runs `f` in a write transaction and rolls it back: what a change would do,
    /// with every check it makes, and nothing kept (import previews).
    pub fn rehearse<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, CoreError>,
    ) -> Result<T, CoreError> {
        self.transaction(f, false)
    }

    /// Folds the write-ahead log back into the database file and empties it. Worth
    /// doing after a bulk write: until the log restarts, every read consults it.
    pub fn checkpoint(&self) -> Result<(), CoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// `PRAGMA integrity_check` → "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, CoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// A setting of this workspace (key/value).
    pub fn setting(&self, key: &str) -> Result<Option<String>, CoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }
}

pub use crate::ids::{new_id, now, random_bytes};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_migrates_and_refuses_a_newer_schema() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("sub/app.db");
        let store = Store::open(&path).unwrap();
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, known_version());
        let fk: i64 = store
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(store.integrity_check().unwrap(), "ok");
        store
            .conn()
            .pragma_update(None, "user_version", known_version() + 1)
            .unwrap();
        drop(store);
        let err = Store::open(&path).err().unwrap();
        assert_eq!(err.code().as_str(), "schema_too_new");
        assert!(err.to_string().contains("newer version"));
        // Nothing was changed: the version is still the newer one.
        let conn = Connection::open(&path).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, known_version() + 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_database_its_log_and_the_key_are_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("data/app.db");
        let mut store = Store::open(&path).unwrap();
        store
            .write(|tx| {
                tx.execute("CREATE TABLE t (x)", [])?;
                Ok(())
            })
            .unwrap();
        crate::signing::ensure_key(&path).unwrap();
        let wal = tmp.path().join("data/app.db-wal");
        let shm = tmp.path().join("data/app.db-shm");
        let key = crate::signing::key_path(&path);
        for file in [&path, &wal, &shm, &key] {
            assert_eq!(mode(file), 0o600, "{}", file.display());
        }
        assert_eq!(mode(&tmp.path().join("data")), 0o700);
        // A key others can read is refused, with the fix.
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = crate::signing::load_key(&path).unwrap_err();
        assert!(err.remedy().contains("chmod 600"), "{err}");
        // A database made readable by others is made the owner's again on open.
        drop(store);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let _store = Store::open(&path).unwrap();
        assert_eq!(mode(&path), 0o600);
    }
}
