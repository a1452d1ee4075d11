//! The stand-in for the AWS billing APIs moto lacks (`tests/e2e/billing_api.py`:
//! the legacy CUR API and Data Exports, in AWS's JSON wire format), started on
//! 127.0.0.1 with a world file the test writes, and killed when dropped.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub struct Billing {
    child: Child,
    pub endpoint: String,
    pub world: PathBuf,
}

impl Billing {
    /// Serves `world` (JSON: `definitions`, `exports`, `deny`), re-read on every request.
    pub fn start(world: &Path, state: &serde_json::Value) -> Billing {
        std::fs::write(world, state.to_string()).unwrap();
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/e2e/billing_api.py");
        let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let mut child = Command::new(&python)
            .arg(&script)
            .arg(world)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {python} {}: {e}", script.display()));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("port ")
            .expect("billing_api.py prints its port");
        Billing {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
            world: world.to_owned(),
        }
    }

    /// The environment that sends the CUR and Data Exports APIs here (the rest
    /// goes wherever AWS_ENDPOINT_URL or the profile says).
    pub fn env(&self) -> [(&'static str, String); 2] {
        [
            (
                "AWS_ENDPOINT_URL_COST_AND_USAGE_REPORT_SERVICE",
                self.endpoint.clone(),
            ),
            ("AWS_ENDPOINT_URL_BCM_DATA_EXPORTS", self.endpoint.clone()),
        ]
    }

    pub fn set(&self, state: &serde_json::Value) {
        std::fs::write(&self.world, state.to_string()).unwrap();
    }
}

impl Drop for Billing {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
