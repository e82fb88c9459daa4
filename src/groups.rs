//! Claim groups: which claim texts count as one claim. A group is formed by the live
//! "same" links between claims (see `docs/matching.md`); every other claim is a group of
//! one. Pure: it gets the links and the claims' record order, and returns the groups.
//!
//! The rules, in the order they are applied:
//! 1. A person's link of a pair hides the matcher's link of the same pair.
//! 2. A person's "same" links are joined first (in ledger order), then the matcher's (best
//!    score first, then ledger order), with a union-find.
//! 3. A "different" link is a cannot-link: a join that would put its two claims in one
//!    group is refused and kept, with the link that forbade it, for the explanation. A
//!    person's "same" link is only held back by a person's "different" link (the writer
//!    refuses such a pair anyway); the matcher's by any.
//! 4. A group's representative, and its id, is its earliest-recorded member: the id of an
//!    unlinked claim's group is the claim's own id, and linking later claims to a group
//!    never changes its id.

use std::collections::HashMap;

use crate::claim::ClaimId;
use crate::store::StoredLink;

/// The claim groups of a database.
#[derive(Clone, Debug, Default)]
pub struct Groups {
    /// Member → index into `groups`, for members of groups of two or more.
    of: HashMap<ClaimId, usize>,
    groups: Vec<Group>,
    refused: Vec<Refused>,
    /// Every live link.
    links: Vec<StoredLink>,
}

/// A group of two or more claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Members in the order they were first recorded; the first is the representative.
    pub members: Vec<ClaimId>,
    /// The "same" links that joined them.
    pub joined_by: Vec<StoredLink>,
}

/// A "same" link that was not followed because it would join two claims marked
/// different.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// The link not followed.
    pub link: StoredLink,
    /// The "different" link that forbade it.
    pub because: StoredLink,
}

struct Forest {
    parent: Vec<usize>,
    /// Per root: indexes into the cannot-link list touching its members.
    cannot: Vec<Vec<usize>>,
}

impl Forest {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
}

