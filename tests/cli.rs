//! Command-line cases as data: each `tests/cmd/<case>.toml` gives the
//! arguments, the exit code and the expected output, run in `<case>.in/`
//! (trycmd). `TRYCMD=overwrite cargo test --test cli` rewrites expectations;
//! read the diff before committing it.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
