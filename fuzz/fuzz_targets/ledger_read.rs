//! The ledger reader and the database's open-and-recover path on damaged ledgers.
//!
//! The first byte picks a mode:
//! - 0: the rest is the whole `ledger.log` (with the header put in front when the
//!   byte's high bit is set, so the fuzzer starts past the magic);
//! - 1: a valid ledger (two imports, a merge) damaged by the rest, read as 4-byte
//!   edits: flip a byte, cut the file, insert a byte;
//! - 2: the rest is a list of entry bodies (`u16 LE length`, body), written with
//!   correct lengths and hash links, then a commit: garbage that the hash chain does
//!   not catch, which applying must refuse or handle.
//!
//! Invariants: nothing panics; `Database::open` refuses, or opens without changing a
//! byte, a ledger whose header is wrong or that is damaged before its end (anything
//! but zeros after a bad entry);
//! when it accepts one, it has cut exactly the unfinished tail after the last commit
//! (keeping every committed byte), every claim reads back, and `verify` finds nothing.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use corroborate::db::Database;
use corroborate::ledger::{genesis_hash, Entry, Ledger, HEADER_LEN};
use corroborate::Error;
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

const MAGIC: &[u8; 12] = b"CRBLEDGER\0\0\0";

fn scratch_root() -> PathBuf {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

fn header() -> Vec<u8> {
    let mut h = MAGIC.to_vec();
    h.extend_from_slice(&1u32.to_le_bytes());
    h
}

/// A small valid ledger written by the library itself.
fn valid_ledger() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = tempfile::tempdir_in(scratch_root()).unwrap();
        let db_dir = dir.path().join("db");
        let mut db = Database::open(&db_dir).unwrap();
        let first = concat!(
            r#"{"type":"source","name":"AP","aliases":["Associated Press"],"homepage":"https://apnews.com","kind":"wire_agency","rating":0.8}"#, "\n",
            r#"{"type":"report","claim":"The dam broke at dawn.","chain":"Blog via AP via ~an engineer","url":"https://blog.example/a","published":"2024-03-01"}"#, "\n",
            r#"{"type":"report","claim":"The dam broke at dawn","chain":"Daily via Reuters"}"#, "\n",
        );
        db.import(first.as_bytes(), "import one", &mut |_| {}).unwrap();
        let second = concat!(
            r#"{"type":"verdict","claim":"the dam broke at dawn","verdict":"false","by":"Desk","date":"2024-03-02"}"#, "\n",
            r#"{"type":"report","claim":"Officials evacuated the valley.","chain":["Daily",{"name":"a police officer","anonymous":true}]}"#, "\n",
        );
        db.import(second.as_bytes(), "import two", &mut |_| {}).unwrap();
        db.merge("AP", "Reuters").unwrap();
        drop(db);
        std::fs::read(db_dir.join("ledger.log")).unwrap()
    })
}

/// What recovery must do with these bytes: refuse them, or keep the first `n`.
#[derive(Debug, PartialEq)]
enum Expect {
    Refuse,
    Keep(u64),
}

/// The rule of recovery with an empty store, worked out with the sequential reader on
/// a copy: committed entries stay, an unfinished tail (entries after the last commit, a
/// torn entry, zeros to the end) goes, any other damage is refused.
fn expected(bytes: &[u8], dir: &Path) -> Expect {
    if (bytes.len() as u64) < HEADER_LEN {
        return Expect::Keep(HEADER_LEN); // torn at creation: a fresh header
    }
    if &bytes[..12] != MAGIC || u32::from_le_bytes(bytes[12..16].try_into().unwrap()) > 1 {
        return Expect::Refuse;
    }
    let path = dir.join("copy.log");
    std::fs::write(&path, bytes).unwrap();
    let ledger = Ledger::open(&path).unwrap();
    let mut r = ledger.read_all().unwrap();
    let mut last_commit = HEADER_LEN;
    loop {
        match r.next_entry() {
            Ok(Some(e)) => {
                if matches!(e.entry, Entry::Commit { .. }) {
                    last_commit = e.end;
                }
            }
            Ok(None) => return Expect::Keep(last_commit),
            Err(Error::LedgerCorrupt { .. }) => {
                let at = r.position() as usize;
                return if bytes[at..].iter().all(|b| *b == 0) {
                    Expect::Keep(last_commit)
                } else {
                    Expect::Refuse
                };
            }
            Err(e) => panic!("reading a copy of the ledger failed: {e}"),
        }
    }
}

