//! `--format sarif`: SARIF 2.1.0, the format code-scanning services read
//! (GitHub's upload-sarif among them). One run; one rule per finding kind
//! and category (`conflict/time`, `variant/name`, …) described by
//! `crosscheck explain`; one result per finding, located at its first
//! piece of evidence, with every other piece as a related location and the
//! stable ids as partial fingerprints so a service tracks a finding across
//! commits. With a baseline, `baselineState` says new, unchanged or
//! updated, and an accepted finding carries an external suppression with
//! the baseline's reason. Columns count Unicode code points, as the report
//! does (`columnKind`).

use serde_json::{Value, json};

use super::wire::{BaselineStatus, BundleReport, Evidence, WireFinding};
use super::{Options, Report, one_line};
use crate::compare::Severity;

pub fn render(report: &Report, options: &Options) -> String {
    let mut rules: Vec<(String, &WireFinding)> = Vec::new();
    let mut results = Vec::new();
    let baseline_used = report.findings().any(|f| f.baseline.is_some())
        || report.bundles.iter().any(|b| !b.stale_baseline.is_empty());
    for b in &report.bundles {
        for f in b.findings.iter().filter(|f| options.shows(f)) {
            let rule = rule_id(f);
            let index = match rules.iter().position(|(r, _)| *r == rule) {
                Some(i) => i,
                None => {
                    rules.push((rule.clone(), f));
                    rules.len() - 1
                }
            };
            results.push(result(b, f, &rule, index, baseline_used));
        }
    }
    let rules: Vec<Value> = rules.iter().map(|(id, f)| rule(id, f)).collect();
    let notifications: Vec<Value> = report
        .all_errors()
        .map(|e| {
            let mut location = json!({"artifactLocation": {"uri": uri(&e.path)}});
            if let Some(line) = e.line {
                location["region"] = json!({"startLine": line});
                if let Some(col) = e.column {
                    location["region"]["startColumn"] = json!(col);
                }
            }
            json!({
                "level": "error",
                "message": {"text": e.message},
                "locations": [{"physicalLocation": location}],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("JSON values always serialise");
    out.push('\n');
    out
}

fn rule_id(f: &WireFinding) -> String {
    format!("{}/{}", f.kind.as_str(), f.category)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(id: &str, example: &WireFinding) -> Value {
    let kind = example.kind.as_str();
    let category = example.category.as_str();
    let help = [kind, category]
        .iter()
        .filter_map(|t| crate::explain::explain(t))
        .collect::<Vec<_>>()
        .join("\n\n");
    json!({
        "id": id,
        "name": format!("{}{}", capital(kind), capital(category)),
        "shortDescription": {"text": format!("{kind} between sources: {category}")},
        "fullDescription": {"text": crate::explain::explain(kind).unwrap_or(kind)},
        "help": {"text": help, "markdown": help},
        "defaultConfiguration": {"level": level(example.severity)},
        "properties": {"tags": ["crosscheck", kind, category]},
    })
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn result(b: &BundleReport, f: &WireFinding, rule: &str, index: usize, baseline: bool) -> Value {
    let mut located: Vec<(&str, &Evidence)> = f
        .values
        .iter()
        .flat_map(|v| v.evidence.iter().map(move |e| (v.value.as_str(), e)))
        .collect();
    let primary = super::primary_evidence(f)
        .and_then(|p| located.iter().position(|(_, e)| std::ptr::eq(*e, p)))
        .unwrap_or(0);
    let first = if located.is_empty() {
        None
    } else {
        Some(located.remove(primary))
    };
    let mut r = json!({
        "ruleId": rule,
        "ruleIndex": index,
        "level": level(f.severity),
        "message": {"text": one_line(&f.message)},
        "partialFingerprints": {
            "crosscheckFindingId/v1": f.id,
            "crosscheckSubjectId/v1": f.subject_id,
        },
        "properties": {
            "bundle": b.path,
            "kind": f.kind.as_str(),
            "category": f.category.as_str(),
            "subject": f.subject,
            "findingId": f.id,
        },
    });
    if let Some((value, e)) = first {
        r["locations"] = json!([location(b, value, e, None)]);
    }
    if !located.is_empty() {
        r["relatedLocations"] = Value::Array(
            located
                .iter()
                .enumerate()
                .map(|(i, (value, e))| location(b, value, e, Some(i + 1)))
                .collect(),
        );
    }
    if baseline {
        r["baselineState"] = json!(match f.baseline.as_ref().map(|m| m.status) {
            Some(BaselineStatus::Accepted) => "unchanged",
            Some(BaselineStatus::Changed) => "updated",
            None => "new",
        });
    }
    if let Some(m) = &f.baseline
        && m.status == BaselineStatus::Accepted
    {
        let mut s = json!({"kind": "external", "status": "accepted"});
        if let Some(reason) = &m.reason {
            s["justification"] = json!(reason);
        }
        r["suppressions"] = json!([s]);
    }
    r
}

fn location(b: &BundleReport, value: &str, e: &Evidence, id: Option<usize>) -> Value {
    let mut region = json!({
        "startLine": e.line,
        "startColumn": e.column,
        "snippet": {"text": e.text},
    });
    if !e.text.contains('\n') {
        region["endColumn"] = json!(e.column + e.text.chars().count());
    }
    let mut l = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(&e.path)},
            "region": region,
        },
        "message": {"text": format!("{} gives {}", b.label(&e.document), one_line(value))},
    });
    if let Some(id) = id {
        l["id"] = json!(id);
    }
    l
}

/// A relative URI reference for a path: `/`-separated, with everything
/// but unreserved characters and `/` percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(super::uri("corpus/a b/ü.txt"), "corpus/a%20b/%C3%BC.txt");
    }
}
