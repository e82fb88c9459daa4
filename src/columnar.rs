//! The columnar form of a database: the Arrow schemas of the Parquet export
//! (`export --format parquet`, schema version [`SCHEMA_VERSION`], documented in
//! `docs/parquet.md`), building its record batches from the library's domain types,
//! and reading them back into the engine ([`Engine`]) so that a distributed job
//! (`spark/`) answers with the same code as `claims`.
//!
//! Everything here is pure: batches in, batches or values out. The export writes the
//! batches to files (`export::parquet`); the Spark wheel moves them across Python.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, Int64Array, ListArray, RecordBatch, StringArray,
    StructArray, TimestampSecondArray,
};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef, TimeUnit};

use crate::claim::ClaimId;
use crate::credibility::TrackRecord;
use crate::error::{Error, Result};
use crate::independence;
use crate::record::VerdictEntry;
use crate::report::Claim;
use crate::report::Hop;
use crate::source::{Registry, Source, SourceId, SourceKind};
use crate::view::{self, ClaimSummary, CredibilityIndex};

/// Version of the export's schemas. Adding a column keeps it; renaming, removing or
/// changing the meaning or type of one makes a new version.
pub const SCHEMA_VERSION: u32 = 1;

/// Key of the schema version in each file's key-value metadata and in the Arrow
/// schema's metadata.
pub const VERSION_KEY: &str = "corroborate.schema_version";

/// Key naming which table a file holds (`reports`, `sources`, `links`, `verdicts`).
pub const TABLE_KEY: &str = "corroborate.table";

fn field(name: &str, t: DataType, nullable: bool) -> Field {
    Field::new(name, t, nullable)
}

fn list_of(item: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", item, false)))
}

fn timestamp() -> DataType {
    DataType::Timestamp(TimeUnit::Second, Some("UTC".into()))
}

fn schema(table: &str, fields: Vec<Field>) -> SchemaRef {
    let meta = HashMap::from([
        (VERSION_KEY.to_string(), SCHEMA_VERSION.to_string()),
        (TABLE_KEY.to_string(), table.to_string()),
    ]);
    Arc::new(Schema::new(fields).with_metadata(meta))
}

/// The fields of one hop in `reports.hops`.
pub fn hop_fields() -> Fields {
    Fields::from(vec![
        field("source", DataType::Int64, true),
        field("name", DataType::Utf8, false),
        field("anonymous", DataType::Boolean, false),
    ])
}

/// `reports.parquet`: one row per report.
pub fn reports_schema() -> SchemaRef {
    schema(
        "reports",
        vec![
            field("claim_id", DataType::Utf8, false),
            field("claim_group", DataType::Utf8, false),
            field("claim_seq", DataType::Int64, false),
            field("report_seq", DataType::Int64, false),
            field("report_id", DataType::Utf8, false),
            field("text", DataType::Utf8, false),
            field("hops", list_of(DataType::Struct(hop_fields())), false),
            field("url", DataType::Utf8, true),
            field("published", DataType::Utf8, true),
            field("seen", timestamp(), false),
        ],
    )
}

/// `sources.parquet`: one row per source ever created (merged ones included), by id.
pub fn sources_schema() -> SchemaRef {
    schema(
        "sources",
        vec![
            field("id", DataType::Int64, false),
            field("name", DataType::Utf8, false),
            field("aliases", list_of(DataType::Utf8), false),
            field("homepage", DataType::Utf8, true),
            field("kind", DataType::Utf8, false),
            field("affiliations", list_of(DataType::Utf8), false),
            field("rating", DataType::Float64, true),
            field("merged_into", DataType::Int64, true),
            field("track_true", DataType::Int64, false),
            field("track_false", DataType::Int64, false),
            field("track_mixed", DataType::Int64, false),
            field("track_contested", DataType::Int64, false),
            field("track_unproven", DataType::Int64, false),
        ],
    )
}

