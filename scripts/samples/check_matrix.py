#!/usr/bin/env python3
"""Compare the words of every matrix rendering with the words of the default sample.

For each rendering and seed: pdftotext -layout of both PDFs, running header and footer lines
dropped, letter-spaced runs ("P A R T E") joined, then the multisets of words compared. Words
that a rendering wrapped inside a cell ("E.3.05.02.03.004" -> "E." + "3.05.02.03.004") or
letter-spaced differently are matched when the pieces left over on one side make up a word
left over on the other side. Prints, per pair, the words of the sample, the words missing from
the rendering and the words the rendering has in excess, with a few examples.

  scripts/samples/check_matrix.py [--samples samples] [--renderings Tests/Fixtures/renderings]
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

from documents import DOCUMENTS  # noqa: E402
from markup import plain  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))


def footer_regex(footer):
    out = []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"|counter\((\w+)\)', footer):
        out.append(re.escape(m.group(1)) if m.group(1) is not None else r"\d+")
    return re.compile(r"^\s*%s\s*$" % r"\s*".join(p.replace(r"\ ", r"\s*") for p in out))


def squash(text):
    return " ".join(text.split())


BULLETS = set("•◦▪‣∙●○■□")  # list markers: drawn, not text, in some toolchains


def _lines(pdf):
    """Lines of words from pdftotext -tsv: (page height, top, [(left, right, text)])."""
    tsv = subprocess.run(["pdftotext", "-tsv", "-enc", "UTF-8", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    heights, lines = {}, collections.OrderedDict()
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12:
            continue
        level, page = int(f[0]), int(f[1])
        left, top, width, height = (float(x) for x in f[6:10])
        if level == 1:
            heights[page] = height
        elif level == 5:
            key = (page, int(f[3]), int(f[2]), int(f[4]))
            lines.setdefault(key, []).append((left, left + width, height, f[11]))
            lines[key + ("top",)] = top
    out = []
    for key, items in lines.items():
        if key[-1] == "top":
            continue
        out.append((heights.get(key[0], 842.0), lines[key + ("top",)], items))
    return out


def _join_spaced(items):
    """A letter-spaced line ("R e f e r t o   s t a t o"; most of its pieces single
    characters): pieces closer to each other than to the next word are one word."""
    singles = sum(1 for i in items if len(i[3]) == 1 and i[3].isalpha())
    if singles < 4 or singles < 0.75 * len(items):
        return [i[3] for i in items]
    gaps = [b[0] - a[1] for a, b in zip(items, items[1:])]
    lo, hi = min(gaps), max(gaps)
    if lo > 0.55 * min(i[2] for i in items):  # far apart: table cells, not letter-spacing
        return [i[3] for i in items]
    cut = (lo + hi) / 2 if hi > 1.6 * max(lo, 0.1) + 0.5 else hi + 1
    out, word = [], items[0][3]
    for gap, item in zip(gaps, items[1:]):
        if gap > cut:
            out.append(word)
            word = ""
        word += item[3]
    out.append(word)
    return out


BREAK_AFTER = re.compile(r"(?<=[\w.)])([/-])(?=\w)|^(-)(?=\w)")


def _pieces(word):
    """A word cut after its inner slashes and hyphens ("irrigazione/sfalcio/potatura" ->
    "irrigazione/", "sfalcio/", "potatura"): lines break there differently per toolchain."""
    return BREAK_AFTER.sub(lambda m: (m.group(1) or m.group(2)) + " ", word).split()


def words(pdf, doc):
    foot = footer_regex(doc["footer"])
    furniture = {squash(doc["ente"]), squash(doc["title"]), squash(doc["ente"] + " " + doc["title"])}
    out = []
    for height, top, items in _lines(pdf):
        items = [(a, b, h, unicodedata.normalize("NFKC", t).replace("\u00ad", ""))
                 for a, b, h, t in items]
        text = squash(" ".join(i[3] for i in items))
        edge = top < 0.14 * height or top > 0.88 * height
        if edge and (text in furniture or foot.match(text)):
            continue
        out.extend(p for w in _join_spaced(items) for p in _pieces(w) if p not in BULLETS)
    return collections.Counter(out)


def header_words(doc, seeds):
    """Words of the seed's table header rows: a rendering repeats them on each page a table
    runs over, or not at all, so their counts differ by design."""
    import matrix
    _, body = matrix.seed_parts(doc, seeds)
    found = set()
    for block in body:
        if block[0] != "table":
            continue
        table = block[1]
        for r in matrix._header_rows(table):
            for cell in table.rows[r]:
                found.update(p for w in plain(cell).split() for p in _pieces(w))
    return found


def _decompose(word, pool, depth=0):
    """Pieces from pool (a Counter) that spell word, longest first; None when impossible."""
    if not word:
        return []
    if depth > 16:
        return None
    for i in range(len(word), 0, -1):
        piece = word[:i]
        if pool.get(piece, 0) > 0:
            pool[piece] -= 1
            rest = _decompose(word[i:], pool, depth + 1)
            if rest is not None:
                return [piece] + rest
            pool[piece] += 1
    return None


def reconcile(missing, extra):
    """Match words of one side with runs of pieces of the other side."""
    for a, b in ((missing, extra), (extra, missing)):
        for word in sorted(a, key=len, reverse=True):
            while a[word] > 0:
                pool = collections.Counter({k: v for k, v in b.items() if v > 0 and k in word})
                pieces = _decompose(word, pool) if len(pool) > 0 else None
                if not pieces or len(pieces) < 2:
                    break
                a[word] -= 1
                for p in pieces:
                    b[p] -= 1
    return (+missing, +extra)


def compare(sample, rendering, doc, heads):
    base, other = words(sample, doc), words(rendering, doc)
    missing, extra = reconcile(base - other, other - base)
    absent = {w for w in missing if other[w] == 0 and not any(w in o for o in extra)}
    plain_missing = +collections.Counter({w: n for w, n in missing.items() if w not in heads})
    plain_extra = +collections.Counter({w: n for w, n in extra.items() if w not in heads})
    return sum(base.values()), missing, extra, plain_missing, plain_extra, absent


def _show(label, counter, n):
    if counter and n:
        print("    %s %s" % (label, " ".join("%s×%d" % kv for kv in counter.most_common(n))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", default=os.path.join(REPO, "samples"))
    ap.add_argument("--renderings", default=os.path.join(REPO, "Tests/Fixtures/renderings"))
    ap.add_argument("--seeds", default=os.environ.get("SEEDS_DIR",
                                                      os.path.join(REPO, "..", "shared", "seeds")))
    ap.add_argument("--examples", type=int, default=6)
    args = ap.parse_args()
    names = sorted(d for d in os.listdir(args.renderings)
                   if os.path.isdir(os.path.join(args.renderings, d)))
    print("words: in the sample; missing/extra: multiset difference; of which not header: "
          "words that are not in a table header row (header rows repeat or not by design); "
          "absent: words of the sample the rendering does not have at all")
    print("%-19s %-44s %6s %7s %6s %11s %6s" % ("rendering", "seed", "words", "missing", "extra",
                                                 "not header", "absent"))
    totals = collections.Counter()
    for name in names:
        for doc in DOCUMENTS:
            pdf = os.path.join(args.renderings, name, doc["stem"] + ".pdf")
            if not os.path.exists(pdf):
                print("%-19s %-44s missing PDF" % (name, doc["stem"][:44]))
                totals["pdfs missing"] += 1
                continue
            heads = header_words(doc, args.seeds)
            total, missing, extra, pm, pe, absent = compare(
                os.path.join(args.samples, doc["stem"] + ".pdf"), pdf, doc, heads)
            nm, ne = sum(missing.values()), sum(extra.values())
            print("%-19s %-44s %6d %7d %6d %5d/%-5d %6d" % (
                name, doc["stem"][:44], total, nm, ne, sum(pm.values()), sum(pe.values()),
                len(absent)))
            totals.update({"words": total, "missing": nm, "extra": ne, "absent": len(absent)})
            _show("missing (not header):", pm, args.examples)
            _show("extra (not header):  ", pe, args.examples)
            if absent:
                print("    absent: %s" % " ".join(sorted(absent)[:args.examples * 2]))
    print("total: %s" % ", ".join("%s %d" % kv for kv in sorted(totals.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
