//! `gloss._gloss`: Gloss's pure core for Python, re-exported by the `gloss` package.
//!
//! Each function reads its input as the command line reads a file, runs the core with the
//! GIL released (so that threads analyse articles side by side) and inside a guard that
//! turns a panic into a Python `RuntimeError` (a bug, never the input's fault, and never the
//! end of the interpreter). What the core writes as JSON is read back with Python's own
//! `json.loads`, so a report is exactly the object `gloss analyze` prints.

use gloss::core::analyze::{self as report, Fields};
use gloss::core::article_file::{self, Making};
use gloss::core::parse::{self, Format};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

mod clock;

/// What a Python caller sees when the core fails where it must not.
const INTERNAL: &str =
    "Gloss failed on this input (an internal error: please report it with the input)";

/// Runs `work` without the GIL, turning a panic into a `RuntimeError`.
fn guarded<T, F>(py: Python<'_>, work: F) -> PyResult<T>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    py.detach(|| catch_unwind(AssertUnwindSafe(work)))
        .map_err(|payload| {
            // the panic's own words, when it has some, for the report of the bug
            let said = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned());
            PyRuntimeError::new_err(match said {
                Some(said) => format!("{INTERNAL}: {said}"),
                None => INTERNAL.to_string(),
            })
        })
}

/// The bytes of an article given as `str` (its UTF-8) or as `bytes` / `bytearray` (read as
/// the command line reads a file: BOM, UTF-16 and binary data recognised). A `str` holding
/// a lone surrogate raises `UnicodeEncodeError`, a `ValueError`.
fn bytes_of<'a>(source: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(b) = source.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(b.as_bytes()));
    }
    if let Ok(s) = source.cast::<PyString>() {
        return Ok(match s.to_cow()? {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        });
    }
    if let Ok(b) = source.cast::<PyByteArray>() {
        return Ok(Cow::Owned(b.to_vec()));
    }
    let kind = source
        .get_type()
        .name()
        .map_or_else(|_| "that".to_string(), |n| n.to_string());
    Err(PyTypeError::new_err(format!(
        "{what} takes the article as str or bytes, not {kind}"
    )))
}

/// The format asked for by name, else the one the file's name gives (as the command line
/// reads a file), else none: the core guesses, as it does for standard input.
fn format_of(name: Option<&str>, file: Option<&str>) -> PyResult<Option<Format>> {
    match name {
        Some(n) => Format::from_name(n).map(Some).ok_or_else(|| {
            PyValueError::new_err(format!(
                "no format called \"{n}\": use \"text\", \"markdown\", \"html\" or None"
            ))
        }),
        None => Ok(file.and_then(Format::from_file_name)),
    }
}

/// The fields asked for: all of them, a comma-separated list (as `--fields` takes it) or
/// an iterable of names.
fn fields_of(fields: Option<&Bound<'_, PyAny>>) -> PyResult<Fields> {
    let Some(fields) = fields else {
        return Ok(Fields::ALL);
    };
    let list = if let Ok(s) = fields.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else {
        let mut names = Vec::new();
        for name in fields.try_iter()? {
            names.push(name?.extract::<String>()?);
        }
        names.join(",")
    };
    Fields::parse(&list)
        .map_err(|name| PyValueError::new_err(format!("no field called \"{name}\"")))
}

/// A JSON text the core wrote, read by Python's `json.loads`.
fn loads(py: Python<'_>, json: Result<String, serde_json::Error>) -> PyResult<Py<PyAny>> {
    let json = json.map_err(|e| PyRuntimeError::new_err(format!("{INTERNAL}: {e}")))?;
    Ok(py
        .import("json")?
        .getattr("loads")?
        .call1((json,))?
        .unbind())
}

/// The report ``gloss analyze`` prints for an article, as a dict.
///
/// ``source`` is the article: ``str``, or ``bytes`` read as the command line reads a file
/// (a BOM, UTF-16 and binary data are recognised). ``format`` is ``"text"``,
/// ``"markdown"`` or ``"html"``; ``None`` takes it from ``file``'s extension as the command
/// line does, else guesses it as for standard input. ``fields`` chooses the parts of the
/// report (``"text,claims"`` or ``["text", "claims"]``; all by default: ``gloss.FIELDS``).
/// ``file`` is written in the report as ``"file"``, as in a batch.
///
/// Offsets are in code points: Python ``str`` indices into ``report["text"]``. Input that
/// is not an article (binary data) still gives a report, with the reason in
/// ``report["diagnostics"]``, as on the command line.
///
/// Raises ``ValueError`` for an unknown format or field, ``TypeError`` for a source that
/// is neither ``str`` nor ``bytes``, ``RuntimeError`` if Gloss fails (a bug).
#[pyfunction]
#[pyo3(signature = (source, format=None, *, fields=None, file=None))]
fn analyze(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    fields: Option<&Bound<'_, PyAny>>,
    file: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let bytes = bytes_of(source, "analyze()")?;
    let format = format_of(format, file)?;
    let fields = fields_of(fields)?;
    let json = guarded(py, || {
        let parsed = parse::parse_bytes(&bytes, format);
        serde_json::to_string(&report::report_of(&parsed, fields, file))
    })?;
    loads(py, json)
}

