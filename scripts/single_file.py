#!/usr/bin/env python3
"""Writes sitecost.html, the whole app in one file, and puts a Content-Security-Policy in both builds.

Run by Trunk as a post-build hook (TRUNK_STAGING_DIR names the build's output folder), or by
hand with that folder as the only argument. Chromium refuses external module scripts and wasm
fetches from file://, so everything is inlined: the stylesheet, the icon as a data URI, and one
inline module script holding the wasm-bindgen glue (--target web) plus the wasm, LZMA-packed
and in base64, unpacked by the small wasm of the `unlzma` crate (built here) and started with
initSync.

Both pages get a CSP meta tag that allows no connection, no foreign script and no inline code
but our own (by hash). The hosted build must fetch its own .wasm, so its connect-src is 'self';
the single file's is 'none'.
"""
import base64
import glob
import hashlib
import lzma
import os
import re
import shutil
import subprocess
import urllib.parse
import html as html_lib
import sys

# What neither build may do: load anything not named below, post forms, or rebase URLs.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCKED = "default-src 'none'; base-uri 'none'; form-action 'none'"


def sha256(text):
    """The CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# The LZMA settings of the packed wasm: 4 literal-context bits and no position bits suit wasm's
# byte-aligned code (measured: 176 180 bytes, against 176 658 with xz's default lc=3, pb=2).
LC, LP, PB = 4, 0, 0


def pack(data, lc=LC, lp=LP, pb=PB):
    """The bytes as raw LZMA, the format the `unlzma` crate decodes.

    Measured on our wasm (528 696 bytes): 176 180 bytes, against 211 337 for the best deflate
    (zopfli) and 222 706 for gzip -9. The dictionary holds the whole file.
    """
    dict_size = 4096
    while dict_size < len(data):
        dict_size *= 2
    lzma_filter = {"id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME, "lc": lc, "lp": lp, "pb": pb, "dict_size": dict_size}
    return lzma.compress(data, format=lzma.FORMAT_RAW, filters=[lzma_filter])


def unpacker():
    """The `unlzma` crate built to wasm: a few KB that decode `pack`'s output in the page.

    A decoder in JavaScript took 45-70 ms over our wasm in Chromium; compiled Rust takes a
    fraction of that. wasm-opt (on PATH from scripts/setup) strips it further when present.
    """
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(
        ["cargo", "build", "--quiet", "--locked", "--release", "--target", "wasm32-unknown-unknown", "-p", "unlzma"],
        cwd=root,
        check=True,
    )
    built = os.path.join(root, "target", "wasm32-unknown-unknown", "release", "unlzma.wasm")
    if not shutil.which("wasm-opt"):
        return read(built, "rb")
    optimised = built + ".opt"
    subprocess.run(["wasm-opt", "-O3", "--strip-debug", "--strip-producers", built, "-o", optimised], check=True)
    return read(optimised, "rb")


def leb128(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def read_leb128(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def short_imports(glue, wasm):
    """The glue and the wasm with the glue's imports renamed `i0`, `i1`, … in both.

    wasm-bindgen names each import after its function and a 16-digit hash, which gzip cannot
    shrink and which the single file carries twice (the glue's import object and the wasm's import
    section). Only names that occur exactly once as a key of the glue's import object are renamed;
    if any is not, both are returned unchanged.
    """
    assert wasm[:8] == b"\0asm\x01\0\0\0"
    i, sections = 8, []
    while i < len(wasm):
        section_id = wasm[i]
        size, start = read_leb128(wasm, i + 1)
        sections.append((section_id, wasm[start : start + size]))
        i = start + size
    names = {}
    out = bytearray(wasm[:8])
    for section_id, body in sections:
        if section_id == 2:
            count, j = read_leb128(body, 0)
            entries = bytearray(leb128(count))
            for _ in range(count):
                module_len, j = read_leb128(body, j)
                module = body[j : j + module_len].decode()
                j += module_len
                field_len, j = read_leb128(body, j)
                field = body[j : j + field_len].decode()
                j += field_len
                kind = body[j]
                if kind != 0:  # wasm-bindgen imports functions only
                    print("single_file.py: an import that is not a function; names kept", file=sys.stderr)
                    return glue, wasm
                type_index, j = read_leb128(body, j + 1)
                if module == "./sitecost_bg.js":
                    field = names.setdefault(field, f"i{len(names)}")
                entries += leb128(module_len) + module.encode() + leb128(len(field.encode())) + field.encode()
                entries += bytes([kind]) + leb128(type_index)
            if j != len(body):
                print("single_file.py: the import section has more than its entries; names kept", file=sys.stderr)
                return glue, wasm
            body = bytes(entries)
        out.append(section_id)
        out += leb128(len(body)) + body
    renamed = glue
    for old, new in names.items():
        renamed, count = re.subn(rf"^(\s*){re.escape(old)}: function", rf"\g<1>{new}: function", renamed, flags=re.M)
        if count != 1:
            print(f"single_file.py: import {old} is not one key of the glue; names kept", file=sys.stderr)
            return glue, wasm
    return renamed, bytes(out)


# Awaited before the app is fetched or started, so that the prerendered page paints first: the
# browser's first contentful paint (its presentation can come well after the frame's task), or
# two seconds at most (a background tab does not paint). An embed has nothing prerendered to wait for.
AFTER_FIRST_PAINT = """// The prerendered page paints first (AFTER_FIRST_PAINT in scripts/single_file.py).
if (!document.documentElement.classList.contains("embedding")) {
  await new Promise((resolve) => {
    new PerformanceObserver(() => resolve()).observe({ type: "paint", buffered: true });
    setTimeout(resolve, 2000);
  });
}"""


def restoring_script():
    """The inline script that runs before the prerendered page paints: a link's or the autosave's
    scenario is not the defaults the markup shows, so its figures are marked as loading; an embed
    shows none of the full page. The storage key is read from src/ui/storage.rs."""
    source = read(os.path.join(ROOT, "src", "ui", "storage.rs"))
    key = re.search(r'const KEY: &str = "([^"]+)";', source).group(1)
    return (
        "try { const h = location.hash, c = document.documentElement.classList;"
        " if (/(^#|&)embed(&|$)/.test(h)) c.add('embedding');"
        f" if (/(^#|&)s=/.test(h) || localStorage.getItem('{key}')) c.add('restoring'); }} catch (e) {{}}"
    )


def prerendered():
    """The default scenario's page as static HTML (target/prerender.html, from Trunk's pre-build
    hook), for both pages' bodies."""
    return read(os.path.join(ROOT, "target", "prerender.html"))


