#!/usr/bin/env python3
"""Writes sitecost.html, the whole app in one file, and puts a Content-Security-Policy in both builds.

Run by Trunk as a post-build hook (TRUNK_STAGING_DIR names the build's output folder), or by
hand with that folder as the only argument. Chromium refuses external module scripts and wasm
fetches from file://, so everything is inlined: the stylesheet, the icon as a data URI, and one
inline module script holding the wasm-bindgen glue (--target web) plus the wasm as base64,
started with initSync.

Both pages get a CSP meta tag that allows no connection, no foreign script and no inline code
but our own (by hash). The hosted build must fetch its own .wasm, so its connect-src is 'self';
the single file's is 'none'.
"""
import base64
import glob
import hashlib
import os
import re
import sys

# What neither build may do: load anything not named below, post forms, or rebase URLs.
LOCKED = "default-src 'none'; base-uri 'none'; form-action 'none'"


def sha256(text):
    """The CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def latin1_literal(data):
    """The bytes as the body of a JavaScript string literal, one character U+0000–U+00FF per byte.

    Unlike base64, this keeps the wasm's byte patterns, so the file compresses almost as well as
    the wasm itself (measured: 11 % above the wasm's gzip size, where base64 was 36 % above).
    Escaped: the quote and backslash of the literal, CR and LF (line ends end a literal, and HTML
    rewrites CR), NUL (HTML replaces it) and "<" (so "</script" cannot occur).
    """
    escapes = {0: "\\x00", 10: "\\n", 13: "\\r", 34: '\\"', 60: "\\x3c", 92: "\\\\"}
    return "".join(escapes.get(b, chr(b)) for b in data)


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
    wasm_text = latin1_literal(wasm)
    icon_b64 = base64.b64encode(icon).decode("ascii")
    style = f"\n{css}\n"
    script = f"""
{glue}
// The wasm, one character per byte (see latin1_literal in scripts/single_file.py).
const wasmText = "{wasm_text}";
const wasmBytes = new Uint8Array(wasmText.length);
for (let i = 0; i < wasmText.length; i++) wasmBytes[i] = wasmText.charCodeAt(i);
initSync({{ module: wasmBytes }});
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
