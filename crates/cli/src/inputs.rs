//! Finding and reading input files: folders expand to their article files, each file brings its
//! `<stem>.toml` sidecar when there is one, and unreadable paths become named errors.
//!
//! A folder's entries that are not article files are named too: links to nothing, FIFOs, sockets
//! and devices are errors (never opened: reading a FIFO would wait forever); hidden files and
//! sub-folders are skipped with a note. Files past [`parallax_core::limits`] are refused by name.

use parallax_core::ingest::batch;
use parallax_core::limits::{self, MAX_FILE_BYTES};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article file read from disk.
pub struct InputFile {
    /// The path as found (for messages).
    pub path: PathBuf,
    /// Its name, bytes and sidecar, as the core's batch reads them.
    pub file: parallax_core::ingest::batch::InputFile,
}

/// What [`collect`] found.
#[derive(Default)]
pub struct Collected {
    pub files: Vec<InputFile>,
    /// One message per path that could not be read: the run fails, the others are still used.
    pub errors: Vec<String>,
    /// Folder entries deliberately left aside (hidden files, sub-folders): named, not failures.
    pub notes: Vec<String>,
    /// Paths given on the command line that do not exist or cannot be listed.
    pub missing_inputs: usize,
}

/// Reads every input; returns what could be read and one message per path that could not.
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut c = Collected::default();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => {
                c.missing_inputs += 1;
                c.errors
                    .push(format!("cannot read {}: {e}", path.display()));
            }
            Ok(m) if m.is_dir() => match article_files_in(path, &mut c) {
                Ok(list) => {
                    for p in list {
                        read_one(&p, &mut c.files, &mut c.errors);
                    }
                }
                Err(e) => {
                    c.missing_inputs += 1;
                    c.errors
                        .push(format!("cannot list folder {}: {e}", path.display()));
                }
            },
            Ok(_) => read_one(path, &mut c.files, &mut c.errors),
        }
    }
    c
}

/// Article files in a folder, sorted by name: regular files (or links to one) but hidden files
/// and `.toml` sidecars. Every other entry is named in `c.errors` or `c.notes`.
fn article_files_in(dir: &Path, c: &mut Collected) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                c.errors
                    .push(format!("cannot list an entry of {}: {e}", dir.display()));
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name();
        let shown = path.display();
        if batch::is_hidden(&name.to_string_lossy()) {
            c.notes.push(format!("skipped {shown}: a hidden file"));
            continue;
        }
        // `metadata` follows links, so a link to an article is read and a dangling one named.
        let kind = match std::fs::metadata(&path) {
            Ok(m) => m.file_type(),
            Err(e) if entry.file_type().is_ok_and(|t| t.is_symlink()) => {
                c.errors
                    .push(format!("skipped {shown}: a link to nothing ({e})"));
                continue;
            }
            Err(e) => {
                c.errors.push(format!("cannot read {shown}: {e}"));
                continue;
            }
        };
        if kind.is_dir() {
            c.notes.push(format!(
                "skipped {shown}: a folder (folders inside a folder are not read)"
            ));
        } else if !kind.is_file() {
            c.errors.push(format!(
                "skipped {shown}: not a regular file ({})",
                special_kind(&kind)
            ));
        } else if !is_sidecar(&path) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// What a special file is, for a message.
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "a special file"
}

/// Reads at most [`MAX_FILE_BYTES`] of `path`; a larger file is refused by name (checked on the
/// bytes read, so it holds for pipes given on the command line too, whose size is unknown).
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let mut bytes = Vec::new();
    let read = file
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if read as u64 > MAX_FILE_BYTES {
        let len = std::fs::metadata(path).map_or(read as u64, |m| m.len().max(read as u64));
        return Err(format!(
            "skipped {}",
            limits::file_too_large(&shown.to_string(), len)
        ));
    }
    limits::check_lines(&shown.to_string(), &bytes).map_err(|e| format!("skipped {e}"))?;
    Ok(bytes)
}

fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| batch::is_sidecar(&n.to_string_lossy()))
}

fn read_one(path: &Path, files: &mut Vec<InputFile>, errors: &mut Vec<String>) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = match read_limited(path) {
        Ok(b) => b,
        Err(e) => return errors.push(e),
    };
    let sidecar_path = path.with_extension("toml");
    let sidecar = if sidecar_path != path && sidecar_path.is_file() {
        match read_limited(&sidecar_path) {
            Ok(b) => Some((
                sidecar_path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                b,
            )),
            Err(e) => {
                errors.push(format!("sidecar: {e}"));
                None
            }
        }
    } else {
        None
    };
    files.push(InputFile {
        path: path.to_path_buf(),
        file: batch::InputFile {
            name,
            bytes,
            sidecar,
        },
    });
}
