//! Finding and reading input files: folders expand to their article files, each file brings its
//! `<stem>.toml` sidecar when there is one, and unreadable paths become named errors.

use std::path::{Path, PathBuf};

/// One article file read from disk.
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub sidecar: Option<(String, Vec<u8>)>,
}

/// Reads every input; returns what could be read and one message per path that could not.
pub fn collect(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(format!("cannot read {}: {e}", path.display())),
            Ok(m) if m.is_dir() => match article_files_in(path) {
                Ok(list) => {
                    for p in list {
                        read_one(&p, &mut files, &mut errors);
                    }
                }
                Err(e) => errors.push(format!("cannot list folder {}: {e}", path.display())),
            },
            Ok(_) => read_one(path, &mut files, &mut errors),
        }
    }
    (files, errors)
}

/// Article files in a folder, sorted by name: everything but hidden files and `.toml` sidecars.
fn article_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_file() && !name.starts_with('.') && !is_sidecar(&path) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn is_sidecar(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

fn read_one(path: &Path, files: &mut Vec<InputFile>, errors: &mut Vec<String>) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return errors.push(format!("cannot read {}: {e}", path.display())),
    };
    let sidecar_path = path.with_extension("toml");
    let sidecar = if sidecar_path != path && sidecar_path.is_file() {
        match std::fs::read(&sidecar_path) {
            Ok(b) => Some((
                sidecar_path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                b,
            )),
            Err(e) => {
                errors.push(format!(
                    "cannot read sidecar {}: {e}",
                    sidecar_path.display()
                ));
                None
            }
        }
    } else {
        None
    };
    files.push(InputFile {
        name,
        bytes,
        sidecar,
    });
}
