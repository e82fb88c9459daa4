//! Source credibility, claim support and blast radius: pure formulas, no I/O.
//!
//! * A claim's **outcome** comes from its verdicts: the latest verdict of each reviewer
//!   counts; reviewers who agree give that outcome, reviewers who disagree make it
//!   `mixed` (contested); `unproven` verdicts carry no evidence ([`consensus`]).
//! * A source's **track record** counts the outcomes of the claims it is an origin of
//!   (named, or as the outlet vouching for an anonymous origin) ([`TrackRecord`]).
//! * Its **credibility** is a Beta posterior: the prior comes from its rating with
//!   [`PRIOR_WEIGHT`] pseudo-observations (unrated: the uniform Beta(1, 1)), updated by
//!   the track record; we report the mean and a 90 % equal-tailed credible interval
//!   ([`Credibility::from_record`], [`beta_quantile`]).
//! * A claim's **support** is `1 − Π_g (1 − c_g)` over its independence groups
//!   ([`support`]).
//! * A source's **blast radius** is the set of claims that would fall to zero or one
//!   independent source without it ([`without_source`]).
//!
//! Everything is documented with worked examples in `docs/credibility.md`. The caller
//! (`view`) reads verdicts and claims from the database and feeds them in.

use std::collections::HashMap;

use serde::Serialize;

use crate::independence::{self, Analysis, Hop, OriginGroup, SourceView};
use crate::record::{Verdict, VerdictEntry};
use crate::source::{name_key, SourceId};

/// Pseudo-observations a rating is worth in the prior: a source rated `r` starts
/// from Beta(1 + 10·r, 1 + 10·(1 − r)), as if it had been right on 10·r and wrong on
/// 10·(1 − r) earlier claims, on top of the uniform prior.
pub const PRIOR_WEIGHT: f64 = 10.0;

/// Probability mass inside the reported credible interval (equal tails of 5 % each).
pub const INTERVAL: f64 = 0.90;

/// Factor applied to the credibility of the outlet that vouches for an anonymous
/// origin: an unnamed source is worth half of what the outlet itself is worth.
pub const ANONYMOUS_DISCOUNT: f64 = 0.5;

/// What the verdicts on one claim add up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every reviewer's latest decisive verdict is `true`.
    True,
    /// Every reviewer's latest decisive verdict is `false`.
    False,
    /// Reviewers say `mixed`, or disagree (`contested`).
    Mixed {
        /// True when reviewers' latest verdicts disagree (true vs false, …).
        contested: bool,
    },
    /// No decisive verdict: only `unproven` (or no verdict at all).
    Unproven,
}

/// The outcome of a claim from all its verdicts (any order). The latest verdict of
/// each reviewer counts (reviewers are matched by name, case- and space-insensitively;
/// verdicts without a reviewer count as one anonymous reviewer); later means a higher
/// ledger position. Among the reviewers' latest verdicts, `unproven` ones are set
/// aside; if the rest all agree that is the outcome, if they disagree the outcome is
/// `mixed` (contested), and if none are left it is `unproven`.
pub fn consensus(verdicts: &[VerdictEntry]) -> Outcome {
    let mut latest: HashMap<String, (u64, Verdict)> = HashMap::new();
    for v in verdicts {
        let who = v.by.as_deref().map(name_key).unwrap_or_default();
        let slot = latest.entry(who).or_insert((v.seq, v.verdict));
        if v.seq >= slot.0 {
            *slot = (v.seq, v.verdict);
        }
    }
    let mut decisive = latest
        .values()
        .map(|&(_, v)| v)
        .filter(|v| *v != Verdict::Unproven);
    let Some(first) = decisive.next() else {
        return Outcome::Unproven;
    };
    let agree = decisive.all(|v| v == first);
    match (first, agree) {
        (Verdict::True, true) => Outcome::True,
        (Verdict::False, true) => Outcome::False,
        (Verdict::Mixed, true) => Outcome::Mixed { contested: false },
        (_, false) => Outcome::Mixed { contested: true },
        (Verdict::Unproven, true) => Outcome::Unproven,
    }
}

