"""The review page in a real browser: headless Chromium (Debian's ``chromium``
package, or Chrome; ``$LAWLINT_BROWSER`` names another binary). Skipped, saying so,
where none is installed.

Chromium is driven from its command line, without a Python driver: ``--dump-dom``
prints the DOM after the page's script ran (sorting by a column: the page sorts on
load when opened with ``?sort=KEY&order=desc``, as when a header is clicked twice),
``--screenshot`` paints it (a highlighted finding's background must be on screen),
``--print-to-pdf`` prints it (one page for the overview, each report from a new page).
The browser runs with a fresh profile and every network feature off.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from docx_build import Num, build
from htmltree import Node, parse

from lawlint.cli.main import main

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
ERROR_BG = (0xFD, 0xE2, 0xE0)  # --err-bg in the page's CSS
INFO_BG = (0xDC, 0xEB, 0xFB)  # --info-bg


def browser() -> str:
    named = os.environ.get("LAWLINT_BROWSER")
    found = named or next((b for b in map(shutil.which, BROWSERS) if b), None)
    if not found:
        pytest.skip(
            "no headless browser: install Chromium (apt-get install chromium) or set"
            " LAWLINT_BROWSER; the page's structure is still checked by test_html.py"
        )
    return found


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    done = subprocess.run(
        [browser(), *FLAGS, f"--user-data-dir={profile}", *args, url],
        capture_output=True,
        text=True,
        timeout=180,  # a hung browser fails the test instead of hanging the suite
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    docx = build(
        folder / "青禾镇.docx",
        [
            "青禾镇2024年法治政府建设年度报告",
            Num("主要举措和成效", 0),
            "全年召开专题学法会4次,培训干部132人次。",
        ],
    )
    out = folder / "review.html"
    paths = [str(EXAMPLES / "flawed-draft.txt"), str(EXAMPLES / "clean-report.md"), str(docx)]
    result = CliRunner().invoke(main, ["check", *paths, "--format", "html", "-o", str(out)])
    assert result.exit_code == 1 and out.is_file()
    return out


def overview(dom: Node) -> list[list[str]]:
    body = dom.by_id("overview-table").find("tbody")
    return [[td.text for td in tr.find_all("td")] for tr in body.find_all("tr")]


def test_overview_table_sorts_in_the_browser(page: Path, tmp_path: Path) -> None:
    by_errors = parse(chromium(tmp_path, page.as_uri() + "?sort=errors&order=desc", "--dump-dom"))
    assert by_errors.find("html").attrs.get("data-ready") == "1"  # the script ran
    rows = overview(by_errors)
    errors = [int(r[3]) for r in rows]
    assert len(rows) == 3 and errors == sorted(errors, reverse=True) and errors[0] > 0
    assert rows[0][0].startswith("云溪县石桥镇2024年法治政府建设工作总结")
    head = by_errors.find("th", **{"data-key": "errors"})
    assert head.attrs["aria-sort"] == "descending"

    by_figures = parse(chromium(tmp_path, page.as_uri() + "?sort=figures", "--dump-dom"))
    table = by_figures.by_id("overview-table").find("tbody")
    shares = [
        float(v) for tr in table.find_all("tr") if (v := tr.find_all("td")[7].attrs["data-sort"])
    ]
    assert shares == sorted(shares) and len(shares) >= 2


def test_a_finding_is_highlighted_on_screen(page: Path, tmp_path: Path) -> None:
    dom = parse(chromium(tmp_path, page.as_uri(), "--dump-dom"))
    mark = dom.find("mark")
    assert mark is not None and "sev-" in mark.attrs["class"] and mark.attrs["title"]
    # the Word draft alone: its text, highlights and all, is on the first screen
    single = tmp_path / "single.html"
    docx = str(page.parent / "青禾镇.docx")
    CliRunner().invoke(main, ["check", docx, "--format", "html", "-o", str(single)])
    shot = tmp_path / "shot.png"
    chromium(tmp_path, single.as_uri(), "--window-size=1000,1200", f"--screenshot={shot}")
    width, height, rows = read_png(shot.read_bytes())
    assert (width, height) == (1000, 1200)
    colours = count_colours(rows, {ERROR_BG, INFO_BG})
    # the title under section-missing (error), the first heading under topic-missing (info)
    assert colours[ERROR_BG] > 500 and colours[INFO_BG] > 500, colours


def test_the_page_prints_each_report_on_new_pages(page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "review.pdf"
    chromium(tmp_path, page.as_uri(), "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages >= 4  # the overview, then three reports, each from a new page


# -- a small PNG reader (8-bit RGB/RGBA, not interlaced: what Chromium writes) -----------


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = prev[i]
            corner = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line) if channels == 3 else bytes(_rgb(line)))
        prev = line
    return width, height, rows


def _rgb(rgba: bytearray) -> bytearray:
    out = bytearray()
    for i in range(0, len(rgba), 4):
        out += rgba[i : i + 3]
    return out


def count_colours(rows: list[bytes], wanted: set[tuple[int, int, int]]) -> dict:
    targets = {bytes(c): c for c in wanted}
    counts = dict.fromkeys(wanted, 0)
    for row in rows:
        for key, colour in targets.items():
            start = row.find(key)
            while start != -1:
                if start % 3 == 0:
                    counts[colour] += 1
                start = row.find(key, start + 1)
    return counts
