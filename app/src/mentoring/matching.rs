//! Bulk matching: for a cohort of mentees, the assignment to mentors that maximises the total
//! score subject to each mentor's places. Pure and exact (tested against brute force below).
//!
//! The problem is a min-cost flow on a sparse bipartite graph: source → mentee (1 unit) →
//! mentor (1 unit per eligible pair, cost `MAX − score`) → sink (the mentor's free places).
//! Every mentee also has a bypass edge straight to the sink costing `MAX`, so every mentee
//! sends its unit somewhere and all costs stay non-negative; a unit on the bypass is an
//! unmatched mentee. Minimising cost then maximises the total score of the matched pairs.
//!
//! It is solved by the primal-dual method: Dijkstra with potentials finds the shortest
//! distances, then a blocking flow (Dinic) pushes along every zero-reduced-cost path at once.
//! Scores are small integers, so there are few phases even for thousands of mentees (about 30
//! for the 5,000 × 1,000 benchmark); each phase scans the whole network a few times, so the
//! network is stored compressed (arcs of a node side by side) and both searches stop at the
//! sink.
//!
//! Written here rather than taken from a crate: the pure-Rust min-cost-flow crates are GPL
//! (rs-graph) or wrap an old C++ library (mcmf); this is about 150 lines.

use std::{cmp::Reverse, collections::BinaryHeap, collections::VecDeque};

/// One eligible (mentee, mentor) pair and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub mentee: usize,
    pub mentor: usize,
    pub score: u32,
}

/// A cohort: `mentees` people numbered `0..mentees`, mentors numbered by their places.
#[derive(Debug, Clone, Default)]
pub struct Cohort {
    pub mentees: usize,
    /// Free places of each mentor.
    pub places: Vec<u32>,
    pub candidates: Vec<Candidate>,
}

/// The optimal assignment: the chosen pairs and the mentees left without a mentor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub pairs: Vec<Candidate>,
    pub unmatched: Vec<usize>,
    pub total_score: u64,
}

/// The flow network in compressed form: the arcs leaving each node lie side by side
/// (`first[u]..first[u + 1]`), each with its twin in the opposite direction. Scanning a
/// node's arcs then reads contiguous memory, which is most of the solver's time.
struct Network {
    first: Vec<usize>,
    head: Vec<u32>,
    cap: Vec<i32>,
    cost: Vec<i32>,
    twin: Vec<u32>,
}

impl Network {
    /// Builds the network from `(from, to, capacity, cost)` edges; returns it and the index
    /// of each edge's forward arc.
    fn new(nodes: usize, edges: &[(usize, usize, i32, i32)]) -> (Network, Vec<usize>) {
        let mut first = vec![0usize; nodes + 1];
        for &(from, to, _, _) in edges {
            first[from + 1] += 1;
            first[to + 1] += 1;
        }
        for u in 0..nodes {
            first[u + 1] += first[u];
        }
        let arcs = first[nodes];
        let mut net = Network {
            first,
            head: vec![0; arcs],
            cap: vec![0; arcs],
            cost: vec![0; arcs],
            twin: vec![0; arcs],
        };
        let mut fill = net.first.clone();
        let mut forward = Vec::with_capacity(edges.len());
        for &(from, to, cap, cost) in edges {
            let (a, b) = (fill[from], fill[to]);
            fill[from] += 1;
            fill[to] += 1;
            (net.head[a], net.cap[a], net.cost[a], net.twin[a]) = (to as u32, cap, cost, b as u32);
            (net.head[b], net.cap[b], net.cost[b], net.twin[b]) = (from as u32, 0, -cost, a as u32);
            forward.push(a);
        }
        (net, forward)
    }

    fn nodes(&self) -> usize {
        self.first.len() - 1
    }

    /// Whether arc `a` out of `u` has room and zero reduced cost.
    fn tight(&self, potential: &[i64], u: usize, a: usize) -> bool {
        self.cap[a] > 0
            && i64::from(self.cost[a]) + potential[u] - potential[self.head[a] as usize] == 0
    }
}