/// `links.parquet`: one row per link between two claims.
pub fn links_schema() -> SchemaRef {
    schema(
        "links",
        vec![
            field("claim_a", DataType::Utf8, false),
            field("claim_b", DataType::Utf8, false),
            field("kind", DataType::Utf8, false),
            field("by", DataType::Utf8, false),
            field("score", DataType::Float64, true),
            field("model", DataType::Utf8, true),
            field("removed", DataType::Boolean, false),
        ],
    )
}

/// `verdicts.parquet`: one row per verdict, in the order recorded.
pub fn verdicts_schema() -> SchemaRef {
    schema(
        "verdicts",
        vec![
            field("claim_id", DataType::Utf8, false),
            field("verdict", DataType::Utf8, false),
            field("by", DataType::Utf8, true),
            field("url", DataType::Utf8, true),
            field("note", DataType::Utf8, true),
            field("date", DataType::Utf8, true),
            field("recorded", timestamp(), false),
            field("entry", DataType::Int64, false),
        ],
    )
}

/// The fields of one report in [`engine_input_schema`].
fn input_report_fields() -> Fields {
    Fields::from(vec![
        field("claim_id", DataType::Utf8, false),
        field("claim_seq", DataType::Int64, false),
        field("report_seq", DataType::Int64, false),
        field("text", DataType::Utf8, false),
        field(
            "hops",
            list_of(DataType::Struct(Fields::from(vec![
                field("source", DataType::Int64, true),
                field("anonymous", DataType::Boolean, false),
            ]))),
            false,
        ),
        field("published", DataType::Utf8, true),
        field("seen", timestamp(), false),
    ])
}

/// What [`Engine::results`] takes: one row per claim group, its reports as a list.
/// The columns are those of `reports.parquet` grouped by `claim_group`.
pub fn engine_input_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        field("claim_group", DataType::Utf8, false),
        field(
            "reports",
            list_of(DataType::Struct(input_report_fields())),
            false,
        ),
    ]))
}

/// What [`Engine::results`] returns: one row per claim group, the main fields of its
/// `claims` entry as columns and the whole entry as the line `claims --format jsonl`
/// prints for it (without the newline) in `json`.
pub fn engine_output_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        field("id", DataType::Utf8, false),
        field("reports", DataType::Int64, false),
        field("independent_sources", DataType::Int64, false),
        field("single_source", DataType::Boolean, false),
        field("anonymous_only", DataType::Boolean, false),
        field("unsourced", DataType::Boolean, false),
        field("circular", DataType::Boolean, false),
        field("echo", DataType::Float64, false),
        field("support", DataType::Float64, false),
        field("support_low", DataType::Float64, false),
        field("support_high", DataType::Float64, false),
        field("json", DataType::Utf8, false),
    ]))
}

/// `schema` with every field, list item and struct field nullable: what a reader
/// accepts (an engine such as Spark may declare any column nullable; the engine
/// checks for nulls where a value is required).
pub fn lenient(schema: &Schema) -> SchemaRef {
    fn relax(t: &DataType) -> DataType {
        match t {
            DataType::List(f) => DataType::List(Arc::new(relax_field(f))),
            DataType::Struct(fs) => {
                DataType::Struct(fs.iter().map(|f| relax_field(f)).collect::<Vec<_>>().into())
            }
            other => other.clone(),
        }
    }
    fn relax_field(f: &Field) -> Field {
        Field::new(f.name(), relax(f.data_type()), true)
    }
    Arc::new(
        Schema::new(
            schema
                .fields()
                .iter()
                .map(|f| relax_field(f))
                .collect::<Vec<_>>(),
        )
        .with_metadata(schema.metadata().clone()),
    )
}

fn arrow_error(e: arrow_schema::ArrowError) -> Error {
    Error::Columnar(e.to_string())
}

fn int(v: impl TryInto<i64>) -> i64 {
    v.try_into().unwrap_or(i64::MAX)
}

/// A list column from each row's items.
fn string_lists(rows: &[Vec<String>]) -> ArrayRef {
    let values: StringArray = rows.iter().flatten().map(Some).collect();
    Arc::new(ListArray::new(
        Arc::new(Field::new("item", DataType::Utf8, false)),
        OffsetBuffer::from_lengths(rows.iter().map(Vec::len)),
        Arc::new(values),
        None,
    ))
}

