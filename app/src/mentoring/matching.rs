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
//! Scores are small integers, so there are few phases even for thousands of mentees.
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

#[derive(Debug, Clone, Copy)]
struct Edge {
    to: usize,
    cap: i64,
    cost: i64,
}

struct Graph {
    edges: Vec<Edge>,
    adjacency: Vec<Vec<usize>>,
}

impl Graph {
    fn new(nodes: usize) -> Graph {
        Graph {
            edges: Vec::new(),
            adjacency: vec![Vec::new(); nodes],
        }
    }

    /// Adds an edge and its residual twin (index `e ^ 1`); returns the edge's index.
    fn add(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        let e = self.edges.len();
        self.edges.push(Edge { to, cap, cost });
        self.edges.push(Edge {
            to: from,
            cap: 0,
            cost: -cost,
        });
        self.adjacency[from].push(e);
        self.adjacency[to].push(e + 1);
        e
    }
}

/// Solves the cohort. Pairs come sorted by mentee.
pub fn assign(cohort: &Cohort) -> Assignment {
    let max = i64::from(cohort.candidates.iter().map(|c| c.score).max().unwrap_or(0)) + 1;
    let source = 0;
    let mentee_node = |m: usize| 1 + m;
    let mentor_node = |t: usize| 1 + cohort.mentees + t;
    let sink = 1 + cohort.mentees + cohort.places.len();
    let mut g = Graph::new(sink + 1);
    for m in 0..cohort.mentees {
        g.add(source, mentee_node(m), 1, 0);
        g.add(mentee_node(m), sink, 1, max);
    }
    for (t, &places) in cohort.places.iter().enumerate() {
        g.add(mentor_node(t), sink, i64::from(places), 0);
    }
    let pair_edges: Vec<(usize, Candidate)> = cohort
        .candidates
        .iter()
        .filter(|c| c.mentee < cohort.mentees && c.mentor < cohort.places.len())
        .map(|c| {
            let cost = max - i64::from(c.score);
            (
                g.add(mentee_node(c.mentee), mentor_node(c.mentor), 1, cost),
                *c,
            )
        })
        .collect();

    min_cost_flow(&mut g, source, sink, cohort.mentees as i64);

    let mut pairs: Vec<Candidate> = pair_edges
        .into_iter()
        .filter(|(e, _)| g.edges[*e].cap == 0)
        .map(|(_, c)| c)
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
fn min_cost_flow(g: &mut Graph, source: usize, sink: usize, demand: i64) {
    let n = g.adjacency.len();
    let mut potential = vec![0i64; n];
    let mut sent = 0;
    while sent < demand {
        // Shortest distances by reduced cost.
        let mut dist = vec![i64::MAX; n];
        dist[source] = 0;
        let mut heap = BinaryHeap::from([Reverse((0i64, source))]);
        while let Some(Reverse((d, u))) = heap.pop() {
            if d > dist[u] {
                continue;
            }
            for &e in &g.adjacency[u] {
                let edge = g.edges[e];
                if edge.cap > 0 {
                    let nd = d + edge.cost + potential[u] - potential[edge.to];
                    if nd < dist[edge.to] {
                        dist[edge.to] = nd;
                        heap.push(Reverse((nd, edge.to)));
                    }
                }
            }
        }
        if dist[sink] == i64::MAX {
            break;
        }
        for v in 0..n {
            if dist[v] != i64::MAX {
                potential[v] += dist[v];
            }
        }
        // Blocking flows on the edges that are now tight (reduced cost 0).
        loop {
            let level = tight_levels(g, &potential, source);
            if level[sink] == usize::MAX {
                break;
            }
            let mut next = vec![0usize; n];
            loop {
                let pushed = push(
                    g,
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
            }
            if sent == demand {
                return;
            }
        }
    }
}

fn tight(g: &Graph, potential: &[i64], u: usize, e: usize) -> bool {
    let edge = g.edges[e];
    edge.cap > 0 && edge.cost + potential[u] - potential[edge.to] == 0
}

/// Breadth-first levels over tight edges, for Dinic's blocking flow.
fn tight_levels(g: &Graph, potential: &[i64], source: usize) -> Vec<usize> {
    let mut level = vec![usize::MAX; g.adjacency.len()];
    level[source] = 0;
    let mut queue = VecDeque::from([source]);
    while let Some(u) = queue.pop_front() {
        for &e in &g.adjacency[u] {
            let to = g.edges[e].to;
            if level[to] == usize::MAX && tight(g, potential, u, e) {
                level[to] = level[u] + 1;
                queue.push_back(to);
            }
        }
    }
    level
}

/// One augmenting path of the blocking flow, found without recursion (paths can be long).
fn push(
    g: &mut Graph,
    potential: &[i64],
    level: &[usize],
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
                .map(|&e| g.edges[e].cap)
                .min()
                .unwrap_or(0)
                .min(limit);
            for &e in &path {
                g.edges[e].cap -= amount;
                g.edges[e ^ 1].cap += amount;
            }
            return amount;
        }
        let mut advanced = false;
        while next[u] < g.adjacency[u].len() {
            let e = g.adjacency[u][next[u]];
            let to = g.edges[e].to;
            if level[to] == level[u] + 1 && tight(g, potential, u, e) {
                path.push(e);
                u = to;
                advanced = true;
                break;
            }
            next[u] += 1;
        }
        if !advanced {
            // Dead end: retreat and never try this node's exhausted edges again.
            let Some(e) = path.pop() else {
                return 0;
            };
            u = g.edges[e ^ 1].to;
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