/// The report ``gloss analyze`` prints for an article, as the very JSON text it prints
/// (one line, without its newline): for batch jobs that write JSON lines, with no dict made
/// and written again. Takes what ``analyze`` takes and raises what it raises.
#[pyfunction]
#[pyo3(signature = (source, format=None, *, fields=None, file=None))]
fn analyze_json(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    fields: Option<&Bound<'_, PyAny>>,
    file: Option<&str>,
) -> PyResult<String> {
    let bytes = bytes_of(source, "analyze_json()")?;
    let format = format_of(format, file)?;
    let fields = fields_of(fields)?;
    guarded(py, || {
        let parsed = parse::parse_bytes(&bytes, format);
        serde_json::to_string(&report::report_of(&parsed, fields, file))
    })?
    .map_err(|e| PyRuntimeError::new_err(format!("{INTERNAL}: {e}")))
}

/// A web page's story and metadata, as ``gloss page`` prints them, as a dict.
///
/// Keys: ``metadata`` (headline, authors, published (ISO 8601), publisher, url, language,
/// description, as far as the page gives them), ``body`` (the story without its headline
/// and figure captions, a block a line), ``blocks`` (every block of the page in reading
/// order, ``dropped: "frame"`` or ``"boilerplate"`` on those left out) and, when given,
/// ``file``. ``html`` is ``str`` or ``bytes``.
#[pyfunction]
#[pyo3(signature = (html, *, file=None))]
fn main_text(py: Python<'_>, html: &Bound<'_, PyAny>, file: Option<&str>) -> PyResult<Py<PyAny>> {
    let bytes = bytes_of(html, "main_text()")?;
    let json = guarded(py, || {
        let parsed = parse::parse_bytes(&bytes, Some(Format::Html));
        report::page_line(&parsed, file).to_json()
    })?;
    loads(py, json)
}

/// A Gloss article file (JSON text) of an article, which the app imports with its
/// suggested claims ready, each pending the person's decision.
///
/// The article is made as the app makes it from the same file: ``source``, ``format`` and
/// ``file`` are read as ``analyze`` reads them (a report alone is not enough: it leaves
/// out a web page's dropped blocks, which the app can bring back). ``file`` is kept as the
/// article's source name. ``created`` is its time (ISO 8601, now by default); ``id`` its
/// id, by default ``batch_id(source, format, file)``: the same input gives the same id,
/// so importing a batch made again offers to replace what it made before.
///
/// Raises ``ValueError`` with the app's words where the app would refuse the article
/// (binary data, no text), and for a ``created`` that is not ISO 8601 or an empty ``id``.
#[pyfunction]
#[pyo3(signature = (source, format=None, *, file=None, created=None, id=None))]
fn to_article_file(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    file: Option<&str>,
    created: Option<&str>,
    id: Option<&str>,
) -> PyResult<String> {
    let bytes = bytes_of(source, "to_article_file()")?;
    let format = format_of(format, file)?;
    let now = created.map_or_else(clock::now_iso, str::to_string);
    let created = now.as_str();
    let made = guarded(py, || {
        let id = match id {
            Some(id) => Cow::Borrowed(id),
            None => Cow::Owned(article_file::batch_id(&bytes, format, file)),
        };
        let making = Making {
            id: &id,
            now: created,
            source_name: file,
        };
        article_file::article_file(parse::parse_bytes(&bytes, format), &making)
    })?;
    made.map_err(|why| PyValueError::new_err(why.to_string()))
}

/// The id ``to_article_file`` gives the article made from ``source`` when none is given.
#[pyfunction]
#[pyo3(signature = (source, format=None, file=None))]
fn batch_id(
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    file: Option<&str>,
) -> PyResult<String> {
    let bytes = bytes_of(source, "batch_id()")?;
    Ok(article_file::batch_id(
        &bytes,
        format_of(format, file)?,
        file,
    ))
}

/// For the tests alone: panics inside the guard, to show that a panic in the core becomes
/// a `RuntimeError`.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    guarded(py, || {
        panic!("a panic raised on purpose by gloss._gloss._panic_for_tests")
    })
}

/// Gloss's pure core: reports, main text and article files.
#[pymodule]
fn _gloss(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(main_text, m)?)?;
    m.add_function(wrap_pyfunction!(to_article_file, m)?)?;
    m.add_function(wrap_pyfunction!(batch_id, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FIELDS", report::Field::ALL.map(|f| f.name()).to_vec())?;
    Ok(())
}
