# Builds the latency bench's peer, one self-contained HTML file with Chart.js's UMD build and peer.js inlined.
"""Usage: python3 benches/peer/build.py [OUT]

OUT defaults to target/peer/peer.html under the repository root (a relative OUT is taken from
the current directory). Installs the pinned chart.js with `npm ci` first when it is missing or
is not the pinned version; otherwise makes no request.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHART_DIR = HERE / "node_modules" / "chart.js"
# Newer 4.x ship the minified UMD build as chart.umd.min.js (the one unpkg and jsdelivr serve);
# older ones only as chart.umd.js.
UMD_NAMES = ("chart.umd.min.js", "chart.umd.js")


def pinned_version() -> str:
    return json.loads((HERE / "package.json").read_text())["dependencies"]["chart.js"]


def installed_version() -> str | None:
    manifest = CHART_DIR / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text())["version"]


def ensure_chart_js() -> str:
    """Runs `npm ci` only when chart.js is absent or not the pinned version, so a rebuild is offline."""
    pinned = pinned_version()
    if installed_version() != pinned:
        # --ignore-scripts: the page needs only files from the tarball, never an install hook.
        subprocess.run(
            ["npm", "ci", "--prefix", str(HERE), "--ignore-scripts", "--no-audit", "--no-fund"],
            check=True,
        )
    found = installed_version()
    if found != pinned:
        sys.exit(f"chart.js {found} is installed, package.json pins {pinned}")
    return pinned


def umd_source() -> tuple[str, str]:
    for name in UMD_NAMES:
        path = CHART_DIR / "dist" / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            # The source map is not inlined; its comment would only make DevTools ask for the file.
            lines = [l for l in text.splitlines() if not l.startswith("//# sourceMappingURL=")]
            return name, "\n".join(lines)
    sys.exit(f"no UMD build ({', '.join(UMD_NAMES)}) in {CHART_DIR / 'dist'}")


def inline_script(name: str, text: str) -> str:
    # A "</script" inside the code would end the <script> element early; refuse rather than guess.
    if "</script" in text.lower():
        sys.exit(f"{name} contains '</script' and cannot be inlined as is")
    return text


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "peer" / "peer.html"
    version = ensure_chart_js()
    umd_name, umd = umd_source()
    peer = (HERE / "peer.js").read_text(encoding="utf-8")
    template = (HERE / "page.html").read_text(encoding="utf-8")

    # The template's first line says what the template is; the output says what built it.
    _, rest = template.split("\n", 1)
    header = (
        f"<!-- Built by benches/peer/build.py from page.html and peer.js, "
        f"with chart.js {version} dist/{umd_name} inlined; do not edit. -->\n"
    )
    page = header + rest
    for marker, value in (
        ("@@CHART_VERSION@@", version),
        ("@@CHART_JS@@", inline_script(umd_name, umd)),
        ("@@PEER_JS@@", inline_script("peer.js", peer)),
    ):
        if page.count(marker) != 1:
            sys.exit(f"page.html must hold {marker} exactly once")
        page = page.replace(marker, value)

    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed, so a reader never sees half a page.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=out.parent, delete=False, suffix=".tmp") as f:
        f.write(page)
    os.chmod(f.name, 0o644)
    os.replace(f.name, out)
    print(f"{out} {out.stat().st_size} bytes (chart.js {version}, dist/{umd_name})")


if __name__ == "__main__":
    main()
