//! The server's users: names, roles, API tokens.
//!
//! Who exists and with which role is recorded in the ledger ([`crate::ledger::Entry::User`])
//! and indexed in the store's `users` tree, so the audit trail shows every change. The
//! tokens are never in the ledger or the store: only their SHA-256 is kept, in the
//! database directory's `secrets.json` (mode 0600, replaced atomically). A token is 32
//! random bytes from the operating system, shown once when it is made. A rebuild keeps
//! `secrets.json`; a JSONL backup does not hold users or tokens (after a restore, add the
//! users again).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// What a user may do. Viewers read; editors also write; admins also manage users.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads everything.
    Viewer,
    /// Reads and writes claims, reports, links, verdicts and sources.
    Editor,
    /// Everything, and manages users.
    Admin,
}

impl Role {
    /// Every role, weakest first.
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Editor, Role::Admin];

    /// The role's name as written in the ledger and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// Read a role's name.
    pub fn parse(s: &str) -> Result<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown role {s:?}; a role is viewer (reads), editor (reads and writes) or admin (also manages users)"
                ))
            })
    }

    /// Whether the role may write data.
    pub fn can_write(self) -> bool {
        self >= Role::Editor
    }

    /// Whether the role may manage users.
    pub fn can_admin(self) -> bool {
        self == Role::Admin
    }
}

/// Longest user name.
pub const MAX_NAME: usize = 64;

/// Check a user name: 1 to 64 characters, ASCII letters, digits, `.`, `_`, `-`
/// (it appears in the audit log, in URLs and in shell commands, so it is kept plain).
pub fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && !name.starts_with(['.', '-']);
    if ok {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "the user name {:?} is not allowed: use 1 to {MAX_NAME} ASCII letters, digits, '.', '_' or '-', not starting with '.' or '-' (for example maria.k)",
            crate::chars::visible(&name.chars().take(80).collect::<String>())
        )))
    }
}

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 10;
/// Longest password accepted (bytes).
pub const MAX_PASSWORD: usize = 1024;

/// Check a new password's length.
pub fn check_password(p: &str) -> Result<()> {
    if p.chars().count() < MIN_PASSWORD || p.len() > MAX_PASSWORD {
        return Err(Error::Invalid(format!(
            "a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters; a few random words are easy to type and hard to guess"
        )));
    }
    Ok(())
}

/// Prefix of every token, so that a leaked one is recognisable.
const TOKEN_PREFIX: &str = "crb_";

/// A new API token: the prefix and 32 random bytes from the operating system, in hex.
pub fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| {
        Error::io(
            "asking the operating system for random bytes for a token",
            std::io::Error::other(e.to_string()),
        )
    })?;
    Ok(format!("{TOKEN_PREFIX}{}", crate::hex::encode(&bytes)))
}

fn token_hash(token: &str) -> String {
    crate::hex::encode(&Sha256::digest(token.as_bytes()))
}

/// Compare two secrets in time that does not depend on where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The secrets file of a database directory.
const SECRETS: &str = "secrets.json";

/// The tokens' hashes, by user name: the contents of `secrets.json`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Secrets {
    /// File format version (1).
    format: u32,
    /// User name → SHA-256 of the token, in hex.
    tokens: BTreeMap<String, String>,
    /// User name → argon2id hash of the password (PHC string), for the web page.
    #[serde(default)]
    passwords: BTreeMap<String, String>,
}

