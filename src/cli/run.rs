//! `check` and `report`: settings from the command line and
//! `crosscheck.toml`, then load → check (in parallel, with a progress bar)
//! → report → baseline → output, and the exit code.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crosscheck::CheckedBundle;
use crosscheck::baseline::Baseline;
use crosscheck::compare::Severity;
use crosscheck::config::{Config, FailOn};
use crosscheck::error::{InputError, display_path, terminal_safe};
use crosscheck::load::{Bundle, Document, LoadOptions};
use crosscheck::output::{self, Inputs, OutputError};
use crosscheck::report::{self, Format, Options, Report};
use crosscheck::rules::Rules;

use super::args::{CheckArgs, Common, ExtractArgs, ExtractFormat, ReportArgs};
use super::{print_errors, print_warnings, term};

/// The settings of one run, command line over config file over defaults.
pub struct Settings {
    pub fail_on: Option<Severity>,
    pub baseline: Option<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub agreements: bool,
    pub unresolved: bool,
    pub config: Config,
}

fn settings(common: &Common) -> Result<Settings, InputError> {
    let config = find_config(common.no_config, common.config.as_deref(), &common.paths)?;
    let fail_on = common.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
    let baseline = if common.no_baseline {
        None
    } else {
        common.baseline.clone().or_else(|| config.baseline.clone())
    };
    let rules = if common.rules.is_empty() {
        config.rules.clone()
    } else {
        common.rules.clone()
    };
    Ok(Settings {
        fail_on: fail_on.threshold(),
        baseline,
        rules,
        agreements: !common.no_agreements && config.agreements.unwrap_or(true),
        unresolved: common.show_unresolved || config.unresolved.unwrap_or(false),
        config,
    })
}

/// The settings file: none with `--no-config`, the one named with
/// `--config`, else the `crosscheck.toml` found walking up from the first
/// path.
fn find_config(
    no_config: bool,
    named: Option<&Path>,
    paths: &[PathBuf],
) -> Result<Config, InputError> {
    if no_config {
        return Ok(Config::default());
    }
    if let Some(path) = named {
        return Config::read(path);
    }
    let start = paths
        .iter()
        .find(|p| p.as_os_str() != "-")
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    match Config::discover(&start) {
        Some(path) => Config::read(&path),
        None => Ok(Config::default()),
    }
}

/// What a run produced, before it is rendered.
pub struct Run {
    pub report: Report,
    pub settings: Settings,
    pub baseline: Option<Baseline>,
    /// Every file and bundle directory read, which no output may replace.
    pub inputs: Inputs,
    /// Entries skipped and documents not in a manifest (they do not fail).
    pub warnings: Vec<InputError>,
}

/// Loads, checks and judges every bundle. `Err` is a list of errors that
/// stop the run before any bundle is checked (bad config or rules).
fn run(common: &Common, write_target: Option<&Path>, input: Input) -> Result<Run, Vec<InputError>> {
    let settings = settings(common).map_err(|e| vec![e])?;
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        common.paths.iter().partition(|p| p.as_os_str() == "-");
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let (checked, run_errors) = match input {
        Input::Bundles => check_bundles(
            &settings.rules,
            &files,
            !stdin.is_empty(),
            &LoadOptions {
                follow_symlinks: common.follow_symlinks,
                max_document_size: common.max_document_size,
            },
            !common.no_progress,
        )?,
        Input::Claims => compare_claims(common, &files, !stdin.is_empty()),
    };
    let mut inputs = run_inputs(&files, &settings, &checked);
    if input == Input::Claims {
        for f in &files {
            inputs.add_file(f, "a claims file");
        }
    }
    let warnings: Vec<InputError> = checked
        .iter()
        .flat_map(|c| c.bundle.warnings.iter().cloned())
        .collect();
    let mut report = Report::new(&checked, run_errors);
    if common.explain_skipped {
        for (b, c) in report.bundles.iter_mut().zip(&checked) {
            b.explain_skipped(c);
        }
    }
    for (category, severity) in &settings.config.severity {
        report.set_severity(*category, *severity);
    }
    let mut baseline = None;
    // Writing the configured baseline for the first time: nothing to read.
    let creating = |path: &Path| !path.exists() && write_target.is_some_and(|w| same_file(w, path));
    if let Some(path) = settings.baseline.as_deref().filter(|p| !creating(p)) {
        match Baseline::read(path) {
            Ok(b) => {
                b.apply(&mut report, parent(path));
                baseline = Some(b);
            }
            Err(e) => report.errors.push(e),
        }
    }
    Ok(Run {
        report,
        settings,
        baseline,
        inputs,
        warnings,
    })
}

