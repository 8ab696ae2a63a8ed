//! End-to-end tests of the `lede` binary on small invented inputs.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Run `lede` with `args`, feeding `stdin`.
fn lede(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the lede binary runs");
    child.stdin.take().expect("stdin is piped").write_all(stdin).expect("stdin is written");
    child.wait_with_output().expect("lede finishes")
}

/// A scratch file under Cargo's per-test temporary directory.
fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).expect("scratch file is written");
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The text content of `<TEXT>`, tags stripped (enough for these documents).
fn text_of(timeml: &str) -> String {
    let start = timeml.find("<TEXT>").expect("a <TEXT> element") + "<TEXT>".len();
    let end = timeml.find("</TEXT>").expect("a </TEXT> tag");
    let mut out = String::new();
    let mut in_tag = false;
    for c in timeml[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

const DOC: &str = "<?xml version=\"1.0\"?>\n<TimeML>\n<DOCID>demo-7</DOCID>\n\
<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2019-06-12\" functionInDocument=\"CREATION_TIME\">June 12, 2019</TIMEX3></DCT>\n\
<TEXT>\nThe Quillby council met <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2019-06-10\">on Monday</TIMEX3> &amp; voted.\n\
Its <EVENT eid=\"e1\">next</EVENT> vote is on 3 July.\n</TEXT>\n</TimeML>\n";

#[test]
fn timeml_round_trip() {
    let path = scratch("round.tml", DOC.as_bytes());
    let out = lede(&["annotate", "--to", "timeml", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let first = stdout(&out);
    assert!(first.starts_with("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>demo-7</DOCID>\n"), "{first}");
    assert!(first.contains("value=\"2019-06-12\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\""), "{first}");
    let text = "\nThe Quillby council met on Monday & voted.\nIts next vote is on 3 July.\n";
    assert_eq!(text_of(&first), text);

    // Our own output read back (here through standard input) gives the same document.
    let again = lede(&["annotate", "--to", "timeml", "-"], first.as_bytes());
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stdout(&again), first);

    // --date overrides the creation time.
    let dated = lede(&["annotate", "--to=timeml", "--date", "2001-02-03", path.to_str().unwrap()], b"");
    assert!(stdout(&dated).contains("value=\"2001-02-03\""), "{}", stdout(&dated));
}

#[test]
fn raw_text_becomes_timeml_with_escaped_text() {
    let out = lede(&["annotate", "--to", "timeml", "--date", "2020-01-01", "-"], b"A <b> & C met.\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.contains("<DOCID>stdin</DOCID>"), "{s}");
    assert!(s.contains("<TEXT>A &lt;b&gt; &amp; C met.\n</TEXT>"), "{s}");
}

#[test]
fn json_is_the_default_output() {
    let path = scratch("json.tml", DOC.as_bytes());
    let out = lede(&["annotate", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let j: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(j["schema"], "lede/1");
    assert_eq!(j["meta"]["reference"], "2019-06-12", "the TimeML creation time is the reference");
}

#[test]
fn malformed_timeml_names_the_line() {
    let bad = "<?xml version=\"1.0\"?>\n<TimeML>\n<TEXT>\nSome words.\n</TEXTS>\n</TimeML>\n";
    let path = scratch("bad.tml", bad.as_bytes());
    let out = lede(&["annotate", "--to", "timeml", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:5:1: expected closing tag </TEXT>, found </TEXTS>", path.display())), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let out = lede(&["annotate", "--to", "timeml", "-"], b"<TimeML>\n<DOCID>x</DOCID>\n</TimeML>\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("standard input:1:1: expected a <TEXT> element"), "{}", stderr(&out));
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let out = lede(&["annotate", "--to", "timeml", "-"], b"caf\xc3\xa9 \xff oops");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("invalid byte at offset 6"), "{}", stderr(&out));
}

#[test]
fn bad_command_lines_exit_2() {
    for args in [&["annotate", "--to", "yaml", "-"][..], &["annotate", "--date", "2021-02-30", "-"], &["frobnicate"], &["eval", "muc"]] {
        let out = lede(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("usage:"), "{args:?}");
    }
}

#[test]
fn eval_skips_a_missing_corpus() {
    let out = lede(&["eval", "meantime", "/nonexistent/meantime"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("skipped"), "{}", stdout(&out));
}

#[test]
fn eval_scores_an_invented_folder() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-meantime", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = r#"<?xml version="1.0" ?><Document doc_id="9">
<token number="0" sentence="0" t_id="1">Quillby</token>
<token number="1" sentence="0" t_id="2">votes</token>
<token number="2" sentence="1" t_id="3">June</token>
<token number="3" sentence="1" t_id="4">12</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2019</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">voted</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Monday</token>
<token number="10" sentence="2" t_id="11">.</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2019-06-12" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2019-06-10" functionInDocument="NONE"><token_anchor t_id="10"/></TIMEX3>
</Markables>
</Document>"#;
    std::fs::write(dir.join("1_doc.xml"), doc).unwrap();
    std::fs::write(dir.join("2_broken.xml"), "<Document><token").unwrap();
    let json = dir.join("scores.json");
    let out = lede(&["eval", "meantime", "--verbose", "--json", json.to_str().unwrap(), dir.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.contains("1 documents"), "{s}");
    assert!(s.contains("(1 unreadable documents skipped)"), "{s}");
    assert!(s.contains("timex relaxed"), "{s}");
    assert!(stderr(&out).contains("2_broken.xml"), "{}", stderr(&out));
    let j: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(j["documents"], 1);
    assert_eq!(j["timex"]["strict"]["gold"], 1, "the creation time is not gold");
}

#[test]
fn eval_timeml_scores_an_invented_folder_with_tempeval3_measures() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-timeml", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    // Three gold expressions: "Monday" (found, right value), "March 2" (found, with a gold value
    // that differs on purpose), "hereafter" (missed).
    let doc = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>inv1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-24" temporalFunction="false" functionInDocument="CREATION_TIME">2021-03-24</TIMEX3></DCT>
<TEXT>
Quillby council <EVENT eid="e1" class="OCCURRENCE">voted</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2021-03-22">Monday</TIMEX3>.
It met again on <TIMEX3 tid="t2" type="DATE" value="2021-03-03">March 2</TIMEX3> and will meet <TIMEX3 tid="t3" type="DATE" value="FUTURE_REF">hereafter</TIMEX3>.
</TEXT>
</TimeML>"#;
    std::fs::write(dir.join("sub/inv1.tml"), doc).unwrap();
    let out = lede(&["eval", "timeml", "--verbose", "--errors", dir.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.contains(": 1 documents"), "{s}");
    let row = |name: &str| s.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name} in {s}")).to_owned();
    let nums = |name: &str| row(name)[name.len()..].split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    // gold 3, predicted 2, both matched strictly; one value right of two.
    assert_eq!(&nums("timex strict")[..3], ["3", "2", "2"], "{s}");
    assert_eq!(&nums("timex value")[..3], ["3", "2", "1"], "{s}");
    assert!(s.contains("MISSED  \"hereafter\""), "{s}");
    assert!(s.contains("VALUE   \"March 2\"  2021-03-03 -> 2021-03-02"), "{s}");
    assert!(s.contains("9999-99-99 -> 9999-99-99"), "confusion by shape: {s}");
    let missing = lede(&["eval", "timeml", "/nonexistent/tempeval"], b"");
    assert_eq!(missing.status.code(), Some(0));
    assert!(stdout(&missing).contains("skipped"));
}

#[test]
fn annotate_exports_every_format() {
    let dir = std::env::temp_dir().join(format!("lede-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.txt");
    std::fs::write(&file, "Port deal signed\nUpdated 10:00, 24-Mar-2021\nAna Lima met Omar Haddad in Lisbon on March 2.\n").unwrap();
    let run = |to: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede")).args(["annotate", "--to", to]).arg(&file).output().unwrap();
        assert!(out.status.success(), "{to}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let wa: serde_json::Value = serde_json::from_str(&run("webanno")).unwrap();
    assert_eq!(wa["type"], "AnnotationCollection");
    let tl: serde_json::Value = serde_json::from_str(&run("timelinejs")).unwrap();
    assert!(tl["events"].as_array().unwrap().iter().any(|e| e["start_date"]["day"] == "2"));
    assert!(run("entities-csv").starts_with("id,name,type,"));
    assert!(run("events-csv").contains("2021-03-02"));
    let ics = run("ics");
    assert!(ics.contains("DTSTART;VALUE=DATE:20210302") && ics.contains("DTSTAMP:20210324T000000Z"), "{ics}");
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_lede")).args(["annotate", "--to", "pdf"]).arg(&file).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("webanno"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn jsonl_batches_keep_order_and_ids_and_report_failures_in_line() {
    let input = concat!(
        r#"{"id": "a1", "text": "Port talks\n\nAna Lima met Omar Haddad in Lisbon on Monday.", "date": "2021-03-24"}"#,
        "\n",
        r#"{"id": "b2", "text": "nothing here"#,
        "\n",
        "\n",
        r#"{"id": 3, "text": "Trade rose in 2019, officials in Santos said."}"#,
        "\n",
        r#"{"id": "d4", "text": "x", "date": "March 3"}"#,
        "\n",
    );
    for jobs in ["1", "2"] {
        let o = lede(&["annotate", "--jsonl", "--jobs", jobs], input.as_bytes());
        assert!(o.status.success(), "{}", stderr(&o));
        let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
        assert_eq!(lines.len(), 4, "one line a document, blank lines skipped: {}", stdout(&o));
        assert_eq!(lines[0]["schema"], "lede/1");
        assert_eq!(lines[0]["meta"]["source"], "a1");
        assert_eq!(lines[0]["meta"]["reference"], "2021-03-24");
        assert!(lines[0]["events"].as_array().is_some_and(|e| e.iter().any(|e| e["value"] == "2021-03-22")), "{}", lines[0]);
        assert_eq!(lines[1]["id"], "line 2");
        assert!(lines[1]["error"].as_str().is_some_and(|e| e.contains("JSON")));
        assert_eq!(lines[2]["meta"]["source"], "3");
        assert_eq!(lines[3]["id"], "d4");
        assert!(lines[3]["error"].as_str().is_some_and(|e| e.contains("YYYY-MM-DD")));
        assert!(stderr(&o).contains("4 documents (2 failed)"), "{}", stderr(&o));
    }
}

#[test]
fn files_and_folders_are_annotated_as_json_lines() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-batch", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).expect("folder");
    std::fs::write(dir.join("a.txt"), "Ana Lima met Omar Haddad in Lisbon.").expect("file");
    std::fs::write(dir.join("sub/b.md"), "# Port\n\nTrade rose in 2019.").expect("file");
    std::fs::write(dir.join("sub/c.txt"), [0xff, 0xfe, 0x00]).expect("file");
    let o = lede(&["annotate", "--jobs", "2", dir.to_str().expect("path")], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let ids: Vec<String> =
        lines.iter().map(|l| l["meta"]["source"].as_str().or(l["id"].as_str()).unwrap_or("").rsplit('/').next().unwrap_or("").to_owned()).collect();
    assert_eq!(ids, ["a.txt", "b.md", "c.txt"], "sorted by path");
    assert!(lines[2]["error"].as_str().is_some(), "{}", lines[2]);
    let usage = lede(&["annotate", "--to", "ics", dir.to_str().expect("path")], b"");
    assert_eq!(usage.status.code(), Some(2), "several documents are JSON lines only");
}