impl Secrets {
    /// Read a database directory's secrets (none when the file does not exist).
    pub fn load(dir: &Path) -> Result<Secrets> {
        let path = dir.join(SECRETS);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let s: Secrets = serde_json::from_slice(&bytes).map_err(|e| {
                    Error::Corrupt(format!(
                        "{} does not read ({e}); move it away and give each user a new token with `corroborate user reset NAME` (and a new password with `corroborate user password NAME`; users, roles and the ledger are not touched)",
                        path.display()
                    ))
                })?;
                if s.format != 1 {
                    return Err(Error::Corrupt(format!(
                        "{} has format {}, which this corroborate does not know; use a newer corroborate",
                        path.display(),
                        s.format
                    )));
                }
                Ok(s)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Secrets {
                format: 1,
                ..Default::default()
            }),
            Err(e) => Err(Error::io(format!("reading {}", path.display()), e)),
        }
    }

    /// Write the secrets atomically (a temporary file readable by its owner only,
    /// synced, then renamed over the old one).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(SECRETS);
        let ctx = |e| Error::io(format!("writing {}", path.display()), e);
        let mut tmp = tempfile::Builder::new()
            .prefix(".secrets")
            .tempfile_in(dir)
            .map_err(ctx)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(ctx)?;
        }
        let body = serde_json::to_vec_pretty(&Secrets {
            format: 1,
            tokens: self.tokens.clone(),
            passwords: self.passwords.clone(),
        })
        .map_err(|e| Error::Invalid(e.to_string()))?;
        tmp.write_all(&body).map_err(ctx)?;
        tmp.as_file().sync_all().map_err(ctx)?;
        tmp.persist(&path).map_err(|e| ctx(e.error))?;
        Ok(())
    }

    /// Set a user's token (keeping only its hash).
    pub fn set(&mut self, name: &str, token: &str) {
        self.tokens.insert(name.to_string(), token_hash(token));
    }

    /// Forget a user's token and password.
    pub fn remove(&mut self, name: &str) {
        self.tokens.remove(name);
        self.passwords.remove(name);
    }

    /// Set a user's password (keeping only its argon2id hash, with a random salt).
    pub fn set_password(&mut self, name: &str, password: &str) -> Result<()> {
        check_password(password)?;
        use argon2::password_hash::{PasswordHasher, SaltString};
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| {
            Error::io(
                "asking the operating system for random bytes",
                std::io::Error::other(e.to_string()),
            )
        })?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Invalid(e.to_string()))?;
        let hash = argon2::Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| Error::Invalid(format!("the password could not be hashed: {e}")))?;
        self.passwords.insert(name.to_string(), hash.to_string());
        Ok(())
    }

    /// Whether `password` is the user's password (false when it has none).
    pub fn check_password(&self, name: &str, password: &str) -> bool {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        let Some(stored) = self.passwords.get(name) else {
            return false;
        };
        let Ok(parsed) = PasswordHash::new(stored) else {
            return false;
        };
        password.len() <= MAX_PASSWORD
            && argon2::Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
    }

    /// The user a token belongs to. Every stored hash is compared, each in constant
    /// time.
    pub fn user_of(&self, token: &str) -> Option<&str> {
        let h = token_hash(token.trim());
        let mut found = None;
        for (name, stored) in &self.tokens {
            if same_secret(stored, &h) {
                found = Some(name.as_str());
            }
        }
        found
    }
}

/// A user as `user list` and `GET /api/users` show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    /// The name.
    pub name: String,
    /// The role.
    pub role: Role,
}

/// A user just made or given a new token: shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewToken {
    /// The name.
    pub name: String,
    /// The role.
    pub role: Role,
    /// The API token (`Authorization: Bearer …`); only its hash is kept.
    pub token: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain() {
        for ok in ["maria", "maria.k", "desk_2", "a"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-x", ".x", "ma ria", "maría", "a/b", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_token_finds_its_user_and_nothing_else_does() {
        let mut s = Secrets::default();
        let t = new_token().unwrap();
        assert!(t.starts_with("crb_") && t.len() == 4 + 64);
        s.set("maria", &t);
        s.set("li", &new_token().unwrap());
        assert_eq!(s.user_of(&t), Some("maria"));
        assert_eq!(s.user_of(&format!(" {t}\n")), Some("maria"));
        assert_eq!(s.user_of("crb_00"), None);
        assert_eq!(s.user_of(""), None);
        s.remove("maria");
        assert_eq!(s.user_of(&t), None);
    }

    #[test]
    fn secrets_round_trip_and_keep_no_token() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Secrets::load(dir.path()).unwrap();
        let t = new_token().unwrap();
        s.set("maria", &t);
        s.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(SECRETS)).unwrap();
        assert!(!text.contains(&t[4..]), "the token itself is never written");
        assert_eq!(
            Secrets::load(dir.path()).unwrap().user_of(&t),
            Some("maria")
        );
    }

    #[test]
    fn a_password_is_kept_as_an_argon2id_hash_only() {
        let mut s = Secrets::default();
        assert!(s.set_password("maria", "short").is_err());
        s.set_password("maria", "correct horse battery").unwrap();
        let stored = &s.passwords["maria"];
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("horse"));
        assert!(s.check_password("maria", "correct horse battery"));
        assert!(!s.check_password("maria", "correct horse batterY"));
        assert!(!s.check_password("li", "correct horse battery"));
        s.remove("maria");
        assert!(!s.check_password("maria", "correct horse battery"));
    }

    #[test]
    fn roles_read_and_order() {
        assert_eq!(Role::parse("Editor").unwrap(), Role::Editor);
        assert!(Role::parse("owner").is_err());
        assert!(!Role::Viewer.can_write() && Role::Editor.can_write());
        assert!(!Role::Editor.can_admin() && Role::Admin.can_admin());
    }
}