/// Solves the cohort. Pairs come sorted by mentee.
pub fn assign(cohort: &Cohort) -> Assignment {
    let max = i32::try_from(cohort.candidates.iter().map(|c| c.score).max().unwrap_or(0))
        .unwrap_or(i32::MAX - 1)
        + 1;
    let source = 0;
    let mentee_node = |m: usize| 1 + m;
    let mentor_node = |t: usize| 1 + cohort.mentees + t;
    let sink = 1 + cohort.mentees + cohort.places.len();
    let mut edges =
        Vec::with_capacity(2 * cohort.mentees + cohort.places.len() + cohort.candidates.len());
    for m in 0..cohort.mentees {
        edges.push((source, mentee_node(m), 1, 0));
        edges.push((mentee_node(m), sink, 1, max));
    }
    for (t, &places) in cohort.places.iter().enumerate() {
        let places = i32::try_from(places).unwrap_or(i32::MAX);
        edges.push((mentor_node(t), sink, places, 0));
    }
    let pairs_from = edges.len();
    let candidates: Vec<Candidate> = cohort
        .candidates
        .iter()
        .filter(|c| c.mentee < cohort.mentees && c.mentor < cohort.places.len())
        .copied()
        .collect();
    for c in &candidates {
        let cost = max - i32::try_from(c.score).unwrap_or(max);
        edges.push((mentee_node(c.mentee), mentor_node(c.mentor), 1, cost));
    }
    let (mut net, forward) = Network::new(sink + 1, &edges);

    min_cost_flow(&mut net, source, sink, cohort.mentees as i64);

    let mut pairs: Vec<Candidate> = candidates
        .into_iter()
        .zip(&forward[pairs_from..])
        .filter(|(_, a)| net.cap[**a] == 0)
        .map(|(c, _)| c)
        .collect();
    pairs.sort_by_key(|c| c.mentee);
    let mut matched = vec![false; cohort.mentees];
    for p in &pairs {
        matched[p.mentee] = true;
    }
    Assignment {
        total_score: pairs.iter().map(|p| u64::from(p.score)).sum(),
        unmatched: (0..cohort.mentees).filter(|m| !matched[*m]).collect(),
        pairs,
    }
}

/// Sends `demand` units from `source` to `sink` at minimum cost (all costs non-negative).
///
/// Each phase: Dijkstra on reduced costs, stopped at the sink (nodes farther away move by
/// the sink's distance, which keeps every reduced cost non-negative), then blocking flows on
/// the arcs that became tight until no tight path is left.
fn min_cost_flow(net: &mut Network, source: usize, sink: usize, demand: i64) {
    let n = net.nodes();
    let mut potential = vec![0i64; n];
    let mut dist = vec![i64::MAX; n];
    let mut sent = 0;
    while sent < demand {
        dist.fill(i64::MAX);
        dist[source] = 0;
        let mut heap = BinaryHeap::from([Reverse((0i64, source))]);
        while let Some(Reverse((d, u))) = heap.pop() {
            if d > dist[u] {
                continue;
            }
            if u == sink {
                break;
            }
            for a in net.first[u]..net.first[u + 1] {
                if net.cap[a] > 0 {
                    let to = net.head[a] as usize;
                    let nd = d + i64::from(net.cost[a]) + potential[u] - potential[to];
                    if nd < dist[to] {
                        dist[to] = nd;
                        heap.push(Reverse((nd, to)));
                    }
                }
            }
        }
        let reached = dist[sink];
        if reached == i64::MAX {
            return;
        }
        for (p, d) in potential.iter_mut().zip(&dist) {
            *p += (*d).min(reached);
        }
        while let Some(level) = tight_levels(net, &potential, source, sink) {
            let mut next = net.first.clone();
            loop {
                let pushed = push(
                    net,
                    &potential,
                    &level,
                    &mut next,
                    source,
                    sink,
                    demand - sent,
                );
                if pushed == 0 {
                    break;
                }
                sent += pushed;
                if sent == demand {
                    return;
                }
            }
        }
    }
}

/// Breadth-first levels over tight arcs for Dinic's blocking flow, or `None` when the sink
/// cannot be reached. Stops at the sink: nodes beyond its level would never be used.
fn tight_levels(net: &Network, potential: &[i64], source: usize, sink: usize) -> Option<Vec<u32>> {
    let mut level = vec![u32::MAX; net.nodes()];
    level[source] = 0;
    let mut queue = VecDeque::from([source]);
    while let Some(u) = queue.pop_front() {
        for a in net.first[u]..net.first[u + 1] {
            let to = net.head[a] as usize;
            if level[to] == u32::MAX && net.tight(potential, u, a) {
                level[to] = level[u] + 1;
                if to == sink {
                    return Some(level);
                }
                queue.push_back(to);
            }
        }
    }
    None
}

