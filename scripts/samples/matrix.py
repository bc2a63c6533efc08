"""The render matrix: every seed document re-typeset by other toolchains and layouts.

Each rendering is data (RENDERINGS below): a name, the toolchain that makes the PDF, the
stylesheet laid over the house style (HTML toolchains) and the block transforms that change
the layout without changing the text: header labels stacked on two or three lines, grouped
headers, "Label: value" set as label above value, landscape pages for wide tables. The words
of every rendering are the words of the default sample (see check_matrix.py); only line breaks,
fonts, spacing, rules and the repetition of header rows differ.

Output: <out>/<rendering>/<stem>.pdf, plus the .odt beside the LibreOffice PDF and, when
asked, the XML sources (.odt, .docx, .xhtml) of every seed in one folder.
"""
import copy
import itertools
import os
import re
import shutil
import subprocess
import tempfile
import time

import build
import docx
import odt
import xhtml
from blocks import Table
from markup import plain
from render import blocks_html, document_html

HERE = os.path.dirname(os.path.abspath(__file__))

RENDERINGS = [
    {
        "name": "chromium-plain",
        "toolchain": "chromium",
        "css": "variant-plain.css",
        "transforms": ["stack_headers", "label_above"],
        "variants": "DejaVu Sans 8.5 pt; no rules at all on any table (rows told only by the spacing "
                    "of the text); header labels stacked on two or three lines and centred in "
                    "their row; header rows not repeated on continuation pages; \"Label: value\" "
                    "set as a bold label line above the value; all pages portrait",
    },
    {
        "name": "weasyprint-stacked",
        "toolchain": "weasyprint",
        "css": "variant-stacked.css",
        "transforms": ["group_listing_header", "stack_headers", "landscape_wide"],
        "variants": "DejaVu Serif 9 pt; header labels stacked on two or three lines; "
                    "grouped header \"Previsione\" over \"iniziale | attuale\" in the Lumezzane "
                    "listing; narrow columns (labels, names and codes wrap in cells); headings "
                    "letter-spaced; horizontal rules only; header rows not repeated on "
                    "continuation pages; tables of 9+ columns on landscape pages",
    },
    {
        "name": "chromium-grid",
        "toolchain": "chromium",
        "css": "variant-grid.css",
        "transforms": ["label_above"],
        "variants": "Liberation Serif 10.5 pt; full grids on every table (listing too); header "
                    "rows repeated on continuation pages; \"Label: value\" set as a bold label "
                    "line above the value; all pages portrait (the listing too)",
    },
    {
        "name": "libreoffice-odt",
        "toolchain": "libreoffice",
        "transforms": [],
        "variants": "ODT written from the blocks (table:table, spans with covered cells, "
                    "table-header-rows, text:h outline levels, bold label spans, lists), "
                    "converted by Writer; Liberation Sans 9 pt; "
                    "horizontal rules only on ruled tables, no rules on listings; \"Label: "
                    "value\" on one line; tables cut wherever Writer cuts them (Writer repeats "
                    "the table-header-rows); tables of 11+ columns at 6.5 pt; listing pages "
                    "landscape",
    },
]

# ------------------------------------------------------------------ block transforms

LABEL_LINE = re.compile(
    r"^(?:<b>|\*\*)(?P<blabel>[^<>*\n]{1,60}:)(?:</b>|\*\*)\s*(?P<bvalue>\S.*)$"
    r"|^(?P<label>[A-ZÀ-Ý][A-Za-zÀ-ÿ'’ ().]{1,40}:)\s+(?P<value>\S.*)$")


def label_above(doc, blocks):
    """ "Label: value" lines of plain paragraphs -> the label in bold on its own line, the
    value on the next one (same words)."""
    out = []
    for block in blocks:
        if block[0] != "para" or len(block) > 2:
            out.append(block)
            continue
        lines = []
        for line in block[1]:
            m = LABEL_LINE.match(line.strip())
            label = m and (m.group("blabel") or m.group("label"))
            if m and len(label.split()) <= 7 and "http" not in label:
                value = m.group("bvalue") or m.group("value")
                lines.append("<b>%s</b>" % label)
                lines.append(value)
            else:
                lines.append(line)
        out.append(("para", lines))
    return out


def _balanced_lines(words, count):
    """Split words into `count` lines, the longest line as short as possible."""
    best, best_width = None, None
    for cut in itertools.combinations(range(1, len(words)), count - 1):
        bounds = (0,) + cut + (len(words),)
        parts = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]
        width = max(len(p) for p in parts)
        if best_width is None or width < best_width:
            best, best_width = parts, width
    return best


