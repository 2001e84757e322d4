#!/usr/bin/env python3
"""Writes sitecost.html, the whole app in one file, and puts a Content-Security-Policy in both builds.

Run by Trunk as a post-build hook (TRUNK_STAGING_DIR names the build's output folder), or by
hand with that folder as the only argument. Chromium refuses external module scripts and wasm
fetches from file://, so everything is inlined: the stylesheet, the icon as a data URI, and one
inline module script holding the wasm-bindgen glue (--target web) plus the wasm, deflated and
in base64, inflated by the browser's own DecompressionStream and started with initSync.

Both pages get a CSP meta tag that allows no connection, no foreign script and no inline code
but our own (by hash). The hosted build must fetch its own .wasm, so its connect-src is 'self';
the single file's is 'none'.
"""
import base64
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

# What neither build may do: load anything not named below, post forms, or rebase URLs.
LOCKED = "default-src 'none'; base-uri 'none'; form-action 'none'"


def sha256(text):
    """The CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def deflate(data):
    """The bytes as raw deflate, the format DecompressionStream("deflate-raw") reads.

    Zopfli (Debian's `zopfli`, installed by scripts/setup) finds a deflate stream about 5 %
    smaller than zlib's best (measured on our wasm: 181 806 against 191 257 bytes); without it,
    zlib's level 9 gives a file that works the same, only larger.
    """
    if shutil.which("zopfli"):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "app.wasm")
            with open(path, "wb") as f:
                f.write(data)
            return subprocess.run(["zopfli", "--deflate", "-c", path], check=True, capture_output=True).stdout
    print("single_file.py: zopfli not found, using zlib (a larger file)", file=sys.stderr)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def csp_meta(policy):
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def lock_hosted(folder):
    """Adds the CSP to Trunk's index.html, allowing its one inline module script by hash."""
    path = os.path.join(folder, "index.html")
    html = read(path)
    scripts = re.findall(r"<script type=\"module\">(.*?)</script>", html, re.S)
    if len(scripts) != 1 or "Content-Security-Policy" in html:
        sys.exit(f"single_file.py: {path} is not a fresh Trunk page with one inline module script")
    policy = (
        f"{LOCKED}; script-src 'self' {sha256(scripts[0])} 'wasm-unsafe-eval'; connect-src 'self'; "
        "style-src 'self'; img-src 'self' data:"
    )
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + csp_meta(policy), 1)
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
    # Deflated, the wasm is a third of its size; base64 of it is plain ASCII that gzip (on a
    # server, or a mail attachment) takes back to within 1 % of the deflated size. Measured
    # against the wasm one character per byte: 242 KB instead of 690 KB raw, 183 KB instead of
    # 211 KB gzipped.
    wasm_b64 = base64.b64encode(deflate(wasm)).decode("ascii")
    icon_b64 = base64.b64encode(icon).decode("ascii")
    style = f"\n{css}\n"
    script = f"""
{glue}
// The wasm, deflated and in base64 (see deflate in scripts/single_file.py).
const packed = "{wasm_b64}";
const deflated = Uint8Array.fromBase64 ? Uint8Array.fromBase64(packed) : Uint8Array.from(atob(packed), c => c.charCodeAt(0));
const inflated = new Blob([deflated]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
initSync({{ module: new Uint8Array(await new Response(inflated).arrayBuffer()) }});
"""
    policy = (
        f"{LOCKED}; script-src {sha256(script)} 'wasm-unsafe-eval'; connect-src 'none'; "
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
<link rel="icon" href="data:image/svg+xml;base64,{icon_b64}">
<style>{style}</style>
<script type="module">{script}</script>
</head>
<body>
<noscript>sitecost runs in your browser and needs JavaScript and WebAssembly enabled.</noscript>
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
