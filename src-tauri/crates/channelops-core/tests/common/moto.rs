//! A real AWS emulator for tests: `moto_server` (PyPI `moto[server]`, installed by
//! `.ci/setup` into the project's venv), started on 127.0.0.1 with `-p 0` — it
//! prints the port it took on stderr — and killed when the handle is dropped.
//! Shared by the core's and the CLI's tests and the S3 bench (`#[path]`-included).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Moto {
    child: Child,
    pub endpoint: String,
    pub port: u16,
}

impl Moto {
    /// Starts a fresh emulator (AWS managed policies loaded, IAM not enforced yet).
    pub fn start() -> Moto {
        let exe = std::env::var("MOTO_SERVER").unwrap_or_else(|_| "moto_server".to_owned());
        let mut child = Command::new(&exe)
            .args(["-H", "127.0.0.1", "-p", "0"])
            .env("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("could not start {exe} ({e}): run `bash .ci/setup` (it installs moto[server] into the project's venv) and put its bin/ on PATH, or set MOTO_SERVER")
            });
        let stderr = child.stderr.take().expect("stderr is piped");
        let (tx, rx) = std::sync::mpsc::channel();
        // Keep draining stderr for the server's lifetime (a full pipe would stall it).
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent && let Some(rest) = line.split("Running on http://127.0.0.1:").nth(1) {
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = tx.send(port.parse::<u16>().ok());
                    sent = true;
                }
            }
            let _ = tx.send(None);
        });
        let port = rx
            .recv_timeout(Duration::from_secs(30))
            .ok()
            .flatten()
            .expect("moto_server did not print its port within 30 s");
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
            port,
        };
        moto.wait_ready();
        moto
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("moto_server did not accept connections");
    }

    fn post(&self, path: &str, content_type: &str, body: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    /// From now on only keys made by `iam:CreateAccessKey` work, and IAM policies apply.
    pub fn enforce_iam(&self) {
        let answer = self.post("/moto-api/reset-auth", "text/plain", "0");
        assert!(
            answer.starts_with("HTTP/1.1 200"),
            "reset-auth failed: {answer}"
        );
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An AWS session on `endpoint` (moto, or a proxy in front of it) with the given
/// keys, in us-east-1.
pub fn session(
    rt: &tokio::runtime::Runtime,
    endpoint: &str,
    key: &str,
    secret: &str,
) -> channelops_core::aws::Aws {
    rt.block_on(async {
        let conf = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .credentials_provider(aws_credential_types::Credentials::new(
                key, secret, None, None, "test",
            ))
            .endpoint_url(endpoint)
            .region(aws_config::Region::new("us-east-1"))
            .load()
            .await;
        channelops_core::aws::Aws::from_config(conf)
    })
}
