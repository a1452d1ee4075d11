//! The three hand-over files as the desktop knows them: their own file
//! extensions and MIME types (the package registers them, so a double-click
//! opens the app), and which one a given file is.

#[allow(unused_imports)]
use super::*;

/// Which hand-over file a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HandoverKind {
    /// Reseller → customer: opens the invitation's activation.
    Invitation,
    /// Customer → reseller: opens the report's import preview.
    Report,
    /// Customer → support: opens the bundle in Support.
    Bundle,
}

impl HandoverKind {
    pub const ALL: [HandoverKind; 3] = [Self::Invitation, Self::Report, Self::Bundle];

    /// The file extension (without the dot). Files made before these existed end
    /// in `.json`; they still open from the dialogs.
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Invitation => "channelops-invitation",
            Self::Report => "channelops-report",
            Self::Bundle => "channelops-bundle",
        }
    }

    /// The MIME type the package registers for the extension.
    pub const fn mime_type(self) -> &'static str {
        match self {
            Self::Invitation => "application/vnd.channelops.invitation+json",
            Self::Report => "application/vnd.channelops.report+json",
            Self::Bundle => "application/vnd.channelops.bundle+json",
        }
    }

    /// The envelope format this kind of file holds.
    pub const fn format(self) -> &'static str {
        match self {
            Self::Invitation => INVITATION_FORMAT,
            Self::Report => REPORT_FORMAT,
            Self::Bundle => BUNDLE_FORMAT,
        }
    }

    /// What a file of this kind is called in a dialog's filter and in the file manager.
    pub const fn description(self) -> &'static str {
        match self {
            Self::Invitation => "ChannelOps invitation",
            Self::Report => "ChannelOps onboarding report",
            Self::Bundle => "ChannelOps diagnostic bundle",
        }
    }

    /// `.` and the extension, as an exported file's name ends.
    pub fn suffix(self) -> String {
        format!(".{}", self.extension())
    }
}

/// Reads which hand-over file `path` is from the format inside it (a renamed
/// file, or one of an earlier version ending in `.json`, is still known), without
/// checking its signature: opening it does that.
pub fn kind_of(path: &Path) -> Result<HandoverKind, CoreError> {
    #[derive(Deserialize)]
    struct Head<'a> {
        format: &'a str,
    }
    let bytes = read_file(path)?;
    let head: Head<'_> = serde_json::from_slice(&bytes).map_err(|_| {
        invalid_file(
            text!("file-err-not-handover", path = path.display().to_string()),
            text!("file-fix-not-handover"),
        )
    })?;
    let family = |format: &str| {
        format
            .rsplit_once('/')
            .map_or(format, |(f, _)| f)
            .to_owned()
    };
    HandoverKind::ALL
        .into_iter()
        .find(|k| family(k.format()) == family(head.format))
        .ok_or_else(|| {
            invalid_file(
                text!(
                    "file-err-not-handover-format",
                    path = path.display().to_string(),
                    format = head.format.chars().take(80).collect::<String>()
                ),
                text!("file-fix-not-handover"),
            )
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_file_is_known_by_its_format_not_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let key = SigningKey::from_bytes(&[7; 32]);
        for kind in HandoverKind::ALL {
            let path = dir.path().join("renamed.json");
            std::fs::write(&path, seal_raw(&key, kind.format(), "{}").unwrap()).unwrap();
            assert_eq!(kind_of(&path).unwrap(), kind);
        }
        let other = dir.path().join("x.channelops-report");
        std::fs::write(&other, r#"{"format":"something-else/1"}"#).unwrap();
        let err = kind_of(&other).unwrap_err().to_string();
        assert!(err.contains("not a ChannelOps hand-over file"), "{err}");
        std::fs::write(&other, "[1, 2").unwrap();
        assert!(kind_of(&other).is_err());
        // A later version of a known kind is still that kind (opening it says why it cannot).
        std::fs::write(&other, r#"{"format":"channelops-onboarding-report/9"}"#).unwrap();
        assert_eq!(kind_of(&other).unwrap(), HandoverKind::Report);
    }

    #[test]
    fn extensions_and_mime_types_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for kind in HandoverKind::ALL {
            assert!(seen.insert(kind.extension()) && seen.insert(kind.mime_type()));
            assert!(kind.suffix().starts_with(".channelops-"));
        }
    }
}