/// One augmenting path of the blocking flow, found without recursion (paths can be long).
fn push(
    net: &mut Network,
    potential: &[i64],
    level: &[u32],
    next: &mut [usize],
    source: usize,
    sink: usize,
    limit: i64,
) -> i64 {
    let mut path: Vec<usize> = Vec::new();
    let mut u = source;
    loop {
        if u == sink {
            let amount = path
                .iter()
                .map(|&a| i64::from(net.cap[a]))
                .min()
                .unwrap_or(0)
                .min(limit);
            // `amount` fits: it is at most an arc's capacity, an i32.
            let amount32 = amount as i32;
            for &a in &path {
                net.cap[a] -= amount32;
                net.cap[net.twin[a] as usize] += amount32;
            }
            return amount;
        }
        let mut advanced = false;
        while next[u] < net.first[u + 1] {
            let a = next[u];
            let to = net.head[a] as usize;
            if level[to] == level[u] + 1 && net.tight(potential, u, a) {
                path.push(a);
                u = to;
                advanced = true;
                break;
            }
            next[u] += 1;
        }
        if !advanced {
            // Dead end: retreat and never try this node's exhausted arcs again.
            let Some(a) = path.pop() else {
                return 0;
            };
            u = net.head[net.twin[a] as usize] as usize;
            next[u] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The best total by trying every choice of every mentee (a mentor or none).
    fn brute_force(cohort: &Cohort) -> u64 {
        fn go(cohort: &Cohort, mentee: usize, used: &mut Vec<u32>) -> u64 {
            if mentee == cohort.mentees {
                return 0;
            }
            let mut best = go(cohort, mentee + 1, used);
            for c in cohort.candidates.iter().filter(|c| c.mentee == mentee) {
                if used[c.mentor] < cohort.places[c.mentor] {
                    used[c.mentor] += 1;
                    best = best.max(u64::from(c.score) + go(cohort, mentee + 1, used));
                    used[c.mentor] -= 1;
                }
            }
            best
        }
        go(cohort, 0, &mut vec![0; cohort.places.len()])
    }

    fn check_valid(cohort: &Cohort, a: &Assignment) {
        let mut used = vec![0u32; cohort.places.len()];
        let mut seen = vec![false; cohort.mentees];
        for p in &a.pairs {
            assert!(cohort.candidates.contains(p), "only eligible pairs");
            assert!(!seen[p.mentee], "a mentee gets one mentor");
            seen[p.mentee] = true;
            used[p.mentor] += 1;
        }
        for (t, u) in used.iter().enumerate() {
            assert!(*u <= cohort.places[t], "mentor {t} over capacity");
        }
        assert_eq!(a.pairs.len() + a.unmatched.len(), cohort.mentees);
    }

    #[test]
    fn optimal_on_random_small_cohorts() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..400 {
            let mentees = rng.usize(1..=7);
            let mentors = rng.usize(1..=4);
            let places: Vec<u32> = (0..mentors).map(|_| rng.u32(0..=2)).collect();
            let mut candidates = Vec::new();
            for m in 0..mentees {
                for t in 0..mentors {
                    if rng.bool() {
                        candidates.push(Candidate {
                            mentee: m,
                            mentor: t,
                            score: rng.u32(0..=100),
                        });
                    }
                }
            }
            let cohort = Cohort {
                mentees,
                places,
                candidates,
            };
            let a = assign(&cohort);
            check_valid(&cohort, &a);
            assert_eq!(a.total_score, brute_force(&cohort), "{cohort:?}");
        }
    }

    #[test]
    fn a_greedy_pass_would_lose_what_the_optimum_keeps() {
        // Greedy gives mentor 0 to mentee 0 (score 90) and leaves mentee 1 alone; the optimum
        // sends mentee 0 to mentor 1 (80) and mentee 1 to mentor 0 (85).
        let cohort = Cohort {
            mentees: 2,
            places: vec![1, 1],
            candidates: vec![
                Candidate {
                    mentee: 0,
                    mentor: 0,
                    score: 90,
                },
                Candidate {
                    mentee: 0,
                    mentor: 1,
                    score: 80,
                },
                Candidate {
                    mentee: 1,
                    mentor: 0,
                    score: 85,
                },
            ],
        };
        let a = assign(&cohort);
        assert_eq!(a.total_score, 165);
        assert!(a.unmatched.is_empty());
    }

    #[test]
    fn mentees_without_candidates_or_places_stay_unmatched() {
        let cohort = Cohort {
            mentees: 3,
            places: vec![1],
            candidates: vec![
                Candidate {
                    mentee: 0,
                    mentor: 0,
                    score: 50,
                },
                Candidate {
                    mentee: 1,
                    mentor: 0,
                    score: 60,
                },
            ],
        };
        let a = assign(&cohort);
        assert_eq!(
            a.pairs,
            vec![Candidate {
                mentee: 1,
                mentor: 0,
                score: 60
            }]
        );
        assert_eq!(a.unmatched, vec![0, 2]);
        assert_eq!(assign(&Cohort::default()).pairs, vec![]);
    }
}
