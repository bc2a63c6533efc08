"""Blocks -> one HTML document with the page furniture of a municipal PDF."""
from markup import escape, has_block, inline

LEVEL_TAG = {1: "h1", 2: "h2", 3: "h3", 4: "h4", 5: "h4", 6: "h4"}


def table_html(table):
    rows, spans = table.rows, table.spans
    covered = set()
    for (r, c), (rs, cs) in spans.items():
        for dr in range(rs):
            for dc in range(cs):
                if dr or dc:
                    covered.add((r + dr, c + dc))
    out = ['<table class="%s">' % table.kind]
    if table.caption:
        out.append("<caption>%s</caption>" % inline(table.caption))
    if table.cols:
        out.append("<colgroup>%s</colgroup>" % "".join('<col class="%s">' % c for c in table.cols))
    for r, row in enumerate(rows):
        if r == 0 and table.head:
            out.append("<thead>")
        if r == table.head:
            out.append("<tbody>")
        cls = table.row_class.get(r)
        out.append('<tr class="%s">' % cls if cls else "<tr>")
        tag = "th" if r < table.head else "td"
        for c, cell in enumerate(row):
            if (r, c) in covered:
                continue
            attrs = ""
            rs, cs = spans.get((r, c), (1, 1))
            if rs > 1:
                attrs += ' rowspan="%d"' % rs
            if cs > 1:
                attrs += ' colspan="%d"' % cs
            ccls = table.cell_class.get((r, c))
            if ccls:
                attrs += ' class="%s"' % ccls
            out.append("<%s%s>%s</%s>" % (tag, attrs, inline(cell), tag))
        out.append("</tr>")
        if r == table.head - 1:
            out.append("</thead>")
    out.append("</tbody></table>" if len(rows) > table.head else "</table>")
    return "\n".join(out)


def para_html(lines, cls=None):
    """One paragraph per label line ("<b>Label:</b> value", "**Label:** value");
    other lines continue the paragraph after a line break."""
    paras = []
    for line in lines:
        stripped = line.strip()
        starts_label = stripped.startswith(("<b>", "**", "<p>"))
        if not paras or starts_label:
            paras.append([stripped])
        else:
            paras[-1].append(stripped)
    out = []
    for para in paras:
        body = inline("\n".join(para)).replace("\n", "<br>")
        if body.startswith("<p>") and body.endswith("</p>") and body.count("<p>") == 1:
            body = body[3:-4]
        if has_block(body):
            out.append('<div class="para%s">%s</div>' % (" " + cls if cls else "", body))
        else:
            out.append('<p%s>%s</p>' % (' class="%s"' % cls if cls else "", body))
    return "\n".join(out)


def list_html(items):
    out, plain_marks = [], all(kept for _, kept, _ in items)
    out.append('<ul class="%s">' % ("marked" if plain_marks else "bullets"))
    for indent, kept, text in items:
        cls = []
        if kept and not plain_marks:
            cls.append("marked")
        if indent:
            cls.append("sub")
        body = inline(text).replace("\n", "<br>")
        out.append('<li%s>%s</li>' % (' class="%s"' % " ".join(cls) if cls else "", body))
    out.append("</ul>")
    return "\n".join(out)


def blocks_html(blocks):
    out = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            tag = LEVEL_TAG[block[1]]
            out.append("<%s>%s</%s>" % (tag, inline(block[2]), tag))
        elif kind == "para":
            out.append(para_html(block[1], block[2] if len(block) > 2 else None))
        elif kind == "list":
            out.append(list_html(block[1]))
        elif kind == "table":
            out.append(table_html(block[1]))
        elif kind == "break":
            out.append('<div class="page-break"></div>')
        elif kind == "raw":
            out.append(block[1])
    return "\n".join(out)


def page_css(doc):
    """@page rules: running header (ente, document title) and the footer counter."""
    return """
@page {
  @top-left { content: "%(ente)s"; }
  @top-right { content: "%(title)s"; }
  @bottom-center { content: %(footer)s; }
}
@page :first {
  @top-left { content: none; border: none; }
  @top-right { content: none; border: none; }
  @bottom-center { content: none; }
}
""" % {"ente": doc["ente"].replace('"', '\\"'), "title": doc["title"].replace('"', '\\"'),
       "footer": doc["footer"]}


def document_html(doc, body, css):
    meta = [
        '<meta charset="utf-8">',
        "<title>%s</title>" % escape(doc["pdf_title"]),
        '<meta name="author" content="%s">' % escape(doc["author"]),
        '<meta name="dcterms.created" content="%s">' % doc["date"],
        '<meta name="dcterms.modified" content="%s">' % doc["date"],
        '<meta name="generator" content="scripts/render-samples">',
    ]
    return """<!DOCTYPE html>
<html lang="it">
<head>
%s
<style>
%s
%s
%s
</style>
</head>
<body class="%s">
%s
</body>
</html>
""" % ("\n".join(meta), css, page_css(doc), doc.get("css", ""), doc["stem"], body)