def stacked(cell):
    """A header label on two or three lines: "Previsione<br>iniziale", "Piano Fin.<br>118/11".
    Cells with markup are left alone."""
    if not cell or re.search(r"[<>*\[\]`\\&]", cell):
        return cell
    words = cell.split()
    if len(words) < 2:
        return cell
    count = 2 if len(words) <= 4 else 3
    if len(words) > 14:
        return cell
    return "<br>".join(_balanced_lines(words, count))


def _header_rows(table):
    rows = set(range(table.head))
    if table.kind == "listing":
        rows |= {r for r, row in enumerate(table.rows) if row and plain(row[0]) == "Tit"}
    return rows


def stack_headers(doc, blocks):
    for block in blocks:
        if block[0] == "table" and block[1].kind != "toc":
            table = block[1]
            for r in _header_rows(table):
                table.rows[r] = [stacked(c) for c in table.rows[r]]
    return blocks


def _grouped_listing(table):
    """Header "... | Previsione iniziale | Previsione attuale | ..." -> two header rows with
    "Previsione" spanning "iniziale | attuale"."""
    head = table.rows[0]
    if not (table.head == 1 and plain(head[5]) == "Previsione iniziale"
            and plain(head[6]) == "Previsione attuale"):
        return table
    out = Table([], kind=table.kind, head=2, source=table.source)
    out.cols = table.cols
    top = list(head)
    top[5], top[6] = "Previsione", ""
    sub = [""] * len(head)
    sub[5], sub[6] = "iniziale", "attuale"
    out.rows = [top, sub] + table.rows[1:]
    for c in range(len(head)):
        if c not in (2, 3, 5, 6):
            out.spans[(0, c)] = (2, 1)
    out.spans[(0, 2)] = (2, 2)
    out.spans[(0, 5)] = (1, 2)
    for (r, c), span in table.spans.items():
        if r > 0:
            out.spans[(r + 1, c)] = span
    out.row_class = {r + 1: v for r, v in table.row_class.items() if r > 0}
    out.cell_class = {(r + (r > 0), c): v for (r, c), v in table.cell_class.items()}
    out.cell_class[(1, 5)] = out.cell_class[(1, 6)] = "amount"
    return out


def group_listing_header(doc, blocks):
    return [("table", _grouped_listing(b[1])) if b[0] == "table" and b[1].kind == "listing"
            else b for b in blocks]


def landscape_wide(doc, blocks, min_cols=9):
    """Ruled tables of min_cols columns or more go on landscape pages (WeasyPrint named page)."""
    out = []
    for block in blocks:
        if block[0] == "table" and block[1].kind == "ruled" and block[1].ncols >= min_cols:
            out.append(("raw", '<div class="wide-pages">'))
            out.append(block)
            out.append(("raw", "</div>"))
        else:
            out.append(block)
    return out


TRANSFORMS = {f.__name__: f for f in (label_above, stack_headers, group_listing_header,
                                      landscape_wide)}

# ------------------------------------------------------------------ documents


def seed_parts(doc, seeds_dir):
    """(cover blocks, body blocks) of one seed, as build.py makes them for the samples."""
    with open(os.path.join(seeds_dir, doc["seed"]), encoding="utf-8") as f:
        lines = f.read().splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    cover, rest = build.split_cover(doc, lines)
    return build.cover_blocks(cover), build.seed_blocks(doc, rest)


def transformed(rendering, doc, body):
    body = copy.deepcopy(body)
    for name in rendering["transforms"]:
        body = TRANSFORMS[name](doc, body)
    return body


def variant_html(rendering, doc, cover, body, house_css):
    with open(os.path.join(HERE, rendering["css"]), encoding="utf-8") as f:
        variant_css = f.read()
    html_body = ('<div class="cover">\n%s\n</div>\n<div class="page-break"></div>\n%s'
                 % (blocks_html(cover), blocks_html(body)))
    # The variant stylesheet comes after the per-seed settings, so that it wins.
    doc = dict(doc, css=doc.get("css", "") + "\n/* rendering: %s */\n%s" % (rendering["name"],
                                                                              variant_css))
    return document_html(doc, html_body, house_css)


# ------------------------------------------------------------------ toolchains

def _pdf_date(epoch):
    return time.strftime("D:%Y%m%d%H%M%S", time.gmtime(epoch))


PDF_DATE = re.compile(rb"\((D:\d{14})([^)]{0,8})\)")
XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]{19,30})(</xmp)")