def charts_as_files(page, folder):
    """The hosted page's charts as files beside it, fetched when they come near the viewport,
    instead of data: URLs in the page: the page's own bytes are what its first paint waits for."""
    def to_file(match):
        tag = match.group(0)
        name = re.search(r'data-chart-image="([a-z-]+)"', tag).group(1)
        data = re.search(r'src="data:image/svg\+xml,([^"]*)"', tag).group(1)
        svg = urllib.parse.unquote(html_lib.unescape(data))
        file_name = f"prerendered-{name}-{hashlib.sha256(svg.encode()).hexdigest()[:16]}.svg"
        with open(os.path.join(folder, file_name), "w", encoding="utf-8") as f:
            f.write(svg)
        return tag.replace(f'src="data:image/svg+xml,{data}"', f'src="./{file_name}" loading="lazy"')

    page, count = re.subn(r"<img [^>]*data-chart-image=[^>]*>", to_file, page)
    if count == 0:
        sys.exit("single_file.py: the prerendered page has no chart images")
    return page


def csp_meta(policy):
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def lock_hosted(folder):
    """Adds the CSP to Trunk's index.html, allowing its one inline module script and the
    restoring script by hash, and puts the prerendered page in its body."""
    path = os.path.join(folder, "index.html")
    html = read(path)
    scripts = re.findall(r"<script type=\"module\">(.*?)</script>", html, re.S)
    if len(scripts) != 1 or "Content-Security-Policy" in html:
        sys.exit(f"single_file.py: {path} is not a fresh Trunk page with one inline module script")
    # The prerendered page paints before the app is fetched: the glue is imported, and the wasm
    # fetched, after the first frame, and nothing is preloaded (a preload would compete with the
    # page's own bytes on a slow link, and delay what the page shows first).
    html = re.sub(r'<link rel="(?:modulepreload|preload)"[^>]*>', "", html)
    glue = re.fullmatch(r"\s*import init, \* as bindings from '([^']+)';(.*)", scripts[0], re.S)
    if not glue:
        sys.exit(f"single_file.py: {path}'s module script does not import the glue as expected")
    started = (
        f"\n{AFTER_FIRST_PAINT}\n"
        f"const bindings = await import('{glue.group(1)}');\nconst init = bindings.default;{glue.group(2)}"
    )
    html = html.replace(scripts[0], started, 1)
    restoring = restoring_script()
    policy = (
        f"{LOCKED}; script-src 'self' {sha256(started)} {sha256(restoring)} 'wasm-unsafe-eval'; "
        "connect-src 'self'; style-src 'self'; img-src 'self' data:"
    )
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + csp_meta(policy), 1)
    html = html.replace("<head>", f"<head>\n  <script>{restoring}</script>", 1)
    if html.count("<body>") != 1:
        sys.exit(f"single_file.py: {path} has no one <body>")
    html = html.replace("<body>", "<body>\n" + charts_as_files(prerendered(), folder), 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


def only(folder, pattern):
    """The one file in `folder` matching `pattern`; anything else is a build we do not understand."""
    found = glob.glob(os.path.join(folder, pattern))
    if len(found) != 1:
        sys.exit(f"single_file.py: expected one {pattern} in {folder}, found {found}")
    return found[0]


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def main():
    folder = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    glue = read(only(folder, "sitecost-*.js"))
    wasm = read(only(folder, "sitecost-*_bg.wasm"), "rb")
    css = read(only(folder, "style-*.css"))
    icon = read(only(folder, "icon-*.svg"), "rb")

    # Nothing in the glue or the stylesheet may end the element that holds it.
    glue = glue.replace("</script", "<\\/script")
    css = css.replace("</style", "<\\/style")
    # Packed, the wasm is a third of its size; base64 of it is plain ASCII that gzip (on a
    # server, or a mail attachment) takes back to within 1 % of the packed size.
    glue, wasm = short_imports(glue, wasm)
    wasm_b64 = base64.b64encode(pack(wasm)).decode("ascii")
    unpacker_b64 = base64.b64encode(unpacker()).decode("ascii")
    icon_b64 = base64.b64encode(icon).decode("ascii")
    style = f"\n{css}\n"
    script = f"""
{glue}
// The app's wasm, LZMA-packed, and the unpacker's wasm, both in base64 (see pack and unpacker
// in scripts/single_file.py).
const packed = "{wasm_b64}";
const unpacker = "{unpacker_b64}";
{AFTER_FIRST_PAINT}
const unpackStart = performance.now();
const fromBase64 = (text) => Uint8Array.fromBase64 ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), c => c.charCodeAt(0));
const bytes = fromBase64(packed);
const {{ memory, unpack_in_memory }} = new WebAssembly.Instance(new WebAssembly.Module(fromBase64(unpacker))).exports;
// The stream and the unpacked wasm go in fresh pages past everything the unpacker uses.
const at = memory.grow(Math.ceil((bytes.length + {len(wasm)}) / 65536)) * 65536;
new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
const status = unpack_in_memory(at, bytes.length, at + bytes.length, {len(wasm)}, {LC}, {LP}, {PB});
if (status !== 0) throw new Error(`sitecost: the packed app is damaged (unlzma error ${{status}})`);
const module = new Uint8Array(memory.buffer, at + bytes.length, {len(wasm)});
// What unpacking costs the first chart; `make bench` reports it.
performance.measure("sitecost:unpack", {{ start: unpackStart }});
// Compiled off the main thread (initSync would compile on it), then instantiated and started.
initSync({{ module: await WebAssembly.compile(module) }});
"""
    restoring = restoring_script()
    policy = (
        f"{LOCKED}; script-src {sha256(script)} {sha256(restoring)} 'wasm-unsafe-eval'; connect-src 'none'; "
        f"style-src {sha256(style)}; img-src data:"
    )

    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{csp_meta(policy)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Bitcoin-mining site-cost explorer: break-even and profit across candidate regions.">
<title>sitecost — Bitcoin mining site-cost explorer</title>
<script>{restoring}</script>
<link rel="icon" href="data:image/svg+xml;base64,{icon_b64}">
<style>{style}</style>
<script type="module">{script}</script>
</head>
<body>
<noscript>sitecost runs in your browser and needs JavaScript and WebAssembly enabled.</noscript>
{prerendered()}
</body>
</html>
"""
    out = os.path.join(folder, "sitecost.html")
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)
    print(f"single_file.py: wrote {out} ({len(page.encode())} bytes)")
    lock_hosted(folder)


if __name__ == "__main__":
    main()