impl Groups {
    /// Form the groups from the live links; `number` gives a claim's record order (the
    /// ledger offset that first recorded it) or `None` for a claim no longer stored.
    pub fn build(links: Vec<StoredLink>, number: impl Fn(&ClaimId) -> Option<u64>) -> Groups {
        // 1. A person's link of a pair hides the matcher's.
        let person_pairs: std::collections::HashSet<(ClaimId, ClaimId)> = links
            .iter()
            .filter(|l| l.person)
            .map(|l| (l.a, l.b))
            .collect();
        let live: Vec<&StoredLink> = links
            .iter()
            .filter(|l| l.person || !person_pairs.contains(&(l.a, l.b)))
            .filter(|l| number(&l.a).is_some() && number(&l.b).is_some())
            .collect();
        let mut index: HashMap<ClaimId, usize> = HashMap::new();
        let mut ids: Vec<ClaimId> = Vec::new();
        for l in &live {
            for c in [l.a, l.b] {
                index.entry(c).or_insert_with(|| {
                    ids.push(c);
                    ids.len() - 1
                });
            }
        }
        let different: Vec<&StoredLink> = live.iter().copied().filter(|l| !l.same).collect();
        let mut f = Forest {
            parent: (0..ids.len()).collect(),
            cannot: vec![Vec::new(); ids.len()],
        };
        for (k, l) in different.iter().enumerate() {
            f.cannot[index[&l.a]].push(k);
            f.cannot[index[&l.b]].push(k);
        }
        // 2. Person first, in ledger order; then the matcher, best score first.
        let mut same: Vec<&StoredLink> = live.iter().copied().filter(|l| l.same).collect();
        same.sort_by(|x, y| {
            y.person
                .cmp(&x.person)
                .then_with(|| match x.person {
                    true => std::cmp::Ordering::Equal,
                    false => y.score.unwrap_or(0.0).total_cmp(&x.score.unwrap_or(0.0)),
                })
                .then(x.entry.cmp(&y.entry))
        });
        let mut refused = Vec::new();
        let mut joined: Vec<&StoredLink> = Vec::new();
        for l in same {
            let (ra, rb) = (f.find(index[&l.a]), f.find(index[&l.b]));
            if ra == rb {
                joined.push(l);
                continue;
            }
            // 3. Would the join put a "different" pair into one group?
            let mut forbid = None;
            let pending = f.cannot[ra].clone();
            for k in pending {
                let d = different[k];
                if l.person && !d.person {
                    continue;
                }
                let (x, y) = (f.find(index[&d.a]), f.find(index[&d.b]));
                if (x == ra && y == rb) || (x == rb && y == ra) {
                    forbid = Some(d);
                    break;
                }
            }
            if let Some(d) = forbid {
                refused.push(Refused {
                    link: l.clone(),
                    because: d.clone(),
                });
                continue;
            }
            let moved = std::mem::take(&mut f.cannot[rb]);
            f.cannot[ra].extend(moved);
            f.parent[rb] = ra;
            joined.push(l);
        }
        // 4. Collect the groups, members in record order.
        let mut by_root: HashMap<usize, Vec<ClaimId>> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            let r = f.find(i);
            by_root.entry(r).or_default().push(*id);
        }
        let mut groups: Vec<Group> = by_root
            .into_values()
            .filter(|m| m.len() > 1)
            .map(|mut members| {
                members.sort_by_key(|c| (number(c), c.0));
                Group {
                    members,
                    joined_by: Vec::new(),
                }
            })
            .collect();
        groups.sort_by_key(|g| (number(&g.members[0]), g.members[0].0));
        let mut of = HashMap::new();
        for (i, g) in groups.iter().enumerate() {
            for m in &g.members {
                of.insert(*m, i);
            }
        }
        for l in joined {
            if let Some(&i) = of.get(&l.a) {
                groups[i].joined_by.push(l.clone());
            }
        }
        Groups {
            of,
            groups,
            refused,
            links,
        }
    }

    /// The group of two or more that `id` belongs to, if any.
    pub fn group_of(&self, id: &ClaimId) -> Option<&Group> {
        self.of.get(id).map(|&i| &self.groups[i])
    }

    /// The id of `id`'s group: its earliest-recorded member (`id` itself when unlinked).
    pub fn group_id(&self, id: &ClaimId) -> ClaimId {
        self.group_of(id).map_or(*id, |g| g.members[0])
    }

    /// Every member of `id`'s group, in record order (just `id` when unlinked).
    pub fn members(&self, id: &ClaimId) -> Vec<ClaimId> {
        self.group_of(id)
            .map_or_else(|| vec![*id], |g| g.members.clone())
    }

    /// True when `a` and `b` count as one claim.
    pub fn same(&self, a: &ClaimId, b: &ClaimId) -> bool {
        a == b || self.group_id(a) == self.group_id(b)
    }

    /// Every group of two or more, in the record order of their representatives.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The "same" links not followed, with the "different" link that forbade each.
    pub fn refused(&self) -> &[Refused] {
        &self.refused
    }

    /// Every live link (as stored, person and matcher alike).
    pub fn links(&self) -> &[StoredLink] {
        &self.links
    }

    /// The live links between `a` and `b` directly.
    pub fn links_between(&self, a: &ClaimId, b: &ClaimId) -> Vec<&StoredLink> {
        self.links
            .iter()
            .filter(|l| (l.a == *a && l.b == *b) || (l.a == *b && l.b == *a))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> ClaimId {
        ClaimId([n; 32])
    }

    fn link(a: u8, b: u8, person: bool, same: bool, score: f32, entry: u64) -> StoredLink {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        StoredLink {
            a: id(a),
            b: id(b),
            person,
            same,
            score: (!person).then_some(score),
            model: (!person).then(|| "m".to_string()),
            threshold: (!person).then_some(0.5),
            entry,
        }
    }

    fn order(c: &ClaimId) -> Option<u64> {
        Some(u64::from(c.0[0]))
    }

    #[test]
    fn unlinked_claims_are_their_own_group() {
        let g = Groups::build(vec![], order);
        assert_eq!(g.group_id(&id(7)), id(7));
        assert_eq!(g.members(&id(7)), vec![id(7)]);
        assert!(g.groups().is_empty());
    }

    #[test]
    fn the_earliest_member_is_the_group_id() {
        // 5~3 (matcher), 3~9 (person): one group {3, 5, 9}, id 3.
        let g = Groups::build(
            vec![
                link(5, 3, false, true, 0.9, 10),
                link(3, 9, true, true, 0.0, 20),
            ],
            order,
        );
        assert_eq!(g.members(&id(9)), vec![id(3), id(5), id(9)]);
        assert_eq!(g.group_id(&id(5)), id(3));
        assert!(g.same(&id(5), &id(9)));
        assert_eq!(g.groups()[0].joined_by.len(), 2);
    }

    #[test]
    fn a_person_s_different_beats_a_chain_of_matches() {
        // Matcher: 1~2 (0.9), 2~3 (0.8). Person: 1 ≠ 3. The weaker match is refused.
        let g = Groups::build(
            vec![
                link(1, 2, false, true, 0.9, 10),
                link(2, 3, false, true, 0.8, 11),
                link(1, 3, true, false, 0.0, 12),
            ],
            order,
        );
        assert!(g.same(&id(1), &id(2)));
        assert!(!g.same(&id(1), &id(3)));
        assert_eq!(g.refused().len(), 1);
        assert_eq!(g.refused()[0].link.b, id(3));
        assert_eq!(g.refused()[0].because.b, id(3));
    }

    #[test]
    fn a_person_s_link_hides_the_matcher_s_on_the_same_pair() {
        let g = Groups::build(
            vec![
                link(1, 2, true, false, 0.0, 12),
                link(1, 2, false, true, 0.99, 10),
            ],
            order,
        );
        assert!(!g.same(&id(1), &id(2)));
        assert!(g.refused().is_empty());
    }

    #[test]
    fn person_links_join_before_the_matcher_s() {
        // Person: 1~2. Matcher: 2 ≠ 1 would not split them; matcher 2~3 with person 3 ≠ 1
        // is refused.
        let g = Groups::build(
            vec![
                link(1, 2, true, true, 0.0, 30),
                link(2, 3, false, true, 0.95, 10),
                link(1, 3, true, false, 0.0, 31),
            ],
            order,
        );
        assert!(g.same(&id(1), &id(2)));
        assert!(!g.same(&id(2), &id(3)));
    }

    #[test]
    fn links_to_claims_no_longer_stored_are_left_out() {
        let g = Groups::build(vec![link(1, 2, true, true, 0.0, 1)], |c| {
            (c.0[0] == 1).then_some(1)
        });
        assert!(!g.same(&id(1), &id(2)));
    }
}