/// A source's track record over the claims it is an origin of that have verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TrackRecord {
    /// Claims judged true.
    #[serde(rename = "true")]
    pub true_: u32,
    /// Claims judged false.
    #[serde(rename = "false")]
    pub false_: u32,
    /// Claims judged mixed, including contested ones.
    pub mixed: u32,
    /// Of `mixed`, claims whose reviewers disagreed.
    pub contested: u32,
    /// Claims with only `unproven` verdicts (no effect on credibility).
    pub unproven: u32,
}

impl TrackRecord {
    /// Count one claim's outcome.
    pub fn add(&mut self, o: Outcome) {
        match o {
            Outcome::True => self.true_ += 1,
            Outcome::False => self.false_ += 1,
            Outcome::Mixed { contested } => {
                self.mixed += 1;
                if contested {
                    self.contested += 1;
                }
            }
            Outcome::Unproven => self.unproven += 1,
        }
    }

    /// Claims with a decisive outcome (true, false or mixed).
    pub fn decided(&self) -> u32 {
        self.true_ + self.false_ + self.mixed
    }
}

/// A Beta posterior over the probability that a claim originating from the source is
/// true, summarized by its mean and a 90 % equal-tailed credible interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Credibility {
    /// Posterior mean α / (α + β).
    pub mean: f64,
    /// 5 % quantile of the posterior.
    pub low: f64,
    /// 95 % quantile of the posterior.
    pub high: f64,
    /// Posterior α.
    pub alpha: f64,
    /// Posterior β.
    pub beta: f64,
    /// Prior α (from the rating, or 1 when unrated).
    pub prior_alpha: f64,
    /// Prior β (from the rating, or 1 when unrated).
    pub prior_beta: f64,
}

/// The prior Beta(α, β) for a rating in [0, 1], or the uniform Beta(1, 1) when the
/// source is unrated. A rating outside [0, 1] (never stored) is clamped.
pub fn prior(rating: Option<f64>) -> (f64, f64) {
    match rating {
        Some(r) if r.is_finite() => {
            let r = r.clamp(0.0, 1.0);
            (1.0 + PRIOR_WEIGHT * r, 1.0 + PRIOR_WEIGHT * (1.0 - r))
        }
        _ => (1.0, 1.0),
    }
}

impl Credibility {
    /// Posterior from a rating and a track record: each true claim adds 1 to α, each
    /// false claim 1 to β, each mixed claim ½ to both; unproven claims add nothing.
    pub fn from_record(rating: Option<f64>, t: &TrackRecord) -> Credibility {
        let (a0, b0) = prior(rating);
        let alpha = a0 + f64::from(t.true_) + 0.5 * f64::from(t.mixed);
        let beta = b0 + f64::from(t.false_) + 0.5 * f64::from(t.mixed);
        let tail = (1.0 - INTERVAL) / 2.0;
        Credibility {
            mean: alpha / (alpha + beta),
            low: beta_quantile(tail, alpha, beta),
            high: beta_quantile(1.0 - tail, alpha, beta),
            alpha,
            beta,
            prior_alpha: a0,
            prior_beta: b0,
        }
    }
}

/// ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; relative error < 1e-13
/// on the range we use).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        let s = (std::f64::consts::PI * x).sin().abs();
        return std::f64::consts::PI.ln() - s.ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = C[0];
    for (i, c) in C.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The regularized incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b),
/// with a, b > 0. Evaluated by the continued fraction of I_x(a, b) (modified Lentz),
/// using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where that converges faster.
pub fn beta_cdf(x: f64, a: f64, b: f64) -> f64 {
    if x.is_nan() || a <= 0.0 || b <= 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    // x^a (1−x)^b / (a B(a, b)), in logs.
    let ln_front = a * x.ln() + b * (1.0 - x).ln() + ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b);
    if x < (a + 1.0) / (a + b + 2.0) {
        ln_front.exp() * beta_fraction(x, a, b) / a
    } else {
        1.0 - ln_front.exp() * beta_fraction(1.0 - x, b, a) / b
    }
}

/// The continued fraction 1 / (1 + d1 / (1 + d2 / (1 + …))) of the incomplete beta
/// function, where d_{2m+1} = −(a+m)(a+b+m) x / ((a+2m)(a+2m+1)) and
/// d_{2m} = m (b−m) x / ((a+2m−1)(a+2m)), evaluated front to back (Lentz).
fn beta_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    const EPS: f64 = 1e-15;
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    // f = 1 / (1 + d1 / (1 + d2 / …)): start with the term 1 + d1 in the denominator.
    let d1 = -(a + b) * x / (a + 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 + d1);
    let mut f = d;
    for m in 1..=500 {
        let m = f64::from(m);
        let even = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        f *= d * c;
        let odd = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        let step = d * c;
        f *= step;
        if (step - 1.0).abs() < EPS {
            break;
        }
    }
    f
}

