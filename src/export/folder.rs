//! The split graph export: a new directory with one graph per claim, `<claim id>.dot`
//! or `<claim id>.svg`, and an `index.html` listing each claim (short id, text,
//! counts, flags) with a link to its file.
//!
//! Everything is written into a temporary directory beside the target
//! (`.NAME.<pid>-<n>.tmp`), renamed into place when complete, and removed on failure
//! or interruption. Two phases: the DOT files and the index are written while the
//! database is open; the database is then closed (its lock released) and only then
//! does Graphviz render the SVG files, a few `dot` processes at a time.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::chars::shorten;
use crate::db::Database;
use crate::error::{Error, Result};

use super::{dot, graphviz, Selection, Stop, Summary};

/// The most `dot` processes run at once.
const MAX_WORKERS: usize = 8;

/// Write the selection as one graph per claim into the new directory `dir`; `svg`
/// renders each with Graphviz after `db` is closed.
pub(super) fn write(
    db: Database,
    sel: &Selection,
    svg: bool,
    dir: &Path,
    stop: &Stop,
) -> Result<Summary> {
    let staging = Staging::create(dir, "--split")?;
    let ext = if svg { "svg" } else { "dot" };
    let index_path = staging.path.join("index.html");
    let file_error = |p: &Path, e: io::Error| Error::io(format!("writing {}", p.display()), e);
    let mut index =
        BufWriter::new(File::create(&index_path).map_err(|e| file_error(&index_path, e))?);
    let mut names = Vec::new();
    let mut sum = Summary::default();
    {
        let reg = db.registry();
        index_head(&mut index).map_err(|e| file_error(&index_path, e))?;
        sel.for_each(&db, |c, a, s| {
            let path = staging.path.join(format!("{}.dot", s.id));
            let mut f = File::create(&path)
                .map(BufWriter::new)
                .map_err(|e| file_error(&path, e))?;
            dot::write_claim(&mut f, c, a, s, reg)
                .and_then(|()| f.flush())
                .map_err(|e| file_error(&path, e))?;
            let flags: Vec<&str> = [
                (s.single_source, "single-source"),
                (s.anonymous_only, "anonymous-only"),
                (s.unsourced, "unsourced"),
                (s.circular, "circular"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| *name)
            .collect();
            writeln!(
                index,
                "<tr><td><a href=\"{id}.{ext}\"><code>{short}</code></a></td><td>{text}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                s.reports,
                s.independent_sources,
                flags.join(" "),
                id = s.id,
                short = &s.id[..12],
                text = html(&shorten(&c.text, 300)),
            )
            .map_err(|e| file_error(&index_path, e))?;
            names.push(s.id.clone());
            sum.claims += 1;
            sum.items += 1;
            Ok(())
        })?;
        index_tail(&mut index, sum.claims, ext).map_err(|e| file_error(&index_path, e))?;
        index.flush().map_err(|e| file_error(&index_path, e))?;
    }
    drop(index);
    // Everything is read: release the database's lock before Graphviz runs.
    drop(db);
    if svg {
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_WORKERS);
        graphviz::render_files(&staging.path, &names, workers, stop)?;
    }
    stop.check()?;
    staging.commit()?;
    Ok(sum)
}

fn index_head(out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>corroborate: attribution graphs</title>\n<style>body {{ font-family: sans-serif; }} th, td {{ text-align: left; vertical-align: top; padding: 2px 8px; }}</style>\n</head>\n<body>\n<h1>Attribution graphs</h1>\n<table>\n<thead><tr><th>claim</th><th>text</th><th>reports</th><th>independent sources</th><th>flags</th></tr></thead>\n<tbody>"
    )
}

fn index_tail(out: &mut dyn Write, claims: usize, ext: &str) -> io::Result<()> {
    writeln!(
        out,
        "</tbody>\n</table>\n<p>{claims} claim{}, one graph per claim ({ext}), written by corroborate export.</p>\n</body>\n</html>",
        if claims == 1 { "" } else { "s" }
    )
}

/// Text for HTML element content and attribute values: markup characters as
/// entities, control characters as spaces.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A temporary directory beside the target, renamed into place by
/// [`Staging::commit`] and removed with its content when dropped before that.
pub(super) struct Staging {
    target: PathBuf,
    pub(super) path: PathBuf,
    done: bool,
}

impl Staging {
    /// `flag` names the option that asked for a new directory, for messages.
    pub(super) fn create(dir: &Path, flag: &str) -> Result<Staging> {
        let shown = dir.display();
        if dir.as_os_str().is_empty() {
            return Err(Error::Invalid("the output directory is empty".into()));
        }
        match std::fs::symlink_metadata(dir) {
            Ok(_) => {
                return Err(Error::Invalid(format!(
                    "{shown} already exists; {flag} writes a new directory: remove it or choose another name"
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(format!("checking {shown}"), e)),
        }
        let Some(name) = dir.file_name() else {
            return Err(Error::Invalid(format!(
                "{shown} does not name a directory to create; give a new directory's name"
            )));
        };
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !parent.is_dir() {
            return Err(Error::Invalid(format!(
                "the directory {} does not exist; create it first ({flag} creates only the export's own directory)",
                parent.display()
            )));
        }
        for i in 0..1000u32 {
            let mut tmp = std::ffi::OsString::from(".");
            tmp.push(name);
            tmp.push(format!(".{}-{i}.tmp", std::process::id()));
            let path = parent.join(tmp);
            match std::fs::create_dir(&path) {
                Ok(()) => {
                    return Ok(Staging {
                        target: dir.to_path_buf(),
                        path,
                        done: false,
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(Error::io(
                        format!("creating a temporary directory in {}", parent.display()),
                        e,
                    ))
                }
            }
        }
        Err(Error::Invalid(format!(
            "could not find a free temporary directory name in {}",
            parent.display()
        )))
    }

    pub(super) fn commit(mut self) -> Result<()> {
        let shown = self.target.display();
        if std::fs::symlink_metadata(&self.target).is_ok() {
            return Err(Error::Invalid(format!(
                "{shown} appeared while the export was written; remove it or choose another name"
            )));
        }
        std::fs::rename(&self.path, &self.target)
            .map_err(|e| Error::io(format!("renaming the export to {shown}"), e))?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::html;

    #[test]
    fn html_escaping_table() {
        let cases = [
            ("AP", "AP"),
            ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
            ("a & b", "a &amp; b"),
            ("\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"),
            ("two\nlines\t\u{1b}[31m", "two lines  [31m"),
            ("&amp;", "&amp;amp;"),
        ];
        for (input, want) in cases {
            assert_eq!(html(input), want, "{input:?}");
        }
    }
}
