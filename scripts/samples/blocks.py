"""Seed text -> a list of blocks (headings, paragraphs, lists, tables).

Block kinds (tuples):
  ("heading", level, text)
  ("para", [lines]) or ("para", [lines], css_class)
  ("list", [(indent, marker_kept, text)])
  ("table", Table)
  ("break",)                      forced page break
  ("raw", html)                   inserted as is (page wrappers)
Tables come from markdown pipe rows or from tab-separated runs of lines.
"""
import re

from markup import plain

SEPARATOR_ROW = re.compile(r"^[\s|:\t-]*-{2,}[\s|:\t-]*$")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# "- text", "* text", "• text" are bullets; "-) x", "1. x", "a) x", "-x" keep their marker.
BULLET = re.compile(r"^(\s*)(?:[-*•]\s+)(.*)$")
MARKED_ITEM = re.compile(r"^(\s*)((?:-\)|\d{1,2}[.)]|[a-z]\)|-(?=[A-Za-z]))\s*.*)$")
LABEL_MARKER = re.compile(r"^(?:[a-z]\)|\d{1,2}[.)]|-\)|✓|[A-Z]\.\s)")


class Table:
    """Rows of raw cell texts plus presentation: `kind` (ruled, listing, toc), number of
    header rows, spans {(row, col): (rowspan, colspan)}, cell classes {(row, col): cls},
    row classes {row: cls}, an optional caption and column classes."""

    def __init__(self, rows, kind="ruled", head=0, source="tab"):
        self.rows = rows
        self.kind = kind
        self.head = head
        self.source = source
        self.spans = {}
        self.cell_class = {}
        self.row_class = {}
        self.caption = None
        self.cols = None
        self.header_text = []   # pipe tables: the header, to recognise a repeated one
        self.raw_width = 0      # tab tables: most fields in a seed line

    @property
    def ncols(self):
        return max((len(r) for r in self.rows), default=0)

    def pad(self):
        n = self.ncols
        self.rows = [r + [""] * (n - len(r)) for r in self.rows]


def _is_list_line(line):
    return bool(BULLET.match(line) or MARKED_ITEM.match(line))


def _list_item(line):
    m = BULLET.match(line)
    if m:
        indent, text = len(m.group(1)), m.group(2)
        return (indent, bool(LABEL_MARKER.match(text)), text)
    m = MARKED_ITEM.match(line)
    return (len(m.group(1)), True, m.group(2))


def _pipe_cells(line):
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [c.strip() for c in body.split("|")]


def _tab_cells(line):
    return [c.strip() for c in line.rstrip("\n").split("\t")]


def parse(text):
    """Split seed text into raw blocks. Pipe tables come out as fragments
    ("pipe", header_or_None, rows) and tab runs as ("tabs", rows)."""
    lines = text.splitlines()
    blocks, i, n = [], 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            frag = []
            while i < n and lines[i].lstrip().startswith("|"):
                frag.append(lines[i])
                i += 1
            header, rows = None, []
            for j, row in enumerate(frag):
                if SEPARATOR_ROW.match(row):
                    if j == 1 and rows:
                        header = rows.pop()
                    continue
                rows.append(_pipe_cells(row))
            blocks.append(("pipe", header, rows))
        elif "\t" in line:
            rows = []
            while i < n and "\t" in lines[i]:
                if not SEPARATOR_ROW.match(lines[i]):
                    rows.append(_tab_cells(lines[i]))
                i += 1
            if rows:
                blocks.append(("tabs", rows))
        elif MD_HEADING.match(line):
            m = MD_HEADING.match(line)
            blocks.append(("heading", len(m.group(1)), m.group(2).strip()))
            i += 1
        elif _is_list_line(line):
            items = []
            while i < n and lines[i].strip() and "\t" not in lines[i]:
                if _is_list_line(lines[i]):
                    items.append(_list_item(lines[i]))
                elif items:  # continuation line of the previous item
                    indent, kept, txt = items[-1]
                    items[-1] = (indent, kept, txt + "\n" + lines[i].strip())
                else:
                    break
                i += 1
            blocks.append(("list", items))
        else:
            para = []
            while (i < n and lines[i].strip() and "\t" not in lines[i]
                   and not MD_HEADING.match(lines[i])
                   and not (para and _is_list_line(lines[i]))
                   and not lines[i].lstrip().startswith("|")):
                para.append(lines[i].rstrip())
                i += 1
            blocks.append(("para", para))
    return blocks


# ---------------------------------------------------------------- pipe tables

def _first_filled(row):
    for k, cell in enumerate(row):
        if plain(cell):
            return k, plain(cell)
    return None, ""


def _continues_previous_row(row):
    """The first row of a table fragment that only carries the tail of a cell split by a
    page break in the original ("| | | nuovo insediamento ... | |")."""
    k, text = _first_filled(row)
    if k is None:
        return False
    return k >= 2 or text[:1].islower() or text[:1] in "(-–"


def pipe_tables(blocks):
    """Join the pipe-table fragments the seed split at page breaks: a fragment whose header
    row is empty (or repeats the previous header) continues the previous table when only
    blank lines separate them."""
    out = []
    for block in blocks:
        if block[0] != "pipe":
            out.append(block)
            continue
        _, header, rows = block
        rows = [r for r in rows if any(plain(c) for c in r)]
        empty_header = header is None or not any(plain(c) for c in header)
        prev = out[-1] if out else None
        if (prev and prev[0] == "table" and prev[1].source == "pipe"
                and (empty_header or [plain(c) for c in header] == prev[1].header_text)):
            table = prev[1]
            if rows and table.rows[table.head:] and _continues_previous_row(rows[0]):
                last = table.rows[-1]
                for k, cell in enumerate(rows[0]):
                    if k < len(last) and plain(cell):
                        last[k] = (last[k] + " " + cell).strip() if plain(last[k]) else cell
                rows = rows[1:]
            table.rows.extend(rows)
            continue
        if empty_header and not rows:
            continue
        table = Table(([header] if not empty_header else []) + rows, head=0 if empty_header else 1,
                      source="pipe")
        table.header_text = [plain(c) for c in header] if not empty_header else []
        out.append(("table", table))
    for block in out:
        if block[0] == "table":
            block[1].pad()
    return out
