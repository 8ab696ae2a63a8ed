//! TimeML input and output.
//!
//! * [`parse`] reads a TimeML document: its `DOCID`, its document creation time
//!   (the `TIMEX3` inside `<DCT>`, or any `TIMEX3` with
//!   `functionInDocument="CREATION_TIME"`) and the text content of `<TEXT>` with
//!   every inner tag (`TIMEX3`, `EVENT`, `SIGNAL`, …) stripped.
//! * [`write`] prints the engine's time expressions as a TimeML document with
//!   inline `TIMEX3` elements.
//!
//! Malformed XML is reported as an [`XmlError`] carrying the line and column
//! of the problem; nothing here panics on any input.

use std::fmt;
use std::path::Path;

use lede_engine::CivilDateTime;

/// What `lede` needs from a TimeML document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimemlDoc {
    /// The `<DOCID>` text, trimmed, when there is one.
    pub docid: Option<String>,
    /// The `value` attribute of the document creation time, when there is one.
    pub dct: Option<String>,
    /// The text content of `<TEXT>`, inner tags stripped, entities decoded.
    pub text: String,
    /// The `TIMEX3` elements inside `<TEXT>`, in text order, as byte ranges of [`TimemlDoc::text`].
    pub timexes: Vec<GoldTimex>,
    /// The `EVENT` elements inside `<TEXT>`, in text order.
    pub events: Vec<GoldEvent>,
    /// Links between an event and a time expression: (relation, the event's `eid`, the time's
    /// `tid`), from `TLINK`s with an `eventInstanceID` and a `relatedToTime` (instances resolved
    /// through `MAKEINSTANCE`).
    pub time_links: Vec<(String, String, String)>,
}

/// An `EVENT` of a TimeML document's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldEvent {
    /// Its `eid`.
    pub eid: String,
    /// Byte offset of its first character in the stripped text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// A `TIMEX3` of a TimeML document's text: where it is and what it says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte offset of its first character in the stripped text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Its `type` attribute (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// Its `value` attribute.
    pub value: String,
    /// Its `tid` attribute.
    pub tid: String,
}

/// Append the text under `node` to `out`, recording every `TIMEX3` and `EVENT` met on the way.
fn collect_text(node: roxmltree::Node, out: &mut String, timexes: &mut Vec<GoldTimex>, events: &mut Vec<GoldEvent>) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or(""));
        } else if child.is_element() {
            let start = out.len();
            collect_text(child, out, timexes, events);
            let attr = |a: &str| child.attribute(a).unwrap_or("").to_owned();
            if child.has_tag_name("TIMEX3") {
                timexes.push(GoldTimex { start, end: out.len(), kind: attr("type"), value: attr("value"), tid: attr("tid") });
            } else if child.has_tag_name("EVENT") {
                events.push(GoldEvent { eid: attr("eid"), start, end: out.len() });
            }
        }
    }
}

/// A malformed document: where (1-based line and column) and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in characters).
    pub column: u32,
    /// What went wrong, without the position.
    pub message: String,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// True when the input should be read as TimeML: a `.tml` file, or text that
/// starts (after a byte-order mark and blank space) with `<?xml` or `<TimeML`.
pub fn is_timeml(path: Option<&Path>, text: &str) -> bool {
    let tml_ext = path.and_then(|p| p.extension()).and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("tml"));
    let head = text.trim_start_matches('\u{feff}').trim_start();
    tml_ext || head.starts_with("<?xml") || head.starts_with("<TimeML")
}