// ---- writing --------------------------------------------------------------------

/// Rows of `reports.parquet` being gathered, turned into a batch by
/// [`ReportRows::take_batch`]. Holds only what was pushed since the last batch.
#[derive(Default)]
pub struct ReportRows {
    claim_id: Vec<String>,
    claim_group: Vec<String>,
    claim_seq: Vec<i64>,
    report_seq: Vec<i64>,
    report_id: Vec<String>,
    text: Vec<String>,
    hop_lens: Vec<usize>,
    hop_source: Vec<Option<i64>>,
    hop_name: Vec<String>,
    hop_anonymous: Vec<bool>,
    url: Vec<Option<String>>,
    published: Vec<Option<String>>,
    seen: Vec<i64>,
}

impl ReportRows {
    /// No rows.
    pub fn new() -> ReportRows {
        ReportRows::default()
    }

    /// Rows gathered so far.
    pub fn len(&self) -> usize {
        self.claim_id.len()
    }

    /// True when no row is gathered.
    pub fn is_empty(&self) -> bool {
        self.claim_id.is_empty()
    }

    /// Add a row for each of `claim`'s reports. `group` is the id of the claim's
    /// group; `claim_seq` the claim's position in the order claims were first
    /// recorded (reports keep their order within the claim in `report_seq`).
    pub fn push(&mut self, claim: &Claim, group: &ClaimId, claim_seq: u64, reg: &Registry) {
        let id = claim.id.to_hex();
        let group = group.to_hex();
        for (i, r) in claim.reports.iter().enumerate() {
            self.claim_id.push(id.clone());
            self.claim_group.push(group.clone());
            self.claim_seq.push(int(claim_seq));
            self.report_seq.push(int(i));
            self.report_id.push(r.id.to_hex());
            self.text.push(claim.text.clone());
            self.hop_lens.push(r.hops.len());
            for h in &r.hops {
                match h {
                    Hop::Named { source, written } => {
                        self.hop_source.push(Some(i64::from(source.0)));
                        self.hop_name.push(
                            written
                                .clone()
                                .unwrap_or_else(|| reg.display_name(*source).to_string()),
                        );
                        self.hop_anonymous.push(false);
                    }
                    Hop::Anonymous(d) => {
                        self.hop_source.push(None);
                        self.hop_name.push(d.clone());
                        self.hop_anonymous.push(true);
                    }
                }
            }
            self.url.push(r.url.clone());
            self.published.push(r.published.clone());
            self.seen.push(r.added);
        }
    }

    /// The gathered rows as one batch of [`reports_schema`]; the rows are cleared.
    pub fn take_batch(&mut self) -> Result<RecordBatch> {
        let t = std::mem::take(self);
        let hops = StructArray::try_new(
            hop_fields(),
            vec![
                Arc::new(Int64Array::from(t.hop_source)) as ArrayRef,
                Arc::new(StringArray::from(t.hop_name)),
                Arc::new(BooleanArray::from(t.hop_anonymous)),
            ],
            None,
        )
        .map_err(arrow_error)?;
        let hops = ListArray::try_new(
            Arc::new(Field::new("item", DataType::Struct(hop_fields()), false)),
            OffsetBuffer::from_lengths(t.hop_lens),
            Arc::new(hops),
            None,
        )
        .map_err(arrow_error)?;
        RecordBatch::try_new(
            reports_schema(),
            vec![
                Arc::new(StringArray::from(t.claim_id)),
                Arc::new(StringArray::from(t.claim_group)),
                Arc::new(Int64Array::from(t.claim_seq)),
                Arc::new(Int64Array::from(t.report_seq)),
                Arc::new(StringArray::from(t.report_id)),
                Arc::new(StringArray::from(t.text)),
                Arc::new(hops),
                Arc::new(StringArray::from(t.url)),
                Arc::new(StringArray::from(t.published)),
                Arc::new(TimestampSecondArray::from(t.seen).with_timezone("UTC")),
            ],
        )
        .map_err(arrow_error)
    }
}