/// What a run reads: bundles of documents (`check`, `report`), or the
/// claims `extract` wrote (`compare`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Bundles,
    Claims,
}

/// The claims files named (and standard input, for `-`), read and
/// compared bundle by bundle. No rules are needed: the claims are read.
fn compare_claims(
    common: &Common,
    files: &[PathBuf],
    stdin: bool,
) -> (Vec<CheckedBundle>, Vec<InputError>) {
    let mut texts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match std::fs::read(f) {
            Ok(t) => texts.push((crosscheck::error::display_path(f), t)),
            Err(e) => errors.push(InputError::new(f, format!("cannot read the claims: {e}"))),
        }
    }
    if stdin {
        let mut t = Vec::new();
        match std::io::stdin().read_to_end(&mut t) {
            Ok(_) => texts.push(("<stdin>".into(), t)),
            Err(e) => errors.push(InputError::new(
                "<stdin>",
                format!("cannot read the claims: {e}"),
            )),
        }
    }
    let (bundles, read_errors) = crosscheck::report::claims::read_claims(&texts);
    errors.extend(read_errors);
    let progress = progress_bar(!common.no_progress, bundles.len());
    let checked = bundles
        .into_par_iter()
        .map(|(bundle, claims)| {
            let c = crosscheck::compare_bundle(bundle, claims);
            progress.tick();
            c
        })
        .collect();
    progress.finish();
    (checked, errors)
}

/// The bundles named, loaded and checked.
/// The bundles named (and one document from standard input, for `-`),
/// loaded and checked with the rules of `rule_dirs`: what `check`,
/// `report` and `extract` read. `Err` is the rules' problems.
fn check_bundles(
    rule_dirs: &[PathBuf],
    files: &[PathBuf],
    stdin: bool,
    load_options: &LoadOptions,
    show_progress: bool,
) -> Result<(Vec<CheckedBundle>, Vec<InputError>), Vec<InputError>> {
    let dirs: Vec<&Path> = rule_dirs.iter().map(PathBuf::as_path).collect();
    // Never dropped: freeing the compiled automata costs a few percent of
    // a small run, and the process ends soon after these bundles.
    let rules = std::mem::ManuallyDrop::new(Rules::load_dirs(&dirs)?);

    let (sources, mut run_errors) = crosscheck::load::discover_with(files, load_options);
    let mut bundles_in: Vec<Bundle> = Vec::new();
    if stdin {
        match read_stdin(load_options.max_document_size) {
            Ok(b) => bundles_in.push(b),
            Err(e) => run_errors.push(e),
        }
    }
    let progress = progress_bar(show_progress, sources.len() + bundles_in.len());
    let mut checked: Vec<CheckedBundle> = sources
        .par_iter()
        .map(|s| {
            let bundle = crosscheck::load::load_bundle_with(s, load_options);
            let c = crosscheck::check_bundle(bundle, &rules);
            progress.tick();
            c
        })
        .collect();
    checked.extend(bundles_in.into_iter().map(|b| {
        let c = crosscheck::check_bundle(b, &rules);
        progress.tick();
        c
    }));
    progress.finish();
    Ok((checked, run_errors))
}