/// Read a TimeML document. The root element must be `<TimeML>` and it must
/// hold a `<TEXT>` element.
pub fn parse(xml: &str) -> Result<TimemlDoc, XmlError> {
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(xml, opts).map_err(|e| xml_error(xml, &e))?;
    let root = doc.root_element();
    let at = |node: roxmltree::Node, message: String| {
        let pos = doc.text_pos_at(node.range().start);
        XmlError { line: pos.row, column: pos.col, message }
    };
    if root.tag_name().name() != "TimeML" {
        return Err(at(root, format!("expected a <TimeML> root element, found <{}>", root.tag_name().name())));
    }
    let text_el = root.descendants().find(|n| n.has_tag_name("TEXT")).ok_or_else(|| at(root, "expected a <TEXT> element inside <TimeML>".to_owned()))?;
    let mut text = String::new();
    let (mut timexes, mut events) = (Vec::new(), Vec::new());
    collect_text(text_el, &mut text, &mut timexes, &mut events);
    timexes.sort_by_key(|t| (t.start, t.end));
    events.sort_by_key(|e| (e.start, e.end));
    let instance_of: std::collections::HashMap<&str, &str> =
        root.descendants().filter(|n| n.has_tag_name("MAKEINSTANCE")).filter_map(|n| Some((n.attribute("eiid")?, n.attribute("eventID")?))).collect();
    let time_links = root
        .descendants()
        .filter(|n| n.has_tag_name("TLINK"))
        .filter_map(|n| {
            let eid = instance_of.get(n.attribute("eventInstanceID")?)?;
            Some((n.attribute("relType")?.to_owned(), (*eid).to_owned(), n.attribute("relatedToTime")?.to_owned()))
        })
        .collect();
    let docid = root
        .descendants()
        .find(|n| n.has_tag_name("DOCID"))
        .map(|n| n.descendants().filter_map(|t| if t.is_text() { t.text() } else { None }).collect::<String>())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let in_dct = root
        .descendants()
        .filter(|n| n.has_tag_name("DCT"))
        .flat_map(|d| d.descendants().filter(|n| n.has_tag_name("TIMEX3")))
        .find_map(|t| t.attribute("value"));
    let creation = || {
        root.descendants().filter(|n| n.has_tag_name("TIMEX3") && n.attribute("functionInDocument") == Some("CREATION_TIME")).find_map(|t| t.attribute("value"))
    };
    let dct = in_dct.or_else(creation).map(str::to_owned);
    Ok(TimemlDoc { docid, dct, text, timexes, events, time_links })
}

/// Turn a roxmltree error into an [`XmlError`] with a position and a message
/// that says what was expected.
fn xml_error(xml: &str, e: &roxmltree::Error) -> XmlError {
    use roxmltree::Error as E;
    let (line, column) = end_position(xml);
    let at_end = |message: &str| XmlError { line, column, message: message.to_owned() };
    match e {
        E::UnexpectedCloseTag(expected, actual, pos) => {
            XmlError { line: pos.row, column: pos.col, message: format!("expected closing tag </{expected}>, found </{actual}>") }
        }
        E::UnclosedRootNode => at_end("unexpected end of input: expected the closing tag of the root element"),
        E::UnexpectedEndOfStream => at_end("unexpected end of input"),
        E::NoRootNode => at_end("expected a root element"),
        other => {
            let pos = other.pos();
            // roxmltree's messages end with " at LINE:COL"; we print the position first.
            let full = other.to_string();
            let suffix = format!(" at {}:{}", pos.row, pos.col);
            let message = full.strip_suffix(&suffix).map(str::to_owned).unwrap_or(full);
            XmlError { line: pos.row, column: pos.col, message }
        }
    }
}

/// 1-based line and column just past the last character of `text`.
fn end_position(text: &str) -> (u32, u32) {
    let line = text.matches('\n').count() + 1;
    let last = text.rsplit('\n').next().unwrap_or("");
    let column = last.chars().count() + 1;
    (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX))
}

