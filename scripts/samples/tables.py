"""Tab-separated runs -> Table objects, header rows and spanning cells."""
import re

from blocks import Table
from markup import plain

NUMERIC = re.compile(r"^(?:€\s*)?[-+]?\s?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*%?$"
                     r"|^[-+]?\d+(?:[.,]\d+)?\s?%$|^n\.\s?\d[\d.]*$|^-$|^//$")
YEAR = re.compile(r"^(19|20)\d\d$")


def is_numeric(text):
    return bool(NUMERIC.match(plain(text)))


def _filled(row):
    return [k for k, c in enumerate(row) if plain(c)]


def header_like(row):
    filled = _filled(row)
    if len(filled) < 2:
        return False
    for k in filled:
        text = plain(row[k])
        if len(text) > 60 or (is_numeric(text) and not YEAR.match(text) and text != "%"):
            return False
    return True


def title_row(row, span_pattern):
    """Only the first cell is filled and it reads as a title over the whole row."""
    filled = _filled(row)
    if filled != [0] or len(row) < 2:
        return False
    text = plain(row[0])
    if span_pattern and re.search(span_pattern, text):
        return True
    return text.endswith(":") or len(text) > 60


def tab_tables(blocks, settings):
    """Turn ("tabs", rows) runs into tables. Runs separated only by blank
    lines are one table when they have the same number of fields and the later one does not
    open with a row matching settings['table_start']."""
    start = settings.get("table_start")
    out = []
    for block in blocks:
        if block[0] != "tabs":
            out.append(block)
            continue
        rows = block[1]
        groups = [[]]
        for row in rows:
            if groups[-1] and start and re.search(start, plain(row[0]) if row else ""):
                groups.append([])
            groups[-1].append(row)
        for k, group in enumerate(groups):
            prev = out[-1] if out else None
            if (k == 0 and prev and prev[0] == "table" and prev[1].source == "tab"
                    and prev[1].raw_width == max(len(r) for r in group)
                    and not (start and re.search(start, plain(group[0][0])))
                    and not header_like(group[0])):
                prev[1].rows.extend(group)
                continue
            table = Table([list(r) for r in group], source="tab")
            table.raw_width = max(len(r) for r in group)
            out.append(("table", table))
    return out


def trim_columns(table):
    """Drop trailing columns that are empty in every row (trailing tabs in the seed)."""
    table.pad()
    while table.ncols > 1 and all(not plain(r[-1]) for r in table.rows):
        table.rows = [r[:-1] for r in table.rows]


def two_level_header(rows):
    """Rows 0-1 form a two-level header: row 1 starts with empty cells under filled cells of
    row 0 and carries only short labels (years, U/D, %)."""
    if len(rows) < 3:
        return False
    r1, r2 = rows[0], rows[1]
    lead = 0
    while lead < len(r2) and not plain(r2[lead]):
        lead += 1
    if lead == 0 or lead == len(r2) or not header_like(r1):
        return False
    if any(not plain(r1[k]) for k in range(lead)):
        return False
    return all(len(plain(c)) <= 12 for c in r2)


def apply_two_level_spans(table):
    r1, r2 = table.rows[0], table.rows[1]
    n = len(r1)
    k = 0
    while k < n:
        if plain(r1[k]) and not plain(r2[k]):
            table.spans[(0, k)] = (2, 1)
            k += 1
        elif plain(r1[k]):
            width = 1
            while k + width < n and not plain(r1[k + width]) and plain(r2[k + width]):
                width += 1
            if width > 1:
                table.spans[(0, k)] = (1, width)
            k += width
        else:
            k += 1


def finish_tab_table(table, span_pattern=None):
    """Header rows, title rows spanning the width, numeric cell classes."""
    trim_columns(table)
    rows, n = table.rows, table.ncols
    if n >= 2 and title_row(rows[0], span_pattern) and len(rows) > 1 and header_like(rows[1]):
        table.head = 2
    elif n >= 2 and two_level_header(rows):
        table.head = 2
        apply_two_level_spans(table)
    elif n >= 2 and len(rows) > 1 and header_like(rows[0]):
        table.head = 1
    for r, row in enumerate(rows):
        if n >= 2 and title_row(row, span_pattern):
            table.spans[(r, 0)] = (1, n)
            table.row_class[r] = "title"
    mark_numeric(table)


def mark_numeric(table):
    for r, row in enumerate(table.rows):
        if r < table.head:
            continue
        for c, cell in enumerate(row):
            if plain(cell) and is_numeric(cell):
                table.cell_class[(r, c)] = "num"