/// Every source of `reg` (merged ones included, by id) as one batch of
/// [`sources_schema`], with each live source's track record from `cred`.
pub fn sources_batch(reg: &Registry, cred: &CredibilityIndex) -> Result<RecordBatch> {
    let all = reg.all();
    let records: Vec<TrackRecord> = all
        .iter()
        .map(|s| {
            if s.merged_into.is_none() {
                cred.track_record(s.id)
            } else {
                TrackRecord::default()
            }
        })
        .collect();
    let counts = |f: fn(&TrackRecord) -> u32| -> ArrayRef {
        Arc::new(Int64Array::from_iter_values(
            records.iter().map(|r| i64::from(f(r))),
        ))
    };
    let aliases: Vec<Vec<String>> = all.iter().map(|s| s.aliases.clone()).collect();
    let labels: Vec<Vec<String>> = all.iter().map(|s| s.affiliations.clone()).collect();
    RecordBatch::try_new(
        sources_schema(),
        vec![
            Arc::new(Int64Array::from_iter_values(
                all.iter().map(|s| i64::from(s.id.0)),
            )),
            Arc::new(StringArray::from_iter_values(
                all.iter().map(|s| s.name.as_str()),
            )),
            string_lists(&aliases),
            Arc::new(StringArray::from_iter(
                all.iter().map(|s| s.homepage.as_ref().map(|u| u.as_str())),
            )),
            Arc::new(StringArray::from_iter_values(
                all.iter().map(|s| s.kind.as_str()),
            )),
            string_lists(&labels),
            Arc::new(Float64Array::from_iter(all.iter().map(|s| s.rating))),
            Arc::new(Int64Array::from_iter(
                all.iter().map(|s| s.merged_into.map(|m| i64::from(m.0))),
            )),
            counts(|r| r.true_),
            counts(|r| r.false_),
            counts(|r| r.mixed),
            counts(|r| r.contested),
            counts(|r| r.unproven),
        ],
    )
    .map_err(arrow_error)
}

/// `links.parquet` rows: the live claim links (a removed link leaves the store, so
/// `removed` is false in every row of this version; the ledger keeps the history).
pub fn links_batch(links: &[crate::store::StoredLink]) -> Result<RecordBatch> {
    RecordBatch::try_new(
        links_schema(),
        vec![
            Arc::new(StringArray::from_iter_values(
                links.iter().map(|l| l.a.to_hex()),
            )),
            Arc::new(StringArray::from_iter_values(
                links.iter().map(|l| l.b.to_hex()),
            )),
            Arc::new(StringArray::from_iter_values(links.iter().map(|l| {
                if l.same {
                    "same"
                } else {
                    "different"
                }
            }))),
            Arc::new(StringArray::from_iter_values(links.iter().map(|l| {
                if l.person {
                    "person"
                } else {
                    "matcher"
                }
            }))),
            Arc::new(Float64Array::from_iter(
                links.iter().map(|l| l.score.map(f64::from)),
            )),
            Arc::new(StringArray::from_iter(
                links.iter().map(|l| l.model.as_deref()),
            )),
            Arc::new(BooleanArray::from(vec![false; links.len()])),
        ],
    )
    .map_err(arrow_error)
}

/// Verdicts as one batch of [`verdicts_schema`].
pub fn verdicts_batch(verdicts: &[VerdictEntry]) -> Result<RecordBatch> {
    let opt = |f: fn(&VerdictEntry) -> &Option<String>| -> ArrayRef {
        Arc::new(StringArray::from_iter(
            verdicts.iter().map(|v| f(v).as_deref()),
        ))
    };
    RecordBatch::try_new(
        verdicts_schema(),
        vec![
            Arc::new(StringArray::from_iter_values(
                verdicts.iter().map(|v| v.claim.to_hex()),
            )),
            Arc::new(StringArray::from_iter_values(
                verdicts.iter().map(|v| v.verdict.as_str()),
            )),
            opt(|v| &v.by),
            opt(|v| &v.url),
            opt(|v| &v.note),
            opt(|v| &v.date),
            Arc::new(
                TimestampSecondArray::from_iter_values(verdicts.iter().map(|v| v.added))
                    .with_timezone("UTC"),
            ),
            Arc::new(Int64Array::from_iter_values(
                verdicts.iter().map(|v| int(v.seq)),
            )),
        ],
    )
    .map_err(arrow_error)
}