/// Every file and directory the run read, which no output may replace:
/// the bundle and collection directories named, every manifest and
/// document, the rule files and `crosscheck.toml`. (The baseline is added
/// by [`with_baseline`] for every output but `--write-baseline`.)
fn run_inputs(paths: &[PathBuf], settings: &Settings, checked: &[CheckedBundle]) -> Inputs {
    let mut inputs = Inputs::new();
    if let Some(config) = &settings.config.path {
        inputs.add_file(config, "the config file");
    }
    for path in paths {
        if path.is_dir() {
            inputs.add_dir(path);
        }
    }
    for c in checked {
        inputs.add_bundle(&c.bundle);
    }
    for dir in &settings.rules {
        if let Ok(read) = std::fs::read_dir(dir) {
            for entry in read.flatten() {
                inputs.add_file(&entry.path(), "a rule file given with --rules");
            }
        }
    }
    inputs
}

/// Whether two paths name the same file, whether or not it exists yet.
fn same_file(a: &Path, b: &Path) -> bool {
    let full = |p: &Path| -> Option<PathBuf> {
        let dir = std::fs::canonicalize(match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        })
        .ok()?;
        Some(dir.join(p.file_name()?))
    };
    full(a).is_some_and(|x| Some(x) == full(b))
}

fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}

/// `-`: one document from standard input, as a bundle of its own, under
/// the same size cap as a document (`check - < /dev/zero` stops there).
fn read_stdin(cap: u64) -> Result<Bundle, InputError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new("<stdin>", format!("cannot read standard input: {e}")))?;
    if bytes.len() as u64 > cap {
        return Err(InputError::new(
            "<stdin>",
            format!(
                "not read: standard input is over the limit of {} per document \
                 (--max-document-size)",
                crosscheck::load::read::human_size(cap)
            ),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
        InputError::new("<stdin>", "not valid UTF-8").at_offset(&text, offset)
    })?;
    let mut doc = Document::from_text("stdin", &text);
    doc.path = PathBuf::from("<stdin>");
    Ok(Bundle::in_memory("-", vec![doc]))
}

/// A bar counting bundles, drawn on standard error once the run has taken
/// a second, and only on a terminal (indicatif draws nothing elsewhere).
struct Progress {
    bar: ProgressBar,
    shown: AtomicBool,
    enabled: bool,
}

