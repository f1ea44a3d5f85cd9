//! `--format html`: one self-contained page (no scripts, no external assets)
//! an editor can open in a browser. (Skeleton: a plain rendering of the
//! report; the styled page comes with the report work.)

use super::Report;

pub fn render(report: &Report) -> String {
    let mut out = String::from(
        "<!doctype html>\n<meta charset=\"utf-8\">\n<title>crosscheck report</title>\n",
    );
    for bundle in &report.bundles {
        out.push_str(&format!("<h1>{}</h1>\n<ul>\n", escape(&bundle.path)));
        for f in &bundle.findings {
            out.push_str(&format!(
                "<li>{} {} {}: {}</li>\n",
                f.severity.as_str(),
                f.kind.as_str(),
                f.category,
                escape(&f.message)
            ));
        }
        out.push_str("</ul>\n");
    }
    out
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