/// The p-quantile of Beta(a, b): the x with I_x(a, b) = p, found by bisection on
/// [0, 1] (the CDF is increasing), to within 1e-12.
pub fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    if p.is_nan() || a <= 0.0 || b <= 0.0 {
        return f64::NAN;
    }
    if p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    while hi - lo > 1e-12 {
        let mid = 0.5 * (lo + hi);
        if beta_cdf(mid, a, b) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// How one independence group contributes to a claim's support.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct GroupSupport {
    /// The group's label (shared affiliation, or the source's name).
    pub label: String,
    /// The member whose credibility counts (the most credible one); for an anonymous
    /// origin, the outlet that vouches for it.
    pub source: String,
    /// True when that member is an anonymous origin (its credibility is discounted).
    pub anonymous: bool,
    /// c_g: the group's credibility.
    pub credibility: f64,
}

/// The credibility of one group: the highest among its members, where a named origin
/// counts with its source's credibility mean and an anonymous origin with the
/// vouching outlet's mean times [`ANONYMOUS_DISCOUNT`]. Returns (c_g, the member).
pub fn group_credibility(
    g: &OriginGroup,
    mean: &impl Fn(SourceId) -> f64,
) -> (f64, Option<independence::Vertex>) {
    let mut best: (f64, Option<independence::Vertex>) = (0.0, None);
    for m in &g.members {
        let mut c = mean(m.source).clamp(0.0, 1.0);
        if m.anonymous {
            c *= ANONYMOUS_DISCOUNT;
        }
        if best.1.is_none() || c > best.0 {
            best = (c, Some(*m));
        }
    }
    best
}

/// Support of a claim: `1 − Π_g (1 − c_g)` over its independence groups, i.e. the
/// probability that at least one group is right if the groups err independently.
/// Zero when the claim has no group (unsourced, or every chain ends in a loop).
pub fn support(a: &Analysis, mean: &impl Fn(SourceId) -> f64) -> f64 {
    support_of(a.groups.iter().map(|g| group_credibility(g, mean).0))
}

/// The support interval of a claim: [`support_of`] computed once with every group's
/// credibility at the low end of its 90 % credible interval, and once at the high end.
/// `bounds` gives a source's (low, high); as for [`group_credibility`], a group counts
/// with its best member and an anonymous origin with [`ANONYMOUS_DISCOUNT`] times the
/// vouching outlet's bounds. Support is monotone in each c_g, so the point support lies
/// inside. It shows how much the number rests on evidence: an unrated source with no
/// track record has the uniform prior, whose interval is [0.05, 0.95].
pub fn support_interval(a: &Analysis, bounds: &impl Fn(SourceId) -> (f64, f64)) -> (f64, f64) {
    let mut lows = Vec::with_capacity(a.groups.len());
    let mut highs = Vec::with_capacity(a.groups.len());
    for g in &a.groups {
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for m in &g.members {
            let (l, h) = bounds(m.source);
            let d = if m.anonymous { ANONYMOUS_DISCOUNT } else { 1.0 };
            lo = lo.max(l.clamp(0.0, 1.0) * d);
            hi = hi.max(h.clamp(0.0, 1.0) * d);
        }
        lows.push(lo);
        highs.push(hi);
    }
    (support_of(lows), support_of(highs))
}

/// `1 − Π (1 − c)` over group credibilities (each clamped to [0, 1]).
pub fn support_of(groups: impl IntoIterator<Item = f64>) -> f64 {
    let miss: f64 = groups
        .into_iter()
        .map(|c| 1.0 - c.clamp(0.0, 1.0))
        .product();
    (1.0 - miss).clamp(0.0, 1.0)
}

/// Group-by-group breakdown of [`support`], in the order of `a.groups`.
pub fn support_breakdown<V: SourceView + ?Sized>(
    a: &Analysis,
    view: &V,
    mean: &impl Fn(SourceId) -> f64,
) -> Vec<GroupSupport> {
    a.groups
        .iter()
        .map(|g| {
            let (c, m) = group_credibility(g, mean);
            GroupSupport {
                label: g.label(view),
                source: m
                    .map(|m| view.name(m.source).to_string())
                    .unwrap_or_default(),
                anonymous: m.is_some_and(|m| m.anonymous),
                credibility: c,
            }
        })
        .collect()
}

