//! `lede-train`: trains the engine's named-entity tagger and writes `model/ner.bin`.
//!
//! ```text
//! lede-train --data DIR --out FILE [--seed N] [--epochs N] [--bits B] [--quant 8|16] [--prune Q]
//!            [--corpora gmb,uner-pud:8,btc:0.5,wnut17:0.5]
//!
//! The defaults (seed 1, 10 epochs, 2^17 buckets, int8, prune 2, the corpora above) are the
//! committed model's configuration; `make train` runs them.
//! ```
//!
//! An averaged structured perceptron (Collins 2002) over BIO tags, with the engine's own
//! hashed features and BIO-constrained Viterbi, averaged with the lazy trick (keep `w` and
//! `u = Σ c·Δ`; the average is `w - u / c`). Training is deterministic: the same data and
//! arguments give the same bytes. Corpora without a MISC class (UNER, BTC) never teach
//! "not MISC": a predicted MISC tag on a gold-O token is set to O before the update.
//! Each `corpus:weight` scales that corpus's updates. Dev scores are printed per epoch
//! (float weights) and, for the written file, with the quantised weights through the engine's
//! own tagger, so they match `lede eval conll`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use lede_engine::ner_api::{
    file, parse_conll, pseudo_documents, spans, strip_titles, viterbi, BlockHint, ConllDocument, EntityType, Extractor, NerModel, NerTag, Scores, Tagger, NTAGS,
};

/// Sentences per pseudo-document (GMB and WNUT17 have no document boundaries).
const DOC_SIZE: usize = 30;
/// Corpora that have no MISC class.
const NO_MISC: &[&str] = &["uner-pud", "uner-ewt", "btc"];
/// Dev files scored after every epoch, relative to the data folder.
const DEV: &[&str] = &["gmb/dev.conll", "uner-pud/dev.conll", "btc/dev.conll", "wnut17/dev.conll", "uner-ewt/dev.conll"];

struct Args {
    data: PathBuf,
    out: PathBuf,
    seed: u64,
    epochs: usize,
    bits: u8,
    quant: u8,
    prune: f32,
    corpora: Vec<(String, f32)>,
    command: String,
}

fn parse_args() -> Result<Args, String> {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let mut a = Args {
        data: PathBuf::new(),
        out: PathBuf::new(),
        seed: 1,
        epochs: 10,
        bits: 17,
        quant: 8,
        prune: 2.0,
        corpora: Vec::new(),
        command: format!("lede-train {}", raw.join(" ")),
    };
    let mut corpora = "gmb,uner-pud:8,btc:0.5,wnut17:0.5".to_owned();
    let mut it = raw.iter();
    while let Some(k) = it.next() {
        let mut v = || it.next().cloned().ok_or_else(|| format!("{k} needs a value"));
        match k.as_str() {
            "--data" => a.data = PathBuf::from(v()?),
            "--out" => a.out = PathBuf::from(v()?),
            "--seed" => a.seed = v()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--epochs" => a.epochs = v()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => a.bits = v()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--quant" => a.quant = v()?.parse().map_err(|e| format!("--quant: {e}"))?,
            "--corpora" => corpora = v()?,
            "--prune" => a.prune = v()?.parse().map_err(|e| format!("--prune: {e}"))?,
            "-h" | "--help" => return Err(String::new()),
            _ => return Err(format!("unknown argument {k}")),
        }
    }
    if a.data.as_os_str().is_empty() || a.out.as_os_str().is_empty() {
        return Err("--data and --out are required".into());
    }
    if !(8..=22).contains(&a.bits) || !(a.quant == 8 || a.quant == 16) || a.epochs == 0 {
        return Err("--bits wants 8..22, --quant 8 or 16, --epochs at least 1".into());
    }
    for c in corpora.split(',').filter(|c| !c.is_empty()) {
        let (name, w) = c.split_once(':').unwrap_or((c, "1"));
        let w: f32 = w.parse().map_err(|e| format!("--corpora weight {w:?}: {e}"))?;
        a.corpora.push((name.to_owned(), w));
    }
    Ok(a)
}

/// splitmix64: the shuffling PRNG.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Sentences with their features precomputed (bucket indices), flattened.
#[derive(Default)]
struct Set {
    feats: Vec<u32>,
    /// Feature range of every token: `feats[tok[i]..tok[i + 1]]`.
    tok: Vec<u32>,
    gold: Vec<u8>,
    /// (first token, token count, corpus index) per sentence.
    sents: Vec<(u32, u32, u16)>,
    /// Original documents (for the quantised evaluation through the engine's tagger).
    docs: Vec<ConllDocument>,
}

