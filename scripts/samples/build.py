#!/usr/bin/env python3
"""Build the sample PDFs and the broken-PDF fixtures (see scripts/render-samples)."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ next to the scripts

from blocks import parse, pipe_tables  # noqa: E402
from documents import DOCUMENTS  # noqa: E402
from markup import plain  # noqa: E402
from render import blocks_html, document_html  # noqa: E402
from tables import finish_tab_table, mark_numeric, tab_tables  # noqa: E402
import risk  # noqa: E402

MAX_BYTES = int(os.environ.get("RENDER_SAMPLES_MAX_BYTES", 400 * 1024))
HEADING_MAX = 80


def split_cover(doc, lines):
    """The lines before the first match of doc['cover_end'] make the title page."""
    k = next(i for i, line in enumerate(lines) if re.search(doc["cover_end"], line))
    return lines[:k], lines[k:]


def looks_like_heading(text):
    """A lone short line that does not read as a sentence."""
    t = plain(text)
    return (0 < len(t) <= HEADING_MAX and ":" not in t and not t.endswith((".", ";", ","))
            and not t[:1].islower() and not t.startswith(("Fonte", "(")))


def heading_level(doc, text):
    t = plain(text)
    for pattern, level in doc.get("heading_levels", []):
        if re.search(pattern, t):
            return level
    letters = [ch for ch in t if ch.isalpha()]
    return 2 if letters and all(ch.isupper() for ch in letters) else 3


def plain_headings(doc, blocks):
    out = []
    for block in blocks:
        if (block[0] == "para" and len(block) == 2 and len(block[1]) == 1
                and looks_like_heading(block[1][0])):
            out.append(("heading", heading_level(doc, block[1][0]), block[1][0]))
        else:
            out.append(block)
    return out


def page_breaks(doc, blocks):
    pattern = doc.get("break_before")
    if not pattern:
        return blocks
    out = []
    for block in blocks:
        text = ""
        if block[0] == "heading":
            text = block[2]
        elif block[0] == "para":
            text = block[1][0]
        if out and text and re.search(pattern, plain(text)):
            out.append(("break",))
        out.append(block)
    return out


def seed_blocks(doc, lines):
    blocks = tab_tables(pipe_tables(parse("\n".join(lines))), doc)
    kind_of = doc.get("table_kind")
    for block in blocks:
        if block[0] == "table" and block[1].source == "tab":
            finish_tab_table(block[1], doc.get("span_rows"))
            if kind_of:
                block[1].kind = kind_of(block[1])
        elif block[0] == "table":
            mark_numeric(block[1])
    if doc.get("hook"):
        blocks = doc["hook"](blocks)
    if doc.get("plain_headings"):
        blocks = plain_headings(doc, blocks)
    return page_breaks(doc, blocks)


def cover_blocks(lines):
    """The title page: the first paragraph and paragraphs set in bold are large."""
    blocks = []
    for block in parse("\n".join(lines)):
        if block[0] == "para":
            big = not blocks or block[1][0].startswith("**")
            blocks.append(("para", block[1], "big" if big else None))
        else:
            blocks.append(block)
    return blocks


def cover_html(lines):
    return ('<div class="cover">\n%s\n</div>\n<div class="page-break"></div>'
            % blocks_html(cover_blocks(lines)))


def seed_html(doc, seeds_dir, css):
    with open(os.path.join(seeds_dir, doc["seed"]), encoding="utf-8") as f:
        lines = f.read().splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    cover, rest = split_cover(doc, lines)
    body = cover_html(cover) + "\n" + blocks_html(seed_blocks(doc, rest))
    return document_html(doc, body, css)


# Liberation fonts 1.07 (fonts-liberation) are the fonts the samples were set in. When
# fonts-liberation2 is installed too (LibreOffice pulls it in), fontconfig prefers 2.x, whose
# glyphs and metrics differ slightly, and the samples would change: fonts.conf hides 2.x.
LIBERATION1 = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"


def font_env():
    env = dict(os.environ)
    if os.path.exists(LIBERATION1) and "FONTCONFIG_FILE" not in env:
        env["FONTCONFIG_FILE"] = os.path.join(HERE, "fonts.conf")
    return env


def weasyprint(html_path, pdf_path, stem):
    subprocess.run(["weasyprint", "--quiet", "--pdf-identifier", stem, html_path, pdf_path],
                   check=True, env=font_env())


def page_count(pdf_path):
    info = subprocess.run(["pdfinfo", pdf_path], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def check_size(pdf_path):
    size = os.path.getsize(pdf_path)
    if size > MAX_BYTES:
        raise SystemExit("%s is %d bytes, over the %d limit" % (pdf_path, size, MAX_BYTES))
    return size


def qpdf(*args):
    """qpdf exits 3 for warnings; anything else non-zero is an error."""
    done = subprocess.run(["qpdf", *args])
    if done.returncode not in (0, 3):
        raise SystemExit("qpdf %s failed (%d)" % (" ".join(args), done.returncode))


def decrypted(pdf, work):
    """The document inside an encrypted PDF, or None when it cannot be opened with "secret"."""
    out = os.path.join(work, "decrypted-%d.pdf" % len(os.listdir(work)))
    done = subprocess.run(["qpdf", "--password=secret", "--decrypt", "--deterministic-id", pdf, out],
                          capture_output=True)
    if done.returncode not in (0, 3):
        return None
    with open(out, "rb") as f:
        return f.read()


def build_encrypted(small_pdf, target, work):
    """User password "secret" (owner password the same), AES-256. AES-256 salts are random,
    so an existing file that decrypts to the same document is kept as it is."""
    fresh = os.path.join(work, "encrypted.pdf")
    qpdf("--static-id", "--static-aes-iv", "--encrypt", "secret", "secret", "256", "--",
         small_pdf, fresh)
    if os.path.exists(target):
        inside = decrypted(fresh, work)
        if inside is not None and decrypted(target, work) == inside:
            return
    shutil.copy(fresh, target)


def build_fixtures(fixtures_dir, small_pdf, work):
    os.makedirs(fixtures_dir, exist_ok=True)
    build_encrypted(small_pdf, os.path.join(fixtures_dir, "encrypted.pdf"), work)
    with open(small_pdf, "rb") as f:
        data = f.read()
    with open(os.path.join(fixtures_dir, "truncated.pdf"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(fixtures_dir, "not-a-pdf.pdf"), "w", encoding="utf-8") as f:
        f.write("Questo file non è un PDF: è un file di testo con estensione .pdf.\n"
                "This file is plain text saved with a .pdf extension.\n")
    open(os.path.join(fixtures_dir, "empty.pdf"), "wb").close()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--keep-html", metavar="DIR", help="also write the HTML sources here")
    ap.add_argument("--only", metavar="STEM", help="build only this sample (no fixtures)")
    ap.add_argument("--matrix-out", metavar="DIR",
                    help="also render the seeds through the render matrix into DIR/<rendering>/")
    ap.add_argument("--xml-sources", metavar="DIR",
                    help="with --matrix-out: also write each seed as .odt, .docx, .xhtml here")
    ap.add_argument("--matrix-only", action="store_true",
                    help="render only the matrix (no samples, no fixtures)")
    ap.add_argument("--rendering", action="append", metavar="NAME",
                    help="with the matrix: only this rendering (repeatable)")
    args = ap.parse_args()
    if args.matrix_only and not args.matrix_out:
        ap.error("--matrix-only needs --matrix-out")
    if not args.matrix_only:
        build_samples(args)
    if args.matrix_out:
        import matrix
        matrix.render_matrix(args.seeds, args.matrix_out, args.xml_sources, args.only,
                             args.rendering)


def build_samples(args):
    with open(os.path.join(HERE, "style.css"), encoding="utf-8") as f:
        css = f.read()
    os.makedirs(args.samples, exist_ok=True)
    work = tempfile.mkdtemp(prefix="render-samples.")
    try:
        jobs = [(doc["stem"], seed_html(doc, args.seeds, css)) for doc in DOCUMENTS]
        jobs.append((risk.STEM, risk.html(css)))
        for stem, html_text in jobs:
            if args.only and stem != args.only:
                continue
            html_path = os.path.join(work, stem + ".html")
            with open(html_path, "w", encoding="utf-8") as f:
                f.write(html_text)
            if args.keep_html:
                os.makedirs(args.keep_html, exist_ok=True)
                shutil.copy(html_path, args.keep_html)
            pdf_path = os.path.join(args.samples, stem + ".pdf")
            if stem == risk.STEM:
                flat = os.path.join(work, stem + ".flat.pdf")
                weasyprint(html_path, flat, stem)
                risk.finish(flat, pdf_path, page_count(flat), qpdf)
            else:
                weasyprint(html_path, pdf_path, stem)
            print("%-50s %3d pages %7d bytes" % (stem + ".pdf", page_count(pdf_path),
                                                 check_size(pdf_path)))
        if not args.only:
            build_fixtures(args.fixtures, os.path.join(args.samples, risk.STEM + ".pdf"), work)
            print("fixtures written to %s" % args.fixtures)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