def normalized(raw_pdf, out_pdf, work):
    """Fixed dates (SOURCE_DATE_EPOCH) in place of the conversion time, then a document ID
    computed from the content (qpdf --deterministic-id)."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
    fixed = _pdf_date(epoch).encode()
    iso = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(epoch)).encode()
    with open(raw_pdf, "rb") as f:
        data = f.read()
    # same length replacements keep the cross-reference offsets valid
    data = PDF_DATE.sub(lambda m: b"(" + fixed + m.group(2) + b")", data)
    # the producer's random document ID (qpdf --deterministic-id hashes it too)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                  lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1)))
                  .replace(m.group(2), b"0" * len(m.group(2))), data)
    # LibreOffice: a checksum of the conversion run in the trailer
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + b"0" * 32, data)
    data = XMP_DATE.sub(lambda m: m.group(1) + (iso + m.group(2)[19:]) + m.group(3)
                        if len(m.group(2)) >= 19 else m.group(0), data)
    patched = os.path.join(work, "patched.pdf")
    with open(patched, "wb") as f:
        f.write(data)
    build.qpdf("--deterministic-id", "--object-streams=generate", "--compress-streams=y",
               "--recompress-flate", "--compression-level=9", patched, out_pdf)


def run_weasyprint(html_path, pdf_path, stem, work):
    build.weasyprint(html_path, pdf_path, stem)


def run_chromium(html_path, pdf_path, stem, work):
    raw = os.path.join(work, stem + ".chromium.pdf")
    profile = os.path.join(work, "chromium-profile")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run", "--disable-pdf-tagging", "--user-data-dir=" + profile,
                    "--run-all-compositor-stages-before-draw", "--no-pdf-header-footer",
                    "--print-to-pdf=" + raw, "file://" + html_path],
                   check=True, capture_output=True, env=build.font_env())
    normalized(raw, pdf_path, work)


def run_soffice(src_path, out_dir, work):
    """soffice --convert-to pdf; returns the PDF path (named after the source)."""
    profile = os.path.join(work, "lo-profile")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", out_dir, src_path],
                   check=True, capture_output=True, env=build.font_env())
    return os.path.join(out_dir, os.path.splitext(os.path.basename(src_path))[0] + ".pdf")


# ------------------------------------------------------------------ main entry


def render_matrix(seeds_dir, out_dir, xml_dir=None, only=None, names=None):
    with open(os.path.join(HERE, "style.css"), encoding="utf-8") as f:
        house_css = f.read()
    work = tempfile.mkdtemp(prefix="render-matrix.")
    total = 0
    try:
        for doc in build.DOCUMENTS:
            stem = doc["stem"]
            if only and stem != only:
                continue
            cover, body = seed_parts(doc, seeds_dir)
            for rendering in RENDERINGS:
                name = rendering["name"]
                if names and name not in names:
                    continue
                target = os.path.join(out_dir, name)
                os.makedirs(target, exist_ok=True)
                pdf_path = os.path.join(target, stem + ".pdf")
                blocks = transformed(rendering, doc, body)
                if rendering["toolchain"] == "libreoffice":
                    odt_path = os.path.join(target, stem + ".odt")
                    odt.write(odt_path, doc, cover, blocks)
                    lo_out = os.path.join(work, "lo-out")
                    os.makedirs(lo_out, exist_ok=True)
                    normalized(run_soffice(odt_path, lo_out, work), pdf_path, work)
                else:
                    html_path = os.path.join(work, "%s.%s.html" % (stem, name))
                    with open(html_path, "w", encoding="utf-8") as f:
                        f.write(variant_html(rendering, doc, cover, blocks, house_css))
                    {"weasyprint": run_weasyprint, "chromium": run_chromium}[
                        rendering["toolchain"]](html_path, pdf_path, stem, work)
                size = os.path.getsize(pdf_path)
                total += size
                print("%-20s %-50s %3d pages %7d bytes" % (name, stem + ".pdf",
                                                          build.page_count(pdf_path), size))
            if xml_dir:
                os.makedirs(xml_dir, exist_ok=True)
                odt.write(os.path.join(xml_dir, stem + ".odt"), doc, cover, body, rules="grid")
                docx.write(os.path.join(xml_dir, stem + ".docx"), doc, cover, body)
                xhtml.write(os.path.join(xml_dir, stem + ".xhtml"), doc, cover, body, house_css)
                print("%-20s %s.{odt,docx,xhtml}" % ("xml-sources", stem))
        print("render matrix: %d bytes of PDF in %s" % (total, out_dir))
    finally:
        shutil.rmtree(work, ignore_errors=True)