fn load(path: &Path) -> Result<Vec<ConllDocument>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut docs = parse_conll(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    for d in &mut docs {
        for s in &mut d.sentences {
            strip_titles(&s.words, &mut s.tags);
        }
    }
    Ok(pseudo_documents(docs, DOC_SIZE))
}

impl Set {
    fn add(&mut self, docs: Vec<ConllDocument>, corpus: u16, mask: u32, ex: &mut Extractor) {
        let (mut f, mut off) = (Vec::new(), Vec::new());
        if self.tok.is_empty() {
            self.tok.push(0);
        }
        for d in &docs {
            let doc = d.doc_features();
            for s in &d.sentences {
                ex.extract(&s.words, &doc, BlockHint::Body, &mut f, &mut off);
                self.sents.push((self.gold.len() as u32, s.words.len() as u32, corpus));
                for i in 0..s.words.len() {
                    self.feats.extend(f[off[i] as usize..off[i + 1] as usize].iter().map(|h| h & mask));
                    self.tok.push(self.feats.len() as u32);
                    self.gold.push(s.tags[i].index() as u8);
                }
            }
        }
        self.docs.extend(docs);
    }
}

/// Perceptron state: weights, and the running sums for the average.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f64>,
    tw: Vec<f32>,
    tu: Vec<f64>,
    c: f64,
}

impl Perceptron {
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], u: &[f64]| w.iter().zip(u).map(|(&w, &u)| (f64::from(w) - u / self.c) as f32).collect();
        (avg(&self.w, &self.u), avg(&self.tw, &self.tu))
    }
}

/// Scratch buffers for decoding.
#[derive(Default)]
struct Scratch {
    emit: Vec<f32>,
    delta: Vec<f32>,
    back: Vec<u8>,
    pred: Vec<u8>,
}

fn decode(set: &Set, s: usize, w: &[f32], tw: &[f32], sc: &mut Scratch) {
    let (start, n, _) = set.sents[s];
    let (start, n) = (start as usize, n as usize);
    sc.emit.clear();
    sc.emit.resize(n * NTAGS, 0.0);
    for t in 0..n {
        let e = &mut sc.emit[t * NTAGS..(t + 1) * NTAGS];
        for &f in &set.feats[set.tok[start + t] as usize..set.tok[start + t + 1] as usize] {
            let row = &w[f as usize * NTAGS..f as usize * NTAGS + NTAGS];
            for (e, r) in e.iter_mut().zip(row) {
                *e += r;
            }
        }
    }
    viterbi(n, &sc.emit, tw, &mut sc.delta, &mut sc.back, &mut sc.pred);
}

fn tags_of(v: &[u8]) -> Vec<NerTag> {
    v.iter().map(|&y| NerTag::from_index(y as usize)).collect()
}

/// Scores of a dev set with float weights.
fn score_float(set: &Set, w: &[f32], tw: &[f32], sc: &mut Scratch) -> Scores {
    let mut scores = Scores::default();
    for s in 0..set.sents.len() {
        decode(set, s, w, tw, sc);
        let (start, n, _) = set.sents[s];
        let gold = tags_of(&set.gold[start as usize..(start + n) as usize]);
        scores.add(&spans(&gold), &spans(&tags_of(&sc.pred)));
    }
    scores
}

/// Scores of a dev set with a model file, through the engine's own tagger.
fn score_model(docs: &[ConllDocument], model: &NerModel<'_>) -> Scores {
    let mut scores = Scores::default();
    let mut tagger = Tagger::new();
    let mut out = Vec::new();
    for d in docs {
        let doc = d.doc_features();
        for s in &d.sentences {
            tagger.tag_with(model, &s.words, &doc, BlockHint::Body, &mut out);
            scores.add(&spans(&s.tags), &spans(&out));
        }
    }
    scores
}

fn line(s: &Scores) -> String {
    let f = |k| s.of(k).2 * 100.0;
    let (p, r, f1) = s.overall();
    format!(
        "P {:.1} R {:.1} F1 {:.2} (PER {:.1} ORG {:.1} LOC {:.1} MISC {:.1})",
        p * 100.0,
        r * 100.0,
        f1 * 100.0,
        f(EntityType::Per),
        f(EntityType::Org),
        f(EntityType::Loc),
        f(EntityType::Misc)
    )
}

