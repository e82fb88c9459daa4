//! Strongly connected components of a small directed graph in compressed adjacency
//! form, computed with an iterative version of Tarjan's algorithm so that deep graphs
//! (64-hop chains, long cycles) never exhaust the call stack.

/// A directed graph over nodes `0..n` in compressed sparse row form: the successors
/// of node `v` are `targets[offsets[v]..offsets[v + 1]]`.
pub(crate) struct Csr {
    pub(crate) offsets: Vec<usize>,
    pub(crate) targets: Vec<usize>,
}

impl Csr {
    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Successors of `v` (empty for an out-of-range node).
    pub(crate) fn successors(&self, v: usize) -> &[usize] {
        match (self.offsets.get(v), self.offsets.get(v + 1)) {
            (Some(&lo), Some(&hi)) => self.targets.get(lo..hi).unwrap_or(&[]),
            _ => &[],
        }
    }
}

const UNVISITED: usize = usize::MAX;

/// Component number of every node. Components are numbered in the order Tarjan's
/// algorithm completes them (a reverse topological order of the condensation), and
/// the second value is the number of components.
pub(crate) fn components(g: &Csr) -> (Vec<usize>, usize) {
    let n = g.len();
    let mut index = vec![UNVISITED; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![UNVISITED; n];
    let mut stack: Vec<usize> = Vec::new();
    // (node, position of the next successor to look at)
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let mut counter = 0usize;
    let mut n_comp = 0usize;

    for start in 0..n {
        if index[start] != UNVISITED {
            continue;
        }
        index[start] = counter;
        low[start] = counter;
        counter += 1;
        stack.push(start);
        on_stack[start] = true;
        calls.push((start, 0));

        while let Some(frame) = calls.last_mut() {
            let v = frame.0;
            let succ = g.successors(v);
            if let Some(&w) = succ.get(frame.1) {
                frame.1 += 1;
                if index[w] == UNVISITED {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = n_comp;
                    if w == v {
                        break;
                    }
                }
                n_comp += 1;
            }
        }
    }
    (comp, n_comp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csr(n: usize, edges: &[(usize, usize)]) -> Csr {
        let mut e = edges.to_vec();
        e.sort_unstable();
        let mut offsets = vec![0; n + 1];
        for &(f, _) in &e {
            offsets[f + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        Csr {
            offsets,
            targets: e.iter().map(|&(_, t)| t).collect(),
        }
    }

    #[test]
    fn two_cycles_and_a_tail() {
        // 0 <-> 1 -> 2 <-> 3 -> 4
        let g = csr(5, &[(0, 1), (1, 0), (1, 2), (2, 3), (3, 2), (3, 4)]);
        let (c, k) = components(&g);
        assert_eq!(k, 3);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[2], c[3]);
        assert_ne!(c[0], c[2]);
        assert_ne!(c[4], c[2]);
        // Sinks complete first.
        assert!(c[4] < c[2] && c[2] < c[0]);
    }

    #[test]
    fn long_path_does_not_recurse() {
        let n = 100_000;
        let edges: Vec<(usize, usize)> = (0..n - 1).map(|i| (i, i + 1)).collect();
        let (_, k) = components(&csr(n, &edges));
        assert_eq!(k, n);
        let mut ring = edges.clone();
        ring.push((n - 1, 0));
        let (_, k) = components(&csr(n, &ring));
        assert_eq!(k, 1);
    }
}
