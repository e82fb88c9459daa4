//! Running Graphviz's `dot` program (found on `PATH`): one graph from memory to SVG
//! ([`render_svg`]), or many DOT files of a directory to SVG files beside them
//! ([`render_files`], a few processes at a time, many files per process).
//!
//! The caller has released the database before calling either: nothing here reads it.
//! Both stop when [`Stop`] is requested (Ctrl-C, SIGTERM): the `dot` processes are
//! killed and [`Error::Interrupted`] is returned, so the caller's guards remove their
//! temporary files.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::error::{Error, Result};

use super::{write_error, Stop};

/// What to tell someone who asked for SVG without Graphviz installed.
const INSTALL_HINT: &str = "--format svg needs Graphviz's `dot` program, which was not found on PATH; install Graphviz (Debian/Ubuntu: apt install graphviz; macOS: brew install graphviz; others: https://graphviz.org/download/) or use --format dot and render it elsewhere";

/// DOT files given to one `dot` process by [`render_files`]: enough to make the start
/// of a process negligible, few enough that the work spreads over the processes.
const FILES_PER_PROCESS: usize = 64;

/// How often a wait for `dot` looks at the stop flag.
const POLL: Duration = Duration::from_millis(20);

/// Start `dot` with `args`, its standard streams as given.
fn spawn(args: &[&str], dir: Option<&Path>, stdin: Stdio) -> Result<Child> {
    let mut cmd = Command::new("dot");
    cmd.args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    cmd.spawn().map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            Error::io(INSTALL_HINT, e)
        } else {
            Error::io("starting Graphviz's `dot`", e)
        }
    })
}

/// Read a stream to its end on a thread of its own (so that `dot` never blocks on a
/// full pipe while we wait for it).
fn drain(stream: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut s) = stream {
            let _ = s.read_to_end(&mut buf);
        }
        buf
    })
}

/// Wait for `child` to exit, polling `stop`; when it is set, kill the child and
/// return [`Error::Interrupted`].
fn wait(child: &mut Child, stop: &dyn Fn() -> bool) -> Result<ExitStatus> {
    loop {
        if stop() {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::Interrupted);
        }
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) => std::thread::sleep(POLL),
            Err(e) => return Err(Error::io("waiting for Graphviz's `dot`", e)),
        }
    }
}

/// True when `dot` was ended by SIGINT or SIGTERM: a Ctrl-C in the terminal reaches
/// `dot` too, possibly before our own handler has set the stop flag.
fn ended_by_interrupt(status: &ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        matches!(status.signal(), Some(2 | 15))
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

/// The error for a `dot` that exited with `status` and said `messages`.
fn failed(status: ExitStatus, messages: &[u8]) -> Error {
    if ended_by_interrupt(&status) {
        return Error::Interrupted;
    }
    Error::io(
        format!(
            "Graphviz's `dot` failed ({status}): {}",
            String::from_utf8_lossy(messages)
                .trim()
                .chars()
                .take(2000)
                .collect::<String>()
        ),
        io::Error::other("dot exited with an error"),
    )
}

/// Render DOT source to SVG with Graphviz's `dot -Tsvg`, writing the SVG to `out` once
/// `dot` has finished (nothing is written when it fails or is stopped). Fails with an
/// install hint when `dot` is not installed.
pub fn render_svg(dot_source: &[u8], out: &mut dyn Write, stop: &Stop) -> Result<()> {
    stop.check()?;
    let mut child = spawn(&["-Tsvg"], None, Stdio::piped())?;
    let feeder = child.stdin.take().map(|mut stdin| {
        let src = dot_source.to_vec();
        std::thread::spawn(move || stdin.write_all(&src))
    });
    let svg = drain(child.stdout.take());
    let messages = drain(child.stderr.take());
    let status = wait(&mut child, &|| stop.requested());
    let fed = feeder.map(|h| h.join());
    let svg = svg.join().unwrap_or_default();
    let messages = messages.join().unwrap_or_default();
    let status = status?;
    if stop.requested() {
        return Err(Error::Interrupted);
    }
    if !status.success() {
        return Err(failed(status, &messages));
    }
    if let Some(Ok(Err(e))) = fed {
        return Err(Error::io("sending the graph to Graphviz's `dot`", e));
    }
    out.write_all(&svg).map_err(write_error)
}

/// Render each `NAME.dot` of `names` (files in `dir`) to `NAME.svg` in `dir`, removing
/// the `.dot` file, with up to `workers` `dot` processes at a time. On failure or stop
/// the remaining processes are killed; files already rendered stay (the caller removes
/// the whole directory).
pub fn render_files(dir: &Path, names: &[String], workers: usize, stop: &Stop) -> Result<()> {
    let batches: Vec<&[String]> = names.chunks(FILES_PER_PROCESS).collect();
    let next = AtomicUsize::new(0);
    let abort = AtomicBool::new(false);
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    let halt = || stop.requested() || abort.load(Ordering::Relaxed);
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, batches.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(batch) = batches.get(i) else {
                    break;
                };
                if halt() {
                    break;
                }
                if let Err(e) = render_batch(dir, batch, &halt) {
                    abort.store(true, Ordering::Relaxed);
                    let mut slot = first_error.lock().unwrap_or_else(|p| p.into_inner());
                    // An interruption is only reported when nothing else went wrong.
                    if slot.is_none() || matches!(*slot, Some(Error::Interrupted)) {
                        *slot = Some(e);
                    }
                    break;
                }
            });
        }
    });
    if let Some(e) = first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    stop.check()
}

/// One `dot -Tsvg -O a.dot b.dot …` process over a batch; `-O` writes `a.dot.svg`,
/// renamed to `a.svg`.
fn render_batch(dir: &Path, batch: &[String], halt: &dyn Fn() -> bool) -> Result<()> {
    let files: Vec<String> = batch.iter().map(|n| format!("{n}.dot")).collect();
    let mut args = vec!["-Tsvg", "-O"];
    args.extend(files.iter().map(String::as_str));
    let mut child = spawn(&args, Some(dir), Stdio::null())?;
    let _ = drain(child.stdout.take());
    let messages = drain(child.stderr.take());
    let status = wait(&mut child, halt);
    let messages = messages.join().unwrap_or_default();
    let status = status?;
    if !status.success() {
        return Err(failed(status, &messages));
    }
    for (name, file) in batch.iter().zip(&files) {
        let rendered: PathBuf = dir.join(format!("{file}.svg"));
        let svg = dir.join(format!("{name}.svg"));
        std::fs::rename(&rendered, &svg).map_err(|e| {
            Error::io(
                format!(
                    "moving Graphviz's {} to {}",
                    rendered.display(),
                    svg.display()
                ),
                e,
            )
        })?;
        let dot = dir.join(file);
        std::fs::remove_file(&dot)
            .map_err(|e| Error::io(format!("removing {}", dot.display()), e))?;
    }
    Ok(())
}