// ---- reading: the engine ----------------------------------------------------------

/// A column of `batch` by name, of the Arrow type `A`.
fn column<'a, A: Array + 'static>(batch: &'a RecordBatch, name: &str) -> Result<&'a A> {
    let c = batch
        .column_by_name(name)
        .ok_or_else(|| Error::Invalid(format!("the Arrow batch has no column {name:?}")))?;
    typed(c.as_ref(), name)
}

fn typed<'a, A: Array + 'static>(c: &'a dyn Array, name: &str) -> Result<&'a A> {
    c.as_any().downcast_ref::<A>().ok_or_else(|| {
        Error::Invalid(format!(
            "the Arrow column {name:?} has type {}, not the one of schema version {SCHEMA_VERSION} (docs/parquet.md)",
            c.data_type()
        ))
    })
}

fn struct_field<'a, A: Array + 'static>(s: &'a StructArray, name: &str) -> Result<&'a A> {
    let c = s
        .column_by_name(name)
        .ok_or_else(|| Error::Invalid(format!("the Arrow struct has no field {name:?}")))?;
    typed(c.as_ref(), name)
}

/// A list column's values as a struct array.
fn list_structs<'a>(l: &'a ListArray, name: &str) -> Result<&'a StructArray> {
    typed(l.values().as_ref(), name)
}

fn no_nulls(a: &dyn Array, name: &str) -> Result<()> {
    if a.null_count() > 0 {
        return Err(Error::Invalid(format!(
            "the Arrow column {name:?} has null values; it must not"
        )));
    }
    Ok(())
}

/// The source registry and the sources' track records, read from batches of
/// [`sources_schema`] (the content of `sources.parquet`, in any row order).
pub fn registry_from_sources(batches: &[RecordBatch]) -> Result<(Registry, CredibilityIndex)> {
    let mut sources: Vec<Source> = Vec::new();
    let mut records: HashMap<SourceId, TrackRecord> = HashMap::new();
    for b in batches {
        let id = column::<Int64Array>(b, "id")?;
        let name = column::<StringArray>(b, "name")?;
        let aliases = column::<ListArray>(b, "aliases")?;
        let homepage = column::<StringArray>(b, "homepage")?;
        let kind = column::<StringArray>(b, "kind")?;
        let labels = column::<ListArray>(b, "affiliations")?;
        let rating = column::<Float64Array>(b, "rating")?;
        let merged = column::<Int64Array>(b, "merged_into")?;
        let track: Vec<&Int64Array> = [
            "track_true",
            "track_false",
            "track_mixed",
            "track_contested",
            "track_unproven",
        ]
        .iter()
        .map(|n| column::<Int64Array>(b, n))
        .collect::<Result<_>>()?;
        for (a, n) in [
            (id as &dyn Array, "id"),
            (name, "name"),
            (aliases, "aliases"),
            (kind, "kind"),
            (labels, "affiliations"),
        ] {
            no_nulls(a, n)?;
        }
        let strings = |l: &ListArray, i: usize, n: &str| -> Result<Vec<String>> {
            let v = l.value(i);
            let s = typed::<StringArray>(v.as_ref(), n)?;
            no_nulls(s, n)?;
            Ok(s.iter().flatten().map(str::to_string).collect())
        };
        let source_id = |v: i64, what: &str| -> Result<SourceId> {
            u32::try_from(v)
                .map(SourceId)
                .map_err(|_| Error::Invalid(format!("{what} {v} is not a source id")))
        };
        for i in 0..b.num_rows() {
            let sid = source_id(id.value(i), "id")?;
            let homepage = if homepage.is_null(i) {
                None
            } else {
                Some(crate::source::parse_http_url(homepage.value(i))?)
            };
            sources.push(Source {
                id: sid,
                name: name.value(i).to_string(),
                aliases: strings(aliases, i, "aliases")?,
                homepage,
                kind: SourceKind::parse(kind.value(i))?,
                affiliations: strings(labels, i, "affiliations")?,
                rating: (!rating.is_null(i)).then(|| rating.value(i)),
                merged_into: if merged.is_null(i) {
                    None
                } else {
                    Some(source_id(merged.value(i), "merged_into")?)
                },
            });
            let count = |k: usize| u32::try_from(track[k].value(i)).unwrap_or(0);
            let r = TrackRecord {
                true_: count(0),
                false_: count(1),
                mixed: count(2),
                contested: count(3),
                unproven: count(4),
            };
            if r != TrackRecord::default() {
                records.insert(sid, r);
            }
        }
    }
    sources.sort_by_key(|s| s.id);
    let reg = Registry::from_sources(sources)?;
    Ok((reg, CredibilityIndex::from_records(records)))
}

/// The independence engine over the columnar form: the registry and track records
/// read once (from `sources.parquet`), then any number of batches of claim groups.
pub struct Engine {
    reg: Registry,
    cred: CredibilityIndex,
}

impl Engine {
    /// An engine over the sources in `batches` ([`sources_schema`]).
    pub fn from_sources(batches: &[RecordBatch]) -> Result<Engine> {
        let (reg, cred) = registry_from_sources(batches)?;
        Ok(Engine { reg, cred })
    }

    /// Number of sources (merged ones included).
    pub fn sources(&self) -> usize {
        self.reg.len()
    }

    /// The `claims` entry of each claim group in `batch` ([`engine_input_schema`]),
    /// in row order. A group's reports may come in any order: they are put in the
    /// order recorded (`claim_seq`, then `report_seq`) before the engine runs, and
    /// its id and text are those of the member claim whose id is the group's.
    pub fn summarize(&self, batch: &RecordBatch) -> Result<Vec<ClaimSummary>> {
        let groups = column::<StringArray>(batch, "claim_group")?;
        let reports = column::<ListArray>(batch, "reports")?;
        no_nulls(groups, "claim_group")?;
        no_nulls(reports, "reports")?;
        let rs = list_structs(reports, "reports")?;
        let claim_id = struct_field::<StringArray>(rs, "claim_id")?;
        let claim_seq = struct_field::<Int64Array>(rs, "claim_seq")?;
        let report_seq = struct_field::<Int64Array>(rs, "report_seq")?;
        let text = struct_field::<StringArray>(rs, "text")?;
        let hops = struct_field::<ListArray>(rs, "hops")?;
        let published = struct_field::<StringArray>(rs, "published")?;
        let seen = struct_field::<TimestampSecondArray>(rs, "seen")?;
        for (a, n) in [
            (claim_id as &dyn Array, "claim_id"),
            (claim_seq, "claim_seq"),
            (report_seq, "report_seq"),
            (text, "text"),
            (hops, "hops"),
            (seen, "seen"),
        ] {
            no_nulls(a, n)?;
        }
        let hs = list_structs(hops, "hops")?;
        let source = struct_field::<Int64Array>(hs, "source")?;
        let anonymous = struct_field::<BooleanArray>(hs, "anonymous")?;
        no_nulls(anonymous, "anonymous")?;
        let report_offsets = reports.value_offsets();
        let hop_offsets = hops.value_offsets();
        let mut out = Vec::with_capacity(batch.num_rows());
        let mut order: Vec<usize> = Vec::new();
        let mut flat: Vec<independence::Hop> = Vec::new();
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
        let mut dates: Vec<(i64, String)> = Vec::new();
        for g in 0..batch.num_rows() {
            let group = ClaimId::from_hex(groups.value(g))?;
            let (start, end) = (
                usize::try_from(report_offsets[g]).unwrap_or(0),
                usize::try_from(report_offsets[g + 1]).unwrap_or(0),
            );
            order.clear();
            order.extend(start..end);
            order.sort_by_key(|&r| (claim_seq.value(r), report_seq.value(r)));
            flat.clear();
            ranges.clear();
            dates.clear();
            let mut own_text: Option<&str> = None;
            let mut variants = 0usize;
            let mut last_claim: Option<i64> = None;
            for &r in &order {
                if own_text.is_none() && claim_id.value(r) == groups.value(g) {
                    own_text = Some(text.value(r));
                }
                // Reports come sorted by claim: each new claim_seq is one more wording.
                if last_claim != Some(claim_seq.value(r)) {
                    variants += 1;
                    last_claim = Some(claim_seq.value(r));
                }
                let from = flat.len();
                let (hs_start, hs_end) = (
                    usize::try_from(hop_offsets[r]).unwrap_or(0),
                    usize::try_from(hop_offsets[r + 1]).unwrap_or(0),
                );
                for h in hs_start..hs_end {
                    flat.push(if anonymous.value(h) {
                        independence::Hop::Anonymous
                    } else if source.is_null(h) {
                        return Err(Error::Invalid(format!(
                            "claim group {}: a named hop has no source id",
                            groups.value(g)
                        )));
                    } else {
                        let id = u32::try_from(source.value(h)).map_err(|_| {
                            Error::Invalid(format!("{} is not a source id", source.value(h)))
                        })?;
                        if id as usize >= self.reg.len() {
                            return Err(Error::Invalid(format!(
                                "claim group {}: source id {id} is not in sources.parquet (was the registry read from the same export?)",
                                groups.value(g)
                            )));
                        }
                        independence::Hop::Named(SourceId(id))
                    });
                }
                ranges.push(from..flat.len());
                dates.push(crate::date::report_date(
                    (!published.is_null(r)).then(|| published.value(r)),
                    seen.value(r),
                ));
            }
            let Some(own_text) = own_text else {
                return Err(Error::Invalid(format!(
                    "claim group {} has no report of its own claim (a group's id is the id of one of its claims)",
                    groups.value(g)
                )));
            };
            out.push(view::summarize_chains(
                group, variants, own_text, &mut flat, &ranges, &dates, &self.reg, &self.cred,
            ));
        }
        Ok(out)
    }

    /// [`Engine::summarize`] as a batch of [`engine_output_schema`].
    pub fn results(&self, batch: &RecordBatch) -> Result<RecordBatch> {
        results_batch(&self.summarize(batch)?)
    }
}

/// Group rows of `reports.parquet` ([`reports_schema`]) by claim group into one batch
/// of [`engine_input_schema`], groups in the order of their first row: what the Spark
/// job's `groupBy` + `collect_list` does, on one machine (for tests and small
/// corpora). Holds every row in memory.
pub fn group_reports(batches: &[RecordBatch]) -> Result<RecordBatch> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for (bi, b) in batches.iter().enumerate() {
        let g = column::<StringArray>(b, "claim_group")?;
        no_nulls(g, "claim_group")?;
        for r in 0..b.num_rows() {
            let k = g.value(r);
            let i = match index.get(k) {
                Some(&i) => i,
                None => {
                    index.insert(k.to_string(), groups.len());
                    groups.push((k.to_string(), Vec::new()));
                    groups.len() - 1
                }
            };
            groups[i].1.push((bi, r));
        }
    }
    let mut claim_id = Vec::new();
    let mut claim_seq = Vec::new();
    let mut report_seq = Vec::new();
    let mut text = Vec::new();
    let mut hop_lens = Vec::new();
    let mut hop_source: Vec<Option<i64>> = Vec::new();
    let mut hop_anonymous = Vec::new();
    let mut published: Vec<Option<String>> = Vec::new();
    let mut seen: Vec<i64> = Vec::new();
    for (_, rows) in &groups {
        for &(bi, r) in rows {
            let b = &batches[bi];
            claim_id.push(column::<StringArray>(b, "claim_id")?.value(r).to_string());
            claim_seq.push(column::<Int64Array>(b, "claim_seq")?.value(r));
            report_seq.push(column::<Int64Array>(b, "report_seq")?.value(r));
            text.push(column::<StringArray>(b, "text")?.value(r).to_string());
            let p = column::<StringArray>(b, "published")?;
            published.push((!p.is_null(r)).then(|| p.value(r).to_string()));
            seen.push(column::<TimestampSecondArray>(b, "seen")?.value(r));
            let hops = column::<ListArray>(b, "hops")?.value(r);
            let hops: &StructArray = typed(hops.as_ref(), "hops")?;
            let source = struct_field::<Int64Array>(hops, "source")?;
            let anonymous = struct_field::<BooleanArray>(hops, "anonymous")?;
            hop_lens.push(hops.len());
            for h in 0..hops.len() {
                hop_source.push((!source.is_null(h)).then(|| source.value(h)));
                hop_anonymous.push(anonymous.value(h));
            }
        }
    }
    let report_fields = input_report_fields();
    let DataType::List(hops_item) = report_fields[4].data_type().clone() else {
        return Err(Error::Columnar("the hops field is not a list".into()));
    };
    let DataType::Struct(hop_fields) = hops_item.data_type().clone() else {
        return Err(Error::Columnar("a hop is not a struct".into()));
    };
    let hops = StructArray::try_new(
        hop_fields,
        vec![
            Arc::new(Int64Array::from(hop_source)) as ArrayRef,
            Arc::new(BooleanArray::from(hop_anonymous)),
        ],
        None,
    )
    .map_err(arrow_error)?;
    let hops = ListArray::try_new(
        hops_item,
        OffsetBuffer::from_lengths(hop_lens),
        Arc::new(hops),
        None,
    )
    .map_err(arrow_error)?;
    let reports = StructArray::try_new(
        report_fields.clone(),
        vec![
            Arc::new(StringArray::from(claim_id)) as ArrayRef,
            Arc::new(Int64Array::from(claim_seq)),
            Arc::new(Int64Array::from(report_seq)),
            Arc::new(StringArray::from(text)),
            Arc::new(hops),
            Arc::new(StringArray::from(published)),
            Arc::new(TimestampSecondArray::from(seen).with_timezone("UTC")),
        ],
        None,
    )
    .map_err(arrow_error)?;
    let reports = ListArray::try_new(
        Arc::new(Field::new("item", DataType::Struct(report_fields), false)),
        OffsetBuffer::from_lengths(groups.iter().map(|(_, rows)| rows.len())),
        Arc::new(reports),
        None,
    )
    .map_err(arrow_error)?;
    RecordBatch::try_new(
        engine_input_schema(),
        vec![
            Arc::new(StringArray::from_iter_values(
                groups.iter().map(|(g, _)| g.as_str()),
            )),
            Arc::new(reports),
        ],
    )
    .map_err(arrow_error)
}

