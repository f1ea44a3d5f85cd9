//! Hostile input (issue 9): every case a careless or malicious user tried,
//! as a test with the exit code and message expected. Each builds its
//! bundle in a temporary directory (fifos, symlinks and file names that are
//! not UTF-8 cannot live in git) and runs the real binary with a deadline,
//! so a hang fails the test instead of stalling CI.
//!
//! The table in docs/reliability.md lists these tests by name.

mod identity;
mod limits;
mod manifest;
mod outside;
mod panics;
mod writes;

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Far beyond any of these runs (each takes well under a second); only a
/// hang reaches it.
const DEADLINE: Duration = Duration::from_secs(60);

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

/// Runs crosscheck in `dir` with `args`.
pub fn run<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Run {
    let mut cmd = bin();
    cmd.current_dir(dir).args(args);
    run_command(cmd)
}

/// Runs a prepared command, failing the test if it does not end in time.
pub fn run_command(mut cmd: Command) -> Run {
    cmd.stdin(Stdio::null());
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosscheck runs");
    wait(&mut child)
}

/// Waits for `child` (stdout and stderr piped, or not), killing it and
/// failing if it outlives the deadline.
pub fn wait(child: &mut std::process::Child) -> Run {
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_end(&mut s);
        }
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut s);
        }
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("crosscheck hung: still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8_lossy(&out_reader.join().expect("stdout")).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().expect("stderr")).into_owned(),
    }
}

/// A bundle directory `name` inside `root` holding `files` (name, text).
pub fn bundle(root: &Path, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).expect("bundle dir");
    for (file, text) in files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(path, text).expect("write fixture");
    }
    dir
}

/// Two short articles that disagree on a duration (a finding to report).
pub const A: &str = "The call lasted 90 minutes on Tuesday.\n";
pub const C: &str = "The call lasted two hours on Tuesday.\n";

/// Asserts the run ended with `code` and `stderr` holds every `needle`.
#[track_caller]
pub fn expect(run: &Run, code: i32, needles: &[&str]) {
    assert_eq!(run.code, code, "exit code; run: {run:#?}");
    for n in needles {
        assert!(run.stderr.contains(n), "stderr lacks {n:?}; run: {run:#?}");
    }
}

/// Makes a fifo (named pipe) at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}
