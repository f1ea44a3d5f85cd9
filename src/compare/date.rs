//! The date judge: the day an event happened, across documents.
//!
//! Date claims are grouped by event kind only (a call, a quake), so one
//! group may hold several events of that kind: the 12 February call and the
//! 18 March call. Two days far apart are two events, not a contradiction;
//! two days close together (a quake "on Sunday" in one source, "on Monday"
//! in another) are one event told wrong. So the group's values are first
//! cut into runs whose neighbouring ranges lie within [`SAME_EVENT_DAYS`]
//! of each other, and each run is judged on its own by the generic cluster
//! judge: a run with incompatible days is a conflict, a run several
//! documents support is an agreement.

use super::{Bundle, Comparison, Group, Severity, judge_by_clusters};
use crate::claim::{Claim, Value};

/// Days apart beyond which two dates are taken to be two events.
pub const SAME_EVENT_DAYS: i64 = 1;

pub fn judge(bundle: &Bundle, group: &Group, severity: Severity) -> Comparison {
    let mut dated: Vec<&Claim> = group.claims.clone();
    let range = |c: &Claim| match &c.value {
        Value::Date(d) => Some((d.first, d.last)),
        _ => None,
    };
    dated.sort_by_key(|c| (range(c), c.anchor));
    let mut runs: Vec<Vec<&Claim>> = Vec::new();
    let mut run_last = None;
    for c in dated {
        let Some((first, last)) = range(c) else {
            continue;
        };
        let joins =
            run_last.is_some_and(|l: chrono::NaiveDate| (first - l).num_days() <= SAME_EVENT_DAYS);
        if !joins {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push(c);
        }
        run_last = Some(run_last.map_or(last, |l: chrono::NaiveDate| l.max(last)));
    }
    let mut out = Comparison::default();
    for mut run in runs {
        run.sort_by_key(|c| c.anchor);
        let sub = Group {
            category: group.category,
            subject: group.subject,
            claims: run,
        };
        let judged = judge_by_clusters(bundle, &sub, severity);
        out.findings.extend(judged.findings);
        out.agreements.extend(judged.agreements);
    }
    out
}