impl Progress {
    fn tick(&self) {
        self.bar.inc(1);
        if self.enabled
            && self.bar.elapsed() > Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn progress_bar(enabled: bool, total: usize) -> Progress {
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} checking {pos}/{len} bundles {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    Progress {
        bar,
        shown: AtomicBool::new(false),
        enabled,
    }
}

fn options(s: &Settings, width: usize, colour: bool) -> Options {
    Options {
        agreements: s.agreements,
        unresolved: s.unresolved,
        width,
        colour,
        fail_on: s.fail_on,
    }
}

/// The exit code after a report: 2 on input errors, 1 on a failing
/// finding, else 0.
fn exit_code(report: &Report, fail_on: Option<Severity>) -> u8 {
    let errors: Vec<&InputError> = report.all_errors().collect();
    if !errors.is_empty() {
        print_errors(errors.iter().copied());
        return 2;
    }
    u8::from(report.findings().any(|f| report::fails(f, fail_on)))
}

pub fn check(args: CheckArgs, input: Input) -> anyhow::Result<u8> {
    let Run {
        report,
        settings,
        baseline,
        inputs,
        warnings,
    } = match run(&args.common, args.write_baseline.as_deref(), input) {
        Ok(r) => r,
        Err(errors) => {
            print_errors(&errors);
            return Ok(2);
        }
    };
    // Two outputs on one path would overwrite each other: refused before
    // anything is written.
    if let (Some(a), Some(b)) = (&args.output, &args.write_baseline) {
        output::distinct(a, b)?;
    }
    if let Some(path) = &args.write_baseline {
        let code = write_baseline(path, &report, &settings, baseline, &inputs)?;
        if code != 0 || args.output.is_none() {
            print_warnings(&warnings);
            return Ok(code);
        }
        // With `-o` as well, the report is written too; the run still
        // exits 0, as writing a baseline does.
    }
    let format = args
        .format
        .or(settings.config.format)
        .unwrap_or(Format::Table);
    let to_file = args.output.is_some();
    let options = options(
        &settings,
        term::width(args.width, to_file),
        term::colour(args.color, to_file),
    );
    // The table makes article text safe for the terminal cell by cell
    // (report::table), so that its own colour codes stay codes.
    let rendered = report::render(&report, format, &options);
    let written = match &args.output {
        Some(path) => with_baseline(inputs, &settings)
            .check(path)
            .and_then(|()| output::write_file(path, rendered.as_bytes())),
        None => {
            // A closed pipe ends the run here, quietly (main); a full disk
            // is exit 2 naming standard output.
            output::print(&rendered)?;
            Ok(())
        }
    };
    print_warnings(&warnings);
    if format != Format::Table {
        // The table says these itself; other formats carry them as data,
        // and a person running them still wants to know.
        for b in &report.bundles {
            for s in &b.stale_baseline {
                output::eprint(&format!(
                    "crosscheck: warning: stale baseline entry {} ({}) in {}: it matches no finding any more\n",
                    s.id,
                    terminal_safe(s.subject.as_deref().unwrap_or("no subject")),
                    terminal_safe(&b.path)
                ));
            }
        }
    }
    if let Err(e) = written {
        return refused(e, &report);
    }
    if args.write_baseline.is_some() {
        return Ok(0);
    }
    Ok(exit_code(&report, settings.fail_on))
}

/// The inputs of a run and the baseline it read: no output but
/// `--write-baseline` (which rewrites it, reasons kept) may replace that.
fn with_baseline(mut inputs: Inputs, settings: &Settings) -> Inputs {
    if let Some(b) = &settings.baseline {
        inputs.add_file(
            b,
            "the baseline read (--baseline, or baseline = in crosscheck.toml)",
        );
    }
    inputs
}

/// An output refused or failed: the input errors of the run, if any, then
/// why, and exit code 2.
fn refused(e: OutputError, report: &Report) -> anyhow::Result<u8> {
    print_errors(report.all_errors());
    output::eprint(&format!(
        "crosscheck: error: {}\n",
        terminal_safe(&e.to_string())
    ));
    Ok(2)
}

/// `--write-baseline`: every current finding of the bundles checked, the
/// other bundles' entries kept, reasons kept. Never written over an input,
/// and never over a file it cannot read as a baseline (its reasons would
/// be lost); replaced atomically.
fn write_baseline(
    path: &Path,
    report: &Report,
    settings: &Settings,
    applied: Option<Baseline>,
    inputs: &Inputs,
) -> anyhow::Result<u8> {
    let errors: Vec<&InputError> = report.all_errors().collect();
    if !errors.is_empty() {
        print_errors(errors.iter().copied());
        output::eprint(&format!(
            "crosscheck: baseline {} not written: fix the errors above first\n",
            terminal_safe(&path.display().to_string())
        ));
        return Ok(2);
    }
    // Not an input (a document, the config), then not a file that is no
    // baseline; the baseline being applied is the one rewritten.
    let previous = inputs.check(path).and_then(|()| {
        if settings
            .baseline
            .as_deref()
            .is_some_and(|b| same_file(b, path))
        {
            return Ok(applied);
        }
        let mut previous = None;
        output::refuse_unparsable(path, "baseline", |p| {
            previous = Some(Baseline::read(p)?);
            Ok(())
        })
        .map(|()| previous)
    });
    let written = previous.and_then(|previous| {
        let (b, kept) = Baseline::from_report(report, previous.as_ref(), parent(path));
        output::write_file(path, b.to_toml().as_bytes())?;
        Ok((b.findings.len() - kept, kept))
    });
    match written {
        Ok((written, kept)) => {
            output::eprint(&format!(
                "crosscheck: wrote {} to {}{}\n",
                entries(written),
                terminal_safe(&path.display().to_string()),
                if kept > 0 {
                    format!(" (and kept {} of other bundles)", entries(kept))
                } else {
                    String::new()
                }
            ));
            Ok(0)
        }
        Err(e) => refused(e, report),
    }
}

fn entries(n: usize) -> String {
    if n == 1 {
        "1 baseline entry".to_string()
    } else {
        format!("{n} baseline entries")
    }
}

pub fn report(args: ReportArgs) -> anyhow::Result<u8> {
    let Run {
        report,
        settings,
        inputs,
        warnings,
        ..
    } = match run(&args.common, None, Input::Bundles) {
        Ok(r) => r,
        Err(errors) => {
            print_errors(&errors);
            return Ok(2);
        }
    };
    let options = options(&settings, term::DEFAULT_WIDTH, false);
    let files = report::site::files(&report, &options);
    let written = write_site(&args.output, &files, &with_baseline(inputs, &settings));
    print_warnings(&warnings);
    if let Err(e) = written {
        return refused(e, &report);
    }
    output::eprint(&format!(
        "crosscheck: wrote {} pages and report.json to {} (open {})\n",
        files.len() - 1,
        terminal_safe(&args.output.display().to_string()),
        terminal_safe(&args.output.join("index.html").display().to_string())
    ));
    Ok(exit_code(&report, settings.fail_on))
}

/// `crosscheck report`'s files in `dir` (created if missing). Every file is
/// checked against the inputs before any is written, so a refused one
/// leaves no half-replaced report; each is then replaced atomically.
fn write_site(dir: &Path, files: &[(String, String)], inputs: &Inputs) -> Result<(), OutputError> {
    std::fs::create_dir_all(dir).map_err(|cause| OutputError::Io {
        path: display_path(dir),
        cause,
    })?;
    for (name, _) in files {
        inputs.check(&dir.join(name))?;
    }
    for (name, contents) in files {
        output::write_file(&dir.join(name), contents.as_bytes())?;
    }
    Ok(())
}

/// `crosscheck extract`: every claim read, one JSON object a line, before
/// any comparison. Load errors go to standard error and exit 2; the claims
/// of the documents that were read are printed all the same.
pub fn extract(args: ExtractArgs) -> anyhow::Result<u8> {
    // The rules `check` would use: --rules, else crosscheck.toml's.
    let config = match find_config(args.no_config, args.config.as_deref(), &args.paths) {
        Ok(c) => c,
        Err(e) => {
            print_errors(&[e]);
            return Ok(2);
        }
    };
    let rule_dirs = if args.rules.is_empty() {
        config.rules.clone()
    } else {
        args.rules.clone()
    };
    // `-`: one document from standard input, as `check -` reads it.
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        args.paths.iter().partition(|p| p.as_os_str() == "-");
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let load_options = LoadOptions {
        follow_symlinks: args.follow_symlinks,
        max_document_size: args.max_document_size,
    };
    let (checked, errors) =
        match check_bundles(&rule_dirs, &files, !stdin.is_empty(), &load_options, false) {
            Ok(r) => r,
            Err(errors) => {
                print_errors(&errors);
                return Ok(2);
            }
        };
    let lines = match args.format {
        // Run errors (a path that names nothing) travel with the claims,
        // so that `compare` fails as `check` would.
        ExtractFormat::Jsonl => {
            report::claims::render_jsonl(&checked) + &report::claims::render_errors(&errors)
        }
    };
    output::print(&lines)?;
    let bundle_errors: Vec<&InputError> = checked.iter().flat_map(|c| &c.bundle.errors).collect();
    print_warnings(checked.iter().flat_map(|c| &c.bundle.warnings));
    print_errors(errors.iter().chain(bundle_errors.iter().copied()));
    Ok(if errors.is_empty() && bundle_errors.is_empty() {
        0
    } else {
        2
    })
}