fn check(bytes: &[u8]) {
    let tmp = tempfile::tempdir_in(scratch_root()).unwrap();
    let want = expected(bytes, tmp.path());
    let db_dir = tmp.path().join("db");
    std::fs::create_dir(&db_dir).unwrap();
    let ledger_path = db_dir.join("ledger.log");
    std::fs::write(&ledger_path, bytes).unwrap();
    let opened = Database::open(&db_dir);
    let db = match (opened, &want) {
        (Err(_), _) => return, // refusing is always allowed (applying may find garbage)
        // A damaged ledger may be opened for reading (writes are then refused), but
        // recovery must change nothing in it.
        (Ok(db), Expect::Refuse) => {
            drop(db);
            let now = std::fs::read(&ledger_path).unwrap();
            assert_eq!(&now[..], bytes, "recovery changed a damaged ledger");
            return;
        }
        (Ok(db), Expect::Keep(_)) => db,
    };
    let Expect::Keep(n) = want else {
        unreachable!()
    };
    let now = std::fs::read(&ledger_path).unwrap();
    assert_eq!(
        now.len() as u64,
        n,
        "recovery kept {} bytes, not {n}",
        now.len()
    );
    if bytes.len() as u64 >= HEADER_LEN {
        assert_eq!(
            &now[..],
            &bytes[..n as usize],
            "recovery changed kept bytes"
        );
    }
    for c in db.claims() {
        c.expect("a claim of an accepted ledger reads back");
    }
    let rep = db.verify().expect("verify runs");
    assert!(
        rep.problems.is_empty(),
        "verify after recovery: {:?}",
        rep.problems
    );
}

fn entry_hash(len: &[u8; 4], prev: &[u8; 32], body: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(len);
    h.update(prev);
    h.update(body);
    h.finalize().into()
}

/// Entries with correct lengths and links.
fn link(bodies: &[Vec<u8>]) -> Vec<u8> {
    let mut out = header();
    let mut prev = genesis_hash();
    for body in bodies {
        let len = (body.len() as u32).to_le_bytes();
        out.extend_from_slice(&len);
        out.extend_from_slice(&prev);
        out.extend_from_slice(body);
        prev = entry_hash(&len, &prev, body);
    }
    out
}

/// A commit entry body of version 2 (version byte, kind tag 5, then the postcard
/// fields: varint records, zigzag varint time, length-prefixed command), by hand.
fn commit_body(records: u64) -> Vec<u8> {
    fn varint(mut n: u64, out: &mut Vec<u8>) {
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
    let mut b = vec![2u8, 5];
    varint(records, &mut b);
    varint(1_700_000_000u64 << 1, &mut b); // zigzag of a positive time
    varint(4, &mut b);
    b.extend_from_slice(b"fuzz");
    b
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 3 {
        0 => {
            if mode & 0x80 != 0 {
                let mut bytes = header();
                bytes.extend_from_slice(rest);
                check(&bytes);
            } else {
                check(rest);
            }
        }
        1 => {
            let mut bytes = valid_ledger().to_vec();
            for op in rest.chunks_exact(4) {
                if bytes.is_empty() {
                    break;
                }
                let at = usize::from(u16::from_le_bytes([op[1], op[2]])) % bytes.len();
                match op[0] % 3 {
                    0 => bytes[at] ^= op[3].max(1),
                    1 => bytes.truncate(at),
                    _ => bytes.insert(at, op[3]),
                }
            }
            check(&bytes);
        }
        _ => {
            let mut bodies = Vec::new();
            let mut r = rest;
            while r.len() >= 2 && bodies.len() < 64 {
                let n = usize::from(u16::from_le_bytes([r[0], r[1]])).min(r.len() - 2);
                if n == 0 {
                    break;
                }
                bodies.push(r[2..2 + n].to_vec());
                r = &r[2 + n..];
            }
            if mode & 0x40 == 0 {
                bodies.push(commit_body(bodies.len() as u64));
            }
            check(&link(&bodies));
        }
    }
});