/// Parse a TIMEX3 or command-line date value: `YYYY-MM-DD`, optionally followed by
/// `THH:MM` (seconds and a zone suffix are accepted and dropped). `None` for
/// anything else, including impossible dates.
pub fn parse_value(value: &str) -> Option<CivilDateTime> {
    // Read by the engine's one reader of TIMEX3 values.
    let v = lede_engine::TimexValue::parse(value.trim());
    match v.kind() {
        lede_engine::ValueKind::Day(y, m, d) => CivilDateTime::date(y, m, d),
        lede_engine::ValueKind::Clock(y, m, d, h, mi) if v.as_str().contains(':') => CivilDateTime::date(y, m, d)?.at(h, mi),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // The writer lives in the engine's export registry; reading it back is checked here.
    use lede_engine::export::{escape_attr, escape_text, timeml as write};
    use lede_engine::Timex;
    use lede_engine::{ByteSpan, TimexType};

    fn timex(id: &str, start: usize, end: usize, value: &str) -> Timex {
        Timex { id: id.into(), span: ByteSpan::new(start, end), kind: TimexType::Date, value: value.into(), end_value: None, year_inferred: false }
    }

    #[test]
    fn reads_docid_dct_and_stripped_text() {
        let xml = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID> d1 </DOCID>\n\
                   <DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2020-02-03\" functionInDocument=\"CREATION_TIME\">Feb 3</TIMEX3></DCT>\n\
                   <TEXT>The cats met <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-02-02\">yesterday</TIMEX3> &amp; <EVENT eid=\"e1\">sang</EVENT>.</TEXT>\n</TimeML>";
        let doc = parse(xml).unwrap();
        assert_eq!(doc.docid.as_deref(), Some("d1"));
        assert_eq!(doc.dct.as_deref(), Some("2020-02-03"));
        assert_eq!(doc.text, "The cats met yesterday & sang.");
    }

    #[test]
    fn creation_time_outside_dct_is_the_dct() {
        let xml = "<TimeML><TEXT><TIMEX3 tid=\"t9\" value=\"1999-12-31\" functionInDocument=\"CREATION_TIME\">31/12</TIMEX3> Hi</TEXT></TimeML>";
        assert_eq!(parse(xml).unwrap().dct.as_deref(), Some("1999-12-31"));
    }

    #[test]
    fn write_then_parse_round_trips_the_text() {
        let text = "On Monday, A&B <said> \"yes\".\r\nThen 2 May.\n";
        let may = text.find("2 May").unwrap();
        let timexes = [timex("t1", 3, 9, "2020-02-03"), timex("t2", may, may + 5, "2020-05-02")];
        assert_eq!(&text[3..9], "Monday");
        let out = write("doc<1>", CivilDateTime::date(2020, 2, 5), text, &timexes);
        assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-02-03\">Monday</TIMEX3>"), "{out}");
        assert!(out.contains("<DOCID>doc&lt;1&gt;</DOCID>"));
        let back = parse(&out).unwrap();
        assert_eq!(back.text, text);
        assert_eq!(back.dct.as_deref(), Some("2020-02-05"));
        assert_eq!(back.docid.as_deref(), Some("doc<1>"));
    }

    #[test]
    fn write_skips_overlapping_and_out_of_range_timexes() {
        let text = "from 2 May 2020 on";
        let t = [timex("t1", 5, 15, "2020-05-02"), timex("t2", 7, 10, "XXXX-05"), timex("t3", 10, 99, "x")];
        let out = write("d", None, text, &t);
        assert_eq!(out.matches("<TIMEX3").count(), 1);
        assert!(!out.contains("<DCT>"));
        assert_eq!(parse(&out).unwrap().text, text);
    }

    #[test]
    fn errors_name_line_column_and_expectation() {
        let xml = "<TimeML>\n<TEXT>\nsome text\n</TEXTX>\n</TimeML>\n";
        let e = parse(xml).unwrap_err();
        assert_eq!((e.line, e.column), (4, 1));
        assert_eq!(e.message, "expected closing tag </TEXT>, found </TEXTX>");
        let e = parse("<TimeML>\n<TEXT>abc").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("end of input"), "{}", e.message);
        let e = parse("<TimeML>\n  <DOCID>x</DOCID>\n</TimeML>").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (1, "expected a <TEXT> element inside <TimeML>"));
        let e = parse("<Document><TEXT/></Document>").unwrap_err();
        assert!(e.message.contains("<TimeML>"));
        let e = parse("<TimeML><TEXT a=1/></TimeML>").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(!e.message.contains(" at 1:"), "{}", e.message);
    }

    #[test]
    fn values_parse_strictly() {
        assert_eq!(parse_value("2008-03-27"), CivilDateTime::date(2008, 3, 27));
        assert_eq!(parse_value("2005-04-27T08:30Z"), CivilDateTime::date(2005, 4, 27).and_then(|d| d.at(8, 30)));
        assert_eq!(parse_value("2005-04-27T08:30:15"), CivilDateTime::date(2005, 4, 27).and_then(|d| d.at(8, 30)));
        for bad in ["", "2008", "2008-02-30", "2008-3-27", "XXXX-03-27", "2008-03-27T", "2008-03-27T8:3", "+008-03-27", "2008-03-27-1"] {
            assert_eq!(parse_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn detects_timeml() {
        assert!(is_timeml(Some(Path::new("a.TML")), "plain"));
        assert!(is_timeml(None, "\u{feff}  <?xml version='1.0'?><TimeML/>"));
        assert!(is_timeml(None, "<TimeML>"));
        assert!(!is_timeml(Some(Path::new("a.txt")), "Some <b>article</b>"));
    }

    #[test]
    fn escaping_keeps_xml_well_formed() {
        assert_eq!(escape_text("a<b>&c\u{1}"), "a&lt;b&gt;&amp;c\u{fffd}");
        assert_eq!(escape_attr("\"x\"\n"), "&quot;x&quot;&#10;");
    }
}
