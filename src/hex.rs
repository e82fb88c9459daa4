//! Lowercase hexadecimal encoding of hashes, and parsing of full ids and id prefixes.

/// Encode bytes as lowercase hex.
pub fn encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decode exactly 64 hex digits (either case) into 32 bytes.
pub fn decode32(s: &str) -> Option<[u8; 32]> {
    let b = s.as_bytes();
    if b.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in b.chunks_exact(2).enumerate() {
        out[i] = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

/// Whether `s` is a non-empty string of hex digits.
pub fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| nibble(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let bytes: Vec<u8> = (0..32).map(|i| (i * 37) as u8).collect();
        let s = encode(&bytes);
        assert_eq!(decode32(&s).unwrap().to_vec(), bytes);
        assert_eq!(decode32(&s.to_uppercase()).unwrap().to_vec(), bytes);
        assert!(decode32(&s[..63]).is_none());
        assert!(decode32(&format!("{}g", &s[..63])).is_none());
        assert!(is_hex("00af"));
        assert!(!is_hex(""));
        assert!(!is_hex("xyz"));
    }
}
