//! `channelops-package CONFIG OUT_DIR [deb|rpm]...`: the Linux packages of the app.
//!
//! Reads the bundle settings from `tauri.conf.json` (the one place they are
//! written, also for the Tauri CLI on Windows and macOS), takes the two binaries
//! already built in `OUT_DIR` (`channelops-desktop`, the app, and `channelops`,
//! the CLI) and writes `OUT_DIR/bundle/{deb,rpm}/…` with tauri-bundler. Paths in
//! the config are relative to the config's folder, as with the Tauri CLI.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;

use tauri_bundler::{
    AppCategory, BundleBinary, BundleSettings, DebianSettings, PackageSettings, PackageType,
    RpmSettings, SettingsBuilder,
};
use tauri_utils::config::Config;

/// The app (main binary) and the CLI, both installed in `/usr/bin`.
const APP_BINARY: &str = "channelops-desktop";
const CLI_BINARY: &str = "channelops";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [config, out_dir, kinds @ ..] = args.as_slice() else {
        eprintln!("usage: channelops-package CONFIG OUT_DIR [deb|rpm]...");
        return ExitCode::from(2);
    };
    match package(Path::new(config), Path::new(out_dir), kinds) {
        Ok(paths) => {
            for path in paths {
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn package(config_path: &Path, out_dir: &Path, kinds: &[String]) -> Result<Vec<PathBuf>, String> {
    // Absolute before the working folder changes below.
    let out_dir = &std::path::absolute(out_dir)
        .map_err(|e| format!("cannot resolve {}: {e}", out_dir.display()))?;
    let text = std::fs::read_to_string(config_path)
        .map_err(|e| format!("cannot read {}: {e}", config_path.display()))?;
    let config: Config = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a Tauri 2 config: {e}", config_path.display()))?;
    let base = config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Relative paths in the config (icons, desktop template, packaged files) are
    // read from the config's folder, as the Tauri CLI does.
    std::env::set_current_dir(base).map_err(|e| format!("cannot enter {}: {e}", base.display()))?;

    for binary in [APP_BINARY, CLI_BINARY] {
        let path = out_dir.join(binary);
        if !path.is_file() {
            return Err(format!(
                "{} is missing: build the binaries first (cargo build --release -p channelops-desktop -p channelops-cli)",
                path.display()
            ));
        }
    }
    let package_types = kinds
        .iter()
        .map(|k| match k.as_str() {
            "deb" => Ok(PackageType::Deb),
            "rpm" => Ok(PackageType::Rpm),
            other => Err(format!(
                "'{other}' is not a package this tool makes on Linux (deb, rpm); AppImage needs a download this machine cannot make"
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let package_types = if package_types.is_empty() {
        vec![PackageType::Deb, PackageType::Rpm]
    } else {
        package_types
    };

    let bundle = config.bundle;
    let version = config
        .version
        .ok_or("the config has no version: set \"version\" in tauri.conf.json")?;
    let product_name = config
        .product_name
        .ok_or("the config has no productName: set it in tauri.conf.json")?;
    let category = match bundle.category.as_deref() {
        Some(name) => Some(
            AppCategory::from_str(name)
                .map_err(|_| format!("'{name}' is not a category the bundler knows"))?,
        ),
        None => None,
    };
    let deb = bundle.linux.deb;
    let rpm = bundle.linux.rpm;
    let settings = SettingsBuilder::new()
        .project_out_directory(out_dir)
        .package_types(package_types)
        .package_settings(PackageSettings {
            product_name,
            version,
            description: bundle.short_description.clone().unwrap_or_default(),
            homepage: bundle.homepage.clone(),
            authors: bundle.publisher.clone().map(|p| vec![p]),
            default_run: Some(APP_BINARY.to_owned()),
        })
        .bundle_settings(BundleSettings {
            identifier: Some(config.identifier),
            publisher: bundle.publisher,
            homepage: bundle.homepage,
            icon: Some(bundle.icon),
            copyright: bundle.copyright,
            license: bundle.license,
            license_file: bundle.license_file,
            category,
            file_associations: bundle.file_associations,
            short_description: bundle.short_description,
            long_description: bundle.long_description,
            deb: DebianSettings {
                depends: deb.depends,
                recommends: deb.recommends,
                provides: deb.provides,
                conflicts: deb.conflicts,
                replaces: deb.replaces,
                files: deb.files.into_iter().collect::<HashMap<_, _>>(),
                desktop_template: deb.desktop_template,
                section: deb.section,
                priority: deb.priority,
                changelog: deb.changelog,
                pre_install_script: deb.pre_install_script,
                post_install_script: deb.post_install_script,
                pre_remove_script: deb.pre_remove_script,
                post_remove_script: deb.post_remove_script,
            },
            rpm: RpmSettings {
                depends: rpm.depends,
                recommends: rpm.recommends,
                provides: rpm.provides,
                conflicts: rpm.conflicts,
                obsoletes: rpm.obsoletes,
                release: rpm.release,
                epoch: rpm.epoch,
                files: rpm.files.into_iter().collect::<HashMap<_, _>>(),
                desktop_template: rpm.desktop_template,
                pre_install_script: rpm.pre_install_script,
                post_install_script: rpm.post_install_script,
                pre_remove_script: rpm.pre_remove_script,
                post_remove_script: rpm.post_remove_script,
                compression: rpm.compression,
            },
            ..Default::default()
        })
        .binaries(vec![
            BundleBinary::new(APP_BINARY.to_owned(), true),
            BundleBinary::new(CLI_BINARY.to_owned(), false),
        ])
        // The bundle-type marker is for Tauri's updater, which this app does not use.
        .binary_patching(false)
        .no_sign(true)
        .build()
        .map_err(|e| format!("bundle settings: {e}"))?;
    let bundles =
        tauri_bundler::bundle_project(&settings).map_err(|e| format!("bundling failed: {e}"))?;
    Ok(bundles.into_iter().flat_map(|b| b.bundle_paths).collect())
}
