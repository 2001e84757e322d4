#!/usr/bin/env python3
"""Writes sitecost.html: the whole app in one HTML file that runs from file:// with no server.

Run by Trunk as a post-build hook (TRUNK_STAGING_DIR names the build's output folder), or by
hand with that folder as the only argument. Chromium refuses external module scripts and wasm
fetches from file://, so everything is inlined: the stylesheet, the icon as a data URI, and one
inline module script holding the wasm-bindgen glue (--target web) plus the wasm as base64,
started with initSync.
"""
import base64
import glob
import os
import sys


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
    wasm_b64 = base64.b64encode(wasm).decode("ascii")
    icon_b64 = base64.b64encode(icon).decode("ascii")

    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Bitcoin-mining site-cost explorer: break-even and profit across candidate regions.">
<title>sitecost — Bitcoin mining site-cost explorer</title>
<link rel="icon" href="data:image/svg+xml;base64,{icon_b64}">
<style>
{css}
</style>
<script type="module">
{glue}
const wasmBase64 = "{wasm_b64}";
const wasmBytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
initSync({{ module: wasmBytes }});
</script>
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


if __name__ == "__main__":
    main()