/// The number of independent sources a claim would have if `source` were discredited:
/// its origin vertices (the named origin and the anonymous origin it vouches for) are
/// removed and the remaining origins regrouped by the engine. Everything else (relays,
/// outlets) is unchanged; chains that ended at `source` simply lose their origin.
pub fn without_source<V: SourceView + ?Sized>(a: &Analysis, source: SourceId, view: &V) -> usize {
    // The engine turns a one-hop chain [X] into the origin X, and [X, ~] into the
    // anonymous origin of X, so the remaining origins are regrouped by the very
    // rules (identity, shared label classes) that grouped them in the first place.
    let chains: Vec<Vec<Hop>> = a
        .origins
        .iter()
        .filter(|o| o.source != source)
        .map(|o| {
            if o.anonymous {
                vec![Hop::Named(o.source), Hop::Anonymous]
            } else {
                vec![Hop::Named(o.source)]
            }
        })
        .collect();
    independence::analyze(chains.iter().map(Vec::as_slice), view).independent_sources
}

/// True when `source` is an origin of the claim (named or vouching for an anonymous
/// origin).
pub fn is_origin(a: &Analysis, source: SourceId) -> bool {
    a.origins.iter().any(|o| o.source == source)
}

/// Whether discrediting `source` puts the claim in its blast radius: the source is an
/// origin, and without it the claim has fewer independent sources than before and
/// fewer than two (it loses its only source, or drops below the two-source rule).
/// Returns the count without the source when it does.
pub fn blast<V: SourceView + ?Sized>(a: &Analysis, source: SourceId, view: &V) -> Option<usize> {
    if !is_origin(a, source) {
        return None;
    }
    let after = without_source(a, source, view);
    (after < a.independent_sources && after < 2).then_some(after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimId;
    use crate::independence::TableView;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn ln_gamma_known_values() {
        // Γ(n) = (n−1)!, Γ(½) = √π.
        assert!(close(ln_gamma(1.0), 0.0, 1e-13));
        assert!(close(ln_gamma(2.0), 0.0, 1e-13));
        assert!(close(ln_gamma(5.0), 24f64.ln(), 1e-12));
        assert!(close(ln_gamma(11.0), 3_628_800f64.ln(), 1e-11));
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-12
        ));
        assert!(close(ln_gamma(0.25), 3.625_609_908_221_908_f64.ln(), 1e-12));
    }

    /// The Beta(a, b) CDF for integer a, b through the binomial identity
    /// I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a).
    fn binomial_cdf(x: f64, a: u32, b: u32) -> f64 {
        let n = a + b - 1;
        let mut total = 0.0;
        for j in a..=n {
            let mut c = 1.0;
            for i in 0..j {
                c = c * f64::from(n - i) / f64::from(i + 1);
            }
            total += c * x.powi(j as i32) * (1.0 - x).powi((n - j) as i32);
        }
        total
    }

    #[test]
    fn beta_cdf_matches_closed_forms() {
        assert!(close(beta_cdf(0.4, 2.0, 3.0), 0.5248, 1e-12));
        for &x in &[0.01, 0.1, 0.3, 0.5, 0.77, 0.99] {
            assert!(close(beta_cdf(x, 1.0, 1.0), x, 1e-12), "uniform at {x}");
            assert!(close(beta_cdf(x, 3.0, 1.0), x.powi(3), 1e-12));
            assert!(close(beta_cdf(x, 1.0, 4.0), 1.0 - (1.0 - x).powi(4), 1e-12));
            for (a, b) in [(2, 5), (9, 3), (30, 20), (200, 3), (3, 200)] {
                let want = binomial_cdf(x, a, b);
                let got = beta_cdf(x, f64::from(a), f64::from(b));
                assert!(
                    close(got, want, 1e-10),
                    "I_{x}({a},{b}) = {got}, want {want}"
                );
            }
        }
        // Symmetry and the median of a symmetric Beta.
        assert!(close(beta_cdf(0.5, 7.5, 7.5), 0.5, 1e-12));
        assert!(close(
            beta_cdf(0.3, 2.5, 4.5),
            1.0 - beta_cdf(0.7, 4.5, 2.5),
            1e-12
        ));
        // I_x(½, ½) = (2/π) asin(√x) (the arcsine distribution).
        let x: f64 = 0.2;
        assert!(close(
            beta_cdf(x, 0.5, 0.5),
            2.0 / std::f64::consts::PI * x.sqrt().asin(),
            1e-10
        ));
        assert_eq!(beta_cdf(0.0, 2.0, 2.0), 0.0);
        assert_eq!(beta_cdf(1.0, 2.0, 2.0), 1.0);
        assert!(beta_cdf(0.5, 0.0, 2.0).is_nan());
    }

    #[test]
    fn beta_quantile_inverts_the_cdf() {
        // Closed forms: Beta(a, 1) has quantile p^(1/a); Beta(1, b) 1 − (1 − p)^(1/b).
        assert!(close(beta_quantile(0.05, 1.0, 1.0), 0.05, 1e-10));
        assert!(close(beta_quantile(0.95, 2.0, 1.0), 0.95f64.sqrt(), 1e-10));
        assert!(close(
            beta_quantile(0.05, 1.0, 3.0),
            1.0 - 0.95f64.powf(1.0 / 3.0),
            1e-10
        ));
        // Beta(2, 2): CDF 3x² − 2x³; its 5 % point is 0.135 35… (bisection by hand).
        let q = beta_quantile(0.05, 2.0, 2.0);
        assert!(close(3.0 * q * q - 2.0 * q * q * q, 0.05, 1e-10));
        assert!(close(q, 0.135_35, 1e-5));
        assert!(close(beta_quantile(0.5, 10.0, 10.0), 0.5, 1e-10));
        for (p, a, b) in [(0.05, 9.0, 3.0), (0.95, 9.0, 3.0), (0.05, 203.0, 3.0)] {
            let q = beta_quantile(p, a, b);
            assert!(close(beta_cdf(q, a, b), p, 1e-9), "({p}, {a}, {b})");
        }
        // Beta(11.5, 4.5), the worked example of docs/credibility.md, against quantiles
        // found independently by Simpson integration of the density.
        assert!(close(beta_quantile(0.05, 11.5, 4.5), 0.524_145, 1e-5));
        assert!(close(beta_quantile(0.95, 11.5, 4.5), 0.881_411, 1e-5));
        assert!(close(beta_quantile(0.05, 7.0, 5.0), 0.349_812, 1e-5));
        assert_eq!(beta_quantile(0.0, 2.0, 2.0), 0.0);
        assert_eq!(beta_quantile(1.0, 2.0, 2.0), 1.0);
    }

    fn v(verdict: Verdict, by: Option<&str>, seq: u64) -> VerdictEntry {
        VerdictEntry {
            claim: ClaimId::of_text("x"),
            verdict,
            by: by.map(str::to_string),
            url: None,
            note: None,
            date: None,
            added: 0,
            seq,
        }
    }

    #[test]
    fn consensus_rules() {
        use Verdict::*;
        assert_eq!(consensus(&[]), Outcome::Unproven);
        assert_eq!(consensus(&[v(True, None, 1)]), Outcome::True);
        // The latest verdict of a reviewer replaces earlier ones (name folded).
        assert_eq!(
            consensus(&[v(True, Some("Desk"), 1), v(False, Some("desk "), 2)]),
            Outcome::False
        );
        assert_eq!(
            consensus(&[v(False, Some("Desk"), 2), v(True, Some("Desk"), 1)]),
            Outcome::False
        );
        // Different reviewers who disagree: mixed, contested.
        assert_eq!(
            consensus(&[v(True, Some("A"), 1), v(False, Some("B"), 2)]),
            Outcome::Mixed { contested: true }
        );
        // Unproven is set aside.
        assert_eq!(
            consensus(&[v(True, Some("A"), 1), v(Unproven, Some("B"), 2)]),
            Outcome::True
        );
        assert_eq!(consensus(&[v(Unproven, None, 1)]), Outcome::Unproven);
        assert_eq!(
            consensus(&[v(Mixed, Some("A"), 1), v(Mixed, Some("B"), 2)]),
            Outcome::Mixed { contested: false }
        );
    }

    #[test]
    fn posterior_worked_examples() {
        // docs/credibility.md, example 1: rated 0.8, no verdicts → Beta(9, 3).
        let c = Credibility::from_record(Some(0.8), &TrackRecord::default());
        assert!(close(c.alpha, 9.0, 1e-12) && close(c.beta, 3.0, 1e-12));
        assert!(close(c.mean, 0.75, 1e-12));
        // Example 2: plus 2 true, 1 false, 1 mixed → Beta(11.5, 4.5).
        let t = TrackRecord {
            true_: 2,
            false_: 1,
            mixed: 1,
            ..Default::default()
        };
        let c = Credibility::from_record(Some(0.8), &t);
        assert!(close(c.alpha, 11.5, 1e-12) && close(c.beta, 4.5, 1e-12));
        assert!(close(c.mean, 11.5 / 16.0, 1e-12));
        assert!(c.low < c.mean && c.mean < c.high);
        // Unrated: uniform prior.
        let u = Credibility::from_record(None, &TrackRecord::default());
        assert_eq!((u.alpha, u.beta), (1.0, 1.0));
        assert!(close(u.low, 0.05, 1e-9) && close(u.high, 0.95, 1e-9));
        // Unproven verdicts change nothing.
        let t = TrackRecord {
            unproven: 5,
            ..Default::default()
        };
        assert_eq!(Credibility::from_record(None, &t), u);
    }

    #[test]
    fn more_verdicts_narrow_the_interval() {
        let few = TrackRecord {
            true_: 2,
            ..Default::default()
        };
        let many = TrackRecord {
            true_: 200,
            ..Default::default()
        };
        let a = Credibility::from_record(None, &few);
        let b = Credibility::from_record(None, &many);
        assert!(b.high - b.low < (a.high - a.low) / 5.0, "{a:?} {b:?}");
        assert!(b.mean > a.mean);
    }

    #[test]
    fn support_formula() {
        assert_eq!(support_of([]), 0.0);
        assert!(close(support_of([0.75]), 0.75, 1e-12));
        // Two groups of 0.75 and 0.6: 1 − 0.25·0.4 = 0.9.
        assert!(close(support_of([0.75, 0.6]), 0.9, 1e-12));
        assert!(close(support_of([1.5, -1.0]), 1.0, 1e-12));
    }

    #[test]
    fn groups_take_their_best_member_and_discount_anonymous() {
        let mut view = TableView::default();
        let rt = view.add("RT", &["state:ru"]);
        let sp = view.add("Sputnik", &["state:ru"]);
        let wapo = view.add("WaPo", &[]);
        let blog = view.add("Blog", &[]);
        let chains: Vec<Vec<Hop>> = vec![
            vec![Hop::Named(blog), Hop::Named(rt)],
            vec![Hop::Named(blog), Hop::Named(sp)],
            vec![Hop::Named(wapo), Hop::Anonymous],
        ];
        let a = independence::analyze(chains.iter().map(Vec::as_slice), &view);
        assert_eq!(a.independent_sources, 2);
        let mean = |s: SourceId| match s {
            s if s == rt => 0.2,
            s if s == sp => 0.4,
            s if s == wapo => 0.8,
            _ => 0.5,
        };
        let b = support_breakdown(&a, &view, &mean);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].source, "Sputnik");
        assert!(close(b[0].credibility, 0.4, 1e-12));
        assert!(b[1].anonymous);
        assert!(close(b[1].credibility, 0.4, 1e-12));
        assert!(close(support(&a, &mean), 1.0 - 0.6 * 0.6, 1e-12));
    }

    #[test]
    fn support_interval_shows_what_rests_on_no_rating() {
        // The worked example of docs/credibility.md: one unrated origin against one
        // rated 0.2 (Beta(3, 9)).
        let mut view = TableView::default();
        let unrated = view.add("Unrated", &[]);
        let low = view.add("Low", &[]);
        let outlet = view.add("Outlet", &[]);
        let bounds = |s: SourceId| {
            let c = if s == low {
                Credibility::from_record(Some(0.2), &TrackRecord::default())
            } else {
                Credibility::from_record(None, &TrackRecord::default())
            };
            (c.low, c.high)
        };
        let one = |origin: SourceId| {
            let chains = [vec![Hop::Named(outlet), Hop::Named(origin)]];
            independence::analyze(chains.iter().map(Vec::as_slice), &view)
        };
        let (ul, uh) = support_interval(&one(unrated), &bounds);
        assert!(close(ul, 0.05, 1e-9) && close(uh, 0.95, 1e-9), "{ul} {uh}");
        let (ll, lh) = support_interval(&one(low), &bounds);
        assert!(
            close(ll, 0.0788, 1e-4) && close(lh, 0.4701, 1e-4),
            "{ll} {lh}"
        );
        assert!(ll > ul, "the rated claim ranks first by support_low");
        // Two unrated groups: 1 − 0.95² and 1 − 0.05².
        let chains = [
            vec![Hop::Named(outlet), Hop::Named(unrated)],
            vec![Hop::Named(outlet), Hop::Named(low)],
        ];
        let a = independence::analyze(chains.iter().map(Vec::as_slice), &view);
        let unrated_bounds = |_| (0.05, 0.95);
        let (l2, h2) = support_interval(&a, &unrated_bounds);
        assert!(close(l2, 1.0 - 0.95 * 0.95, 1e-12) && close(h2, 1.0 - 0.05 * 0.05, 1e-12));
        // An anonymous origin is discounted at both ends.
        let chains = [vec![Hop::Named(outlet), Hop::Anonymous]];
        let a = independence::analyze(chains.iter().map(Vec::as_slice), &view);
        let (al, ah) = support_interval(&a, &unrated_bounds);
        assert!(close(al, 0.025, 1e-12) && close(ah, 0.475, 1e-12));
    }

    #[test]
    fn circular_and_unsourced_claims_have_no_support() {
        let mut view = TableView::default();
        let a_ = view.add("A", &[]);
        let b_ = view.add("B", &[]);
        let c_ = view.add("C", &[]);
        let mean = |_| 0.9;
        let loop_only: Vec<Vec<Hop>> = vec![
            vec![Hop::Named(a_), Hop::Named(b_)],
            vec![Hop::Named(b_), Hop::Named(a_)],
        ];
        let a = independence::analyze(loop_only.iter().map(Vec::as_slice), &view);
        assert!(a.circular && a.unsourced);
        assert_eq!(support(&a, &mean), 0.0);
        let none: Vec<Vec<Hop>> = Vec::new();
        let a = independence::analyze(none.iter().map(Vec::as_slice), &view);
        assert_eq!(support(&a, &mean), 0.0);
        // A loop that cites a real origin keeps that origin's support.
        let through: Vec<Vec<Hop>> = vec![
            vec![Hop::Named(a_), Hop::Named(b_)],
            vec![Hop::Named(b_), Hop::Named(a_), Hop::Named(c_)],
        ];
        let a = independence::analyze(through.iter().map(Vec::as_slice), &view);
        assert!(a.circular);
        assert!(close(support(&a, &mean), 0.9, 1e-12));
    }

    #[test]
    fn blast_radius_rules() {
        let mut view = TableView::default();
        let ap = view.add("AP", &[]);
        let reuters = view.add("Reuters", &[]);
        let afp = view.add("AFP", &[]);
        let cnn = view.add("CNN", &[]);
        let analyze =
            |chains: Vec<Vec<Hop>>| independence::analyze(chains.iter().map(Vec::as_slice), &view);
        // Single source AP: without AP, zero sources → in AP's blast radius.
        let one = analyze(vec![vec![Hop::Named(cnn), Hop::Named(ap)]]);
        assert_eq!(blast(&one, ap, &view), Some(0));
        // CNN is a relay, not an origin: never in its blast radius.
        assert_eq!(blast(&one, cnn, &view), None);
        // Two sources: losing either drops below two.
        let two = analyze(vec![
            vec![Hop::Named(cnn), Hop::Named(ap)],
            vec![Hop::Named(cnn), Hop::Named(reuters), Hop::Anonymous],
        ]);
        assert_eq!(blast(&two, ap, &view), Some(1));
        assert_eq!(blast(&two, reuters, &view), Some(1));
        // Three sources: losing one leaves two → not in the blast radius.
        let three = analyze(vec![
            vec![Hop::Named(ap)],
            vec![Hop::Named(reuters)],
            vec![Hop::Named(afp)],
        ]);
        assert_eq!(blast(&three, ap, &view), None);
        assert_eq!(without_source(&three, ap, &view), 2);
    }
}
