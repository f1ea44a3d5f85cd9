//! The quantity judge. (Skeleton: uses the generic cluster judge until the quantity
//! work gives it its own rules.)

use super::{Bundle, Comparison, Group, default_severity, judge_by_clusters};

pub fn judge(bundle: &Bundle, group: &Group) -> Comparison {
    judge_by_clusters(bundle, group, default_severity(group.category))
}
