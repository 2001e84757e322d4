//! The single file's wasm packer and unpacker: `pack` in scripts/single_file.py (Python's lzma)
//! and the `unlzma` crate (here in its native build) give back every input byte for byte.
//!
//! The browser tests load the packed wasm too, but only one input with one setting; these cover
//! the paths the decoder has (literals, matched literals, short reps, each rep distance, long
//! matches, far distances, the end marker) with inputs made to exercise them.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Packs `data` with single_file.py's `pack` and the given literal and position bits.
fn pack(dir: &Path, data: &[u8], (lc, lp, pb): (u32, u32, u32)) -> Vec<u8> {
    let input = dir.join("input.bin");
    let output = dir.join("packed.bin");
    std::fs::write(&input, data).unwrap();
    let script = format!(
        "import sys; sys.path.insert(0, sys.argv[1]); from single_file import pack; \
         open(sys.argv[3], 'wb').write(pack(open(sys.argv[2], 'rb').read(), {lc}, {lp}, {pb}))"
    );
    let status = Command::new("python3")
        .args(["-c", &script])
        .arg(root().join("scripts"))
        .arg(&input)
        .arg(&output)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "pack failed");
    std::fs::read(output).unwrap()
}

/// Unpacks with the crate the single file carries as wasm: the bytes, or why it refused.
fn unpack(packed: &[u8], size: usize, (lc, lp, pb): (u32, u32, u32)) -> Result<Vec<u8>, unlzma::Error> {
    let mut out = vec![0; size];
    unlzma::unpack(packed, &mut out, lc, lp, pb).map(|()| out)
}

/// A deterministic pseudo-random byte source (xorshift), so a failure can be replayed.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Inputs that reach every kind of LZMA packet.
fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    // Our own sources: text with many repeats at many distances, as in a real wasm's strings.
    let mut sources = Vec::new();
    for dir in ["src/model", "src/chart", "src/ui"] {
        let mut files: Vec<_> =
            std::fs::read_dir(root().join(dir)).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
        files.sort();
        for file in files {
            sources.extend(std::fs::read(file).unwrap());
        }
    }
    // Records that differ in a few bytes: repeated matches at the last distances and short reps.
    let mut records = Vec::new();
    for i in 0..4000u32 {
        records.extend_from_slice(b"site;");
        records.extend_from_slice(&(i % 7).to_le_bytes());
        records.extend_from_slice(&noise(u64::from(i % 13) + 1, 3));
        records.extend_from_slice(&[(i % 251) as u8, 0, 0, 1]);
    }
    // A block far back repeated later: distances beyond the position-special models (slot ≥ 14)
    // and matches longer than 273 bytes, the longest one packet holds.
    let block = noise(7, 5000);
    let mut far = block.clone();
    far.extend(noise(8, 300_000));
    far.extend(&block);
    far.extend(vec![b'x'; 2000]);
    vec![
        ("empty", Vec::new()),
        ("one byte", vec![42]),
        ("one byte repeated", vec![0; 70_000]),
        ("noise", noise(1, 20_000)),
        ("sources", sources),
        ("records", records),
        ("far repeats", far),
    ]
}

#[test]
fn every_input_unpacks_to_itself_with_the_single_files_settings_and_others() {
    let dir = tempdir("roundtrip");
    for (name, data) in inputs() {
        for props in [(4, 0, 0), (3, 0, 2), (0, 2, 1), (1, 3, 4)] {
            let packed = pack(&dir, &data, props);
            let unpacked = unpack(&packed, data.len(), props).unwrap_or_else(|e| panic!("{name} {props:?}: {e:?}"));
            assert!(unpacked == data, "{name} with lc, lp, pb = {props:?} unpacks to different bytes");
        }
    }
}

#[test]
fn a_cut_or_mislabelled_stream_is_refused_not_returned() {
    let dir = tempdir("refused");
    let data = inputs().into_iter().find(|(name, _)| *name == "sources").unwrap().1;
    let props = (4, 0, 0);
    let packed = pack(&dir, &data, props);
    let cut = &packed[..packed.len() / 2];
    assert!(unpack(cut, data.len(), props).is_err(), "half a stream is refused");
    assert_eq!(
        unpack(&packed, data.len() + 1, props),
        Err(unlzma::Error::WrongSize),
        "a stream shorter than its stated size"
    );
    assert_eq!(
        unpack(&packed, data.len() - 1, props),
        Err(unlzma::Error::WrongSize),
        "a stream longer than its stated size"
    );
    assert_eq!(unpack(&[1, 0, 0, 0, 0, 0], 10, props), Err(unlzma::Error::NotLzma), "a stream starts with a zero byte");
    assert_eq!(unpack(&packed, data.len(), (4, 1, 0)), Err(unlzma::Error::Unsupported), "lc + lp above 4");
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitecost-unlzma-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