/// Claim entries as a batch of [`engine_output_schema`].
pub fn results_batch(rows: &[ClaimSummary]) -> Result<RecordBatch> {
    let mut json = Vec::with_capacity(rows.len());
    for r in rows {
        let mut line = Vec::new();
        crate::output::write_json_line(&mut line, r).map_err(|e| Error::Encoding(e.to_string()))?;
        line.pop();
        json.push(String::from_utf8(line).map_err(|e| Error::Encoding(e.to_string()))?);
    }
    let flag = |f: fn(&ClaimSummary) -> bool| -> ArrayRef {
        Arc::new(BooleanArray::from(rows.iter().map(f).collect::<Vec<_>>()))
    };
    let float = |f: fn(&ClaimSummary) -> f64| -> ArrayRef {
        Arc::new(Float64Array::from_iter_values(rows.iter().map(f)))
    };
    RecordBatch::try_new(
        engine_output_schema(),
        vec![
            Arc::new(StringArray::from_iter_values(
                rows.iter().map(|r| r.id.as_str()),
            )),
            Arc::new(Int64Array::from_iter_values(
                rows.iter().map(|r| int(r.reports)),
            )),
            Arc::new(Int64Array::from_iter_values(
                rows.iter().map(|r| int(r.independent_sources)),
            )),
            flag(|r| r.single_source),
            flag(|r| r.anonymous_only),
            flag(|r| r.unsourced),
            flag(|r| r.circular),
            float(|r| r.echo),
            float(|r| r.support),
            float(|r| r.support_low),
            float(|r| r.support_high),
            Arc::new(StringArray::from(json)),
        ],
    )
    .map_err(arrow_error)
}