fn run(a: &Args) -> Result<(), String> {
    let t0 = Instant::now();
    let mask = ((1u64 << a.bits) - 1) as u32;
    let mut ex = Extractor::new();
    let mut train = Set::default();
    let mut no_misc = Vec::new();
    let mut weights = Vec::new();
    let mut described = Vec::new();
    for (ci, (name, w)) in a.corpora.iter().enumerate() {
        // `name` is a folder (its train.conll) or a file without extension ("uner-ewt/dev").
        let path = if name.contains('/') { a.data.join(format!("{name}.conll")) } else { a.data.join(name).join("train.conll") };
        let folder = name.split('/').next().unwrap_or(name);
        let docs = load(&path)?;
        let sents: usize = docs.iter().map(|d| d.sentences.len()).sum();
        let toks: usize = docs.iter().flat_map(|d| &d.sentences).map(|s| s.words.len()).sum();
        let file = path.strip_prefix(&a.data).unwrap_or(&path).display().to_string();
        described.push(format!("{file}: {sents} sentences, {toks} tokens, update weight {w}"));
        train.add(docs, ci as u16, mask, &mut ex);
        no_misc.push(NO_MISC.contains(&folder));
        weights.push(*w);
    }
    let mut devs = Vec::new();
    for d in DEV {
        let path = a.data.join(d);
        let trained = a.corpora.iter().any(|(c, _)| format!("{c}.conll") == *d);
        if path.is_file() && !trained {
            let mut set = Set::default();
            set.add(load(&path)?, 0, mask, &mut ex);
            devs.push((*d, set));
        }
    }
    eprintln!(
        "loaded {} training sentences ({} tokens, {} features) and {} dev sets in {:.1}s",
        train.sents.len(),
        train.gold.len(),
        train.feats.len(),
        devs.len(),
        t0.elapsed().as_secs_f64()
    );

    let size = (1usize << a.bits) * NTAGS;
    let tsize = (NTAGS + 1) * NTAGS;
    let mut p = Perceptron { w: vec![0.0; size], u: vec![0.0; size], tw: vec![0.0; tsize], tu: vec![0.0; tsize], c: 1.0 };
    let mut rng = Rng(a.seed);
    let mut order: Vec<usize> = (0..train.sents.len()).collect();
    let mut sc = Scratch::default();
    for epoch in 1..=a.epochs {
        let te = Instant::now();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut errors = 0usize;
        for &s in &order {
            decode(&train, s, &p.w, &p.tw, &mut sc);
            let (start, n, corpus) = train.sents[s];
            let (start, n) = (start as usize, n as usize);
            let gold = &train.gold[start..start + n];
            if no_misc[corpus as usize] {
                for (y, &g) in sc.pred.iter_mut().zip(gold) {
                    if g == 0 && *y >= 7 {
                        *y = 0;
                    }
                }
            }
            if sc.pred[..] != *gold {
                errors += 1;
                let r = weights[corpus as usize];
                let cr = p.c * f64::from(r);
                for t in 0..n {
                    let (g, y) = (gold[t] as usize, sc.pred[t] as usize);
                    if g != y {
                        for &f in &train.feats[train.tok[start + t] as usize..train.tok[start + t + 1] as usize] {
                            let base = f as usize * NTAGS;
                            p.w[base + g] += r;
                            p.u[base + g] += cr;
                            p.w[base + y] -= r;
                            p.u[base + y] -= cr;
                        }
                    }
                    let gp = if t == 0 { 0 } else { gold[t - 1] as usize + 1 };
                    let yp = if t == 0 { 0 } else { sc.pred[t - 1] as usize + 1 };
                    if (gp, g) != (yp, y) {
                        p.tw[gp * NTAGS + g] += r;
                        p.tu[gp * NTAGS + g] += cr;
                        p.tw[yp * NTAGS + y] -= r;
                        p.tu[yp * NTAGS + y] -= cr;
                    }
                }
            }
            p.c += 1.0;
        }
        let (w, tw) = p.averaged();
        let mut report = format!("epoch {epoch}: {errors} sentences wrong of {} ({:.1}s)", order.len(), te.elapsed().as_secs_f64());
        for (name, set) in &devs {
            let s = score_float(set, &w, &tw, &mut sc);
            let _ = write!(report, "\n  {name:<22} F1 {:.2}", s.overall().2 * 100.0);
        }
        eprintln!("{report}");
    }

    // Quantise the averaged weights.
    let (w, tw) = p.averaged();
    let max = w.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
    let qmax = if a.quant == 8 { 127.0 } else { 32767.0 };
    let scale = max / qmax;
    let mut bytes = Vec::with_capacity(size * usize::from(a.quant / 8));
    let mut nonzero = 0usize;
    for &x in &w {
        let mut q = (x / scale).round().clamp(-qmax, qmax);
        if q.abs() <= a.prune {
            q = 0.0;
        }
        nonzero += usize::from(q != 0.0);
        if a.quant == 8 {
            bytes.push(q as i8 as u8);
        } else {
            bytes.extend_from_slice(&(q as i16).to_le_bytes());
        }
    }
    let trans: Vec<i32> = tw.iter().map(|&x| (x / scale).round() as i32).collect();
    let payload = file::encode_payload(a.bits, a.quant / 8, scale, &bytes, &trans);
    let mut probe = b"probe".to_vec();
    probe.extend_from_slice(file::MARKER);
    probe.extend_from_slice(&payload);
    let model = NerModel::parse(&probe)?;
    let mut dev_lines = Vec::new();
    for (name, set) in &devs {
        let s = score_model(&set.docs, &model);
        dev_lines.push(format!("{name}: {}", line(&s)));
    }

    let mut h = String::new();
    let _ = writeln!(h, "Lede named-entity tagger model (crates/lede-engine/model/ner.bin).");
    let _ = writeln!(h, "Generated by `make train` (crates/lede-train); do not edit: build.rs checks the binary part.");
    let _ = writeln!(h, "Averaged structured perceptron, BIO tags O B-PER I-PER B-ORG I-ORG B-LOC I-LOC B-MISC I-MISC,");
    let _ = writeln!(h, "hashed features (feature-set version in the payload), Viterbi under BIO constraints.");
    let _ = writeln!(h, "Command: {}", a.command);
    let _ = writeln!(h, "Random seed: {}", a.seed);
    let _ = writeln!(h, "Epochs: {}", a.epochs);
    let _ = writeln!(
        h,
        "Table: 2^{} buckets x {NTAGS} tags, int{} weights ({nonzero} non-zero; |q| <= {} pruned to 0), scale {scale:e}; i32 transitions",
        a.bits, a.quant, a.prune
    );
    let _ = writeln!(h, "Corpora (from --data; leading title tokens of PER spans set to O; pseudo-documents of {DOC_SIZE} sentences;");
    let _ = writeln!(h, "  predicted MISC on gold O not penalised for corpora without MISC: {}):", NO_MISC.join(", "));
    for d in &described {
        let _ = writeln!(h, "  {d}");
    }
    let _ = writeln!(h, "Dev scores, exact typed spans, P/R/F1 micro over PER/ORG/LOC (quantised model):");
    for d in &dev_lines {
        let _ = writeln!(h, "  {d}");
    }
    let _ = write!(h, "Held out, never used for tuning: uner-ewt/test.conll.");
    let mut out = h.into_bytes();
    out.extend_from_slice(file::MARKER);
    out.extend_from_slice(&payload);
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&a.out, &out).map_err(|e| format!("cannot write {}: {e}", a.out.display()))?;
    for d in &dev_lines {
        println!("{d}");
    }
    println!("wrote {} ({} bytes, 2^{} buckets, int{}) in {:.1}s", a.out.display(), out.len(), a.bits, a.quant, t0.elapsed().as_secs_f64());
    Ok(())
}

fn main() -> ExitCode {
    let a = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("lede-train: {e}");
            }
            eprintln!(
                "usage: lede-train --data DIR --out FILE [--seed N] [--epochs N] [--bits B] [--quant 8|16] [--prune Q]\n\
                 \x20                 [--corpora gmb,uner-pud:8,btc:0.5,wnut17:0.5]"
            );
            return ExitCode::from(2);
        }
    };
    if !a.data.is_dir() {
        eprintln!("lede-train: the training data folder {} does not exist (see ../shared/data/ner-train/README.md)", a.data.display());
        return ExitCode::FAILURE;
    }
    match run(&a) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lede-train: {e}");
            ExitCode::FAILURE
        }
    }
}
