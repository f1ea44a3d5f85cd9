//! Value groups and clusters, the two steps of the generic judge.
//!
//! Claims with equal display strings are one [`ValueGroup`]. Value groups are
//! then placed greedily into [`Cluster`]s of mutually compatible values: the
//! best-supported value first (most documents, then earliest in the bundle),
//! each later one into the first cluster all of whose members it is
//! compatible with. Compatibility need not be transitive (08:00–12:00 fits
//! both 09:00 and 11:00, which do not fit each other), so a cluster asks for
//! compatibility with every member, not just one. The order is fixed, so the
//! result is deterministic.

use crate::claim::{Anchor, Claim, Value};

use super::FindingValue;

/// All claims in a group that share one normalised value.
#[derive(Clone, Debug)]
pub struct ValueGroup<'a> {
    pub display: String,
    pub value: &'a Value,
    pub claims: Vec<&'a Claim>,
}

impl ValueGroup<'_> {
    /// Documents giving this value, sorted, without repeats.
    pub fn documents(&self) -> Vec<usize> {
        let mut docs: Vec<usize> = self.claims.iter().map(|c| c.anchor.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    pub fn to_finding_value(&self) -> FindingValue {
        FindingValue {
            value: self.display.clone(),
            evidence: self
                .claims
                .iter()
                .map(|c| c.anchor)
                .collect::<Vec<Anchor>>(),
        }
    }
}

/// Indices into the value-group list of values that can all be true at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    pub members: Vec<usize>,
}

impl Cluster {
    /// Documents supporting any value of the cluster, sorted.
    pub fn documents(&self, values: &[ValueGroup]) -> Vec<usize> {
        let mut docs: Vec<usize> = self
            .members
            .iter()
            .flat_map(|&i| values[i].documents())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }
}

/// Groups claims (already in anchor order) by display string, in order of
/// first appearance.
pub fn value_groups<'a>(claims: &[&'a Claim]) -> Vec<ValueGroup<'a>> {
    let mut groups: Vec<ValueGroup<'a>> = Vec::new();
    for claim in claims {
        let display = claim.value.display();
        match groups.iter_mut().find(|g| g.display == display) {
            Some(g) => g.claims.push(claim),
            None => groups.push(ValueGroup {
                display,
                value: &claim.value,
                claims: vec![claim],
            }),
        }
    }
    groups
}

/// Clusters value groups by mutual compatibility (see the module doc).
pub fn cluster(values: &[ValueGroup]) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(values[i].documents().len()),
            std::cmp::Reverse(values[i].claims.len()),
            values[i].claims[0].anchor,
        )
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    for i in order {
        let home = clusters.iter_mut().find(|c| {
            c.members
                .iter()
                .all(|&j| values[i].value.compatible(values[j].value))
        });
        match home {
            Some(c) => c.members.push(i),
            None => clusters.push(Cluster { members: vec![i] }),
        }
    }
    clusters
}
