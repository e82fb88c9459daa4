//! `corroborate_spark`: corroborate's independence engine as a Python module, for the
//! Spark job beside this crate (`independence.py`). Only glue lives here: Arrow IPC
//! bytes in, [`corroborate::columnar::Engine`] (the library's own code, the same path
//! as `claims`), Arrow IPC bytes out. No rule of the engine is written here or in
//! Python.
//!
//! Batches cross the boundary as Arrow IPC streams (schema + batches): pyarrow writes
//! and reads them in C++, so the copy is cheap next to the engine's work, and no
//! `unsafe` FFI is needed.

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_ipc::reader::StreamReader;
use arrow_ipc::writer::StreamWriter;
use arrow_schema::Schema;
use corroborate::columnar;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// Every batch of an Arrow IPC stream.
fn read_stream(bytes: &[u8]) -> PyResult<Vec<RecordBatch>> {
    let reader = StreamReader::try_new(std::io::Cursor::new(bytes), None).map_err(value_error)?;
    reader.collect::<Result<Vec<_>, _>>().map_err(value_error)
}

/// `batches` as an Arrow IPC stream of `schema`.
fn write_stream(schema: &Schema, batches: &[RecordBatch]) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut w = StreamWriter::try_new(&mut out, schema).map_err(value_error)?;
    for b in batches {
        w.write(b).map_err(value_error)?;
    }
    w.finish().map_err(value_error)?;
    drop(w);
    Ok(out)
}

/// The engine with a source registry loaded: build it once per Python worker from
/// the broadcast `sources.parquet` content, then call `results` on each batch.
#[pyclass(unsendable, module = "corroborate_spark")]
struct Engine {
    inner: columnar::Engine,
}

#[pymethods]
impl Engine {
    /// `sources`: an Arrow IPC stream of `sources.parquet`'s rows (see
    /// `sources_schema()`).
    #[new]
    fn new(sources: &[u8]) -> PyResult<Engine> {
        let batches = read_stream(sources)?;
        let inner = columnar::Engine::from_sources(&batches).map_err(value_error)?;
        Ok(Engine { inner })
    }

    /// Number of sources loaded (merged ones included).
    fn sources(&self) -> usize {
        self.inner.sources()
    }

    /// `groups`: an Arrow IPC stream of claim groups (`input_schema()`). Returns an
    /// Arrow IPC stream of `output_schema()`: one row per group, in input order.
    fn results<'py>(&self, py: Python<'py>, groups: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
        let mut out = Vec::new();
        for b in read_stream(groups)? {
            out.push(self.inner.results(&b).map_err(value_error)?);
        }
        let bytes = write_stream(&columnar::engine_output_schema(), &out)?;
        Ok(PyBytes::new(py, &bytes))
    }
}

/// An empty Arrow IPC stream carrying `schema` (pyarrow reads its schema from it).
fn schema_bytes(py: Python<'_>, schema: Arc<Schema>) -> PyResult<Bound<'_, PyBytes>> {
    Ok(PyBytes::new(py, &write_stream(&schema, &[])?))
}

/// The schema `Engine.results` accepts (every field nullable), as an empty IPC stream.
#[pyfunction]
fn input_schema(py: Python<'_>) -> PyResult<Bound<'_, PyBytes>> {
    schema_bytes(py, columnar::lenient(&columnar::engine_input_schema()))
}

/// The schema `Engine.results` returns, as an empty IPC stream.
#[pyfunction]
fn output_schema(py: Python<'_>) -> PyResult<Bound<'_, PyBytes>> {
    schema_bytes(py, columnar::engine_output_schema())
}

/// The schema `Engine(...)` accepts for sources (every field nullable), as an empty
/// IPC stream.
#[pyfunction]
fn sources_schema(py: Python<'_>) -> PyResult<Bound<'_, PyBytes>> {
    schema_bytes(py, columnar::lenient(&columnar::sources_schema()))
}

/// The Parquet export's schema version this engine reads.
#[pyfunction]
fn schema_version() -> u32 {
    columnar::SCHEMA_VERSION
}

#[pymodule]
fn corroborate_spark(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add_function(wrap_pyfunction!(input_schema, m)?)?;
    m.add_function(wrap_pyfunction!(output_schema, m)?)?;
    m.add_function(wrap_pyfunction!(sources_schema, m)?)?;
    m.add_function(wrap_pyfunction!(schema_version, m)?)?;
    Ok(())
}
