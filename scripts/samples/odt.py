"""Blocks -> an OpenDocument text file (.odt), written with zipfile and xml escaping.

Real tables (table:table, table:table-header-rows, spans with table:covered-table-cell),
headings as text:h with outline levels, bold/italic spans, hyperlinks, lists, a title page on
its own master page (no header, no footer) and running header/footer on the others (ente,
title, the seed's page-number form). The Lumezzane listing pages use a landscape master page.

rules: "horizontal" (rule above and below every cell of ruled tables, none on listings: the
libreoffice-odt rendering) or "grid" (full grids on ruled tables: the XML source).
"""
import re
import zipfile
from xml.sax.saxutils import escape as _esc

from fragments import fragment_blocks, para_groups

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'office:version="1.3"')

FONT = "Liberation Sans"  # Writer's default sans, at another size than the samples
SIZE = "9pt"
TABLE_SIZE = "8.5pt"
LISTING_SIZE = "6.5pt"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def esc(text):
    return _esc(text, {'"': "&quot;"})


def xml_text(text):
    """Text with runs of spaces as text:s (ODF collapses white space)."""
    out = []
    for k, part in enumerate(re.split(r"( {2,})", text)):
        if k % 2:
            out.append(' <text:s text:c="%d"/>' % (len(part) - 1))
        else:
            out.append(esc(part).replace("\t", "<text:tab/>"))
    return "".join(out)


FORMAT_STYLE = {frozenset({"b"}): "T_b", frozenset({"i"}): "T_i", frozenset({"u"}): "T_u",
                frozenset({"b", "i"}): "T_bi", frozenset({"sup"}): "T_sup",
                frozenset({"sub"}): "T_sub"}


def runs_xml(runs):
    out = []
    for run in runs:
        if run[0] == "br":
            out.append("<text:line-break/>")
            continue
        text, fmt, href = run
        body = xml_text(text)
        fmt = frozenset(f for f in fmt if f in ("b", "i", "u", "sup", "sub"))
        if fmt:
            style = FORMAT_STYLE.get(fmt) or ("T_b" if "b" in fmt else "T_i")
            body = '<text:span text:style-name="%s">%s</text:span>' % (style, body)
        if href:
            body = ('<text:a xlink:type="simple" xlink:href="%s">%s</text:a>'
                    % (esc(href), body))
        out.append(body)
    return "".join(out)


def structure_xml(blocks, pstyle):
    out = []
    for block in blocks:
        if block[0] == "p":
            out.append('<text:p text:style-name="%s">%s</text:p>' % (pstyle, runs_xml(block[1])))
        else:
            out.append('<text:list text:style-name="%s">' % ("L_num" if block[1] else "L_bullet"))
            for item in block[2]:
                out.append("<text:list-item>%s</text:list-item>" % structure_xml(item, pstyle))
            out.append("</text:list>")
    return "".join(out)


def para_xml(lines, cls):
    style = {"big": "P_cover_big", "listing-head": "P_listing_head", "cover": "P_cover"}.get(
        cls, "P_body")
    return "".join(structure_xml(fragment_blocks(text), style) for text in para_groups(lines))


def list_xml(items):
    marked_all = all(kept for _, kept, _ in items)
    out, open_sub = [], False
    out.append('<text:list text:style-name="%s">' % ("L_marked" if marked_all else "L_bullet"))
    for k, (indent, kept, text) in enumerate(items):
        body = structure_xml(fragment_blocks(text), "P_list")
        if indent and k and not open_sub:
            # nested list inside the previous item: reopen it
            out[-1] = out[-1][: -len("</text:list-item>")]
            out.append('<text:list>')
            open_sub = True
        elif not indent and open_sub:
            out.append("</text:list></text:list-item>")
            open_sub = False
        if kept and not marked_all:  # the item carries its own marker ("a)", "1.")
            out.append('<text:list-item text:style-override="L_marked">%s</text:list-item>'
                       % body)
        else:
            out.append("<text:list-item>%s</text:list-item>" % body)
    if open_sub:
        out.append("</text:list></text:list-item>")
    out.append("</text:list>")
    return "".join(out)


def table_xml(table, name, rules):
    rows, n = table.rows, table.ncols
    covered = set()
    for (r, c), (rs, cs) in table.spans.items():
        for dr in range(rs):
            for dc in range(cs):
                if dr or dc:
                    covered.add((r + dr, c + dc))
    kind = table.kind
    tstyle = {"listing": "Tab_listing", "toc": "Tab_toc"}.get(kind, "Tab_ruled")
    if kind == "ruled":
        cell = "C_grid" if rules == "grid" else "C_hrule"
    else:
        cell = "C_none"
    out = ['<table:table table:name="%s" table:style-name="%s">' % (name, tstyle)]
    if kind == "listing" and table.cols:
        for col in table.cols:
            out.append('<table:table-column table:style-name="Col_%s"/>' % col)
    else:
        out.append('<table:table-column table:number-columns-repeated="%d"/>' % n)
    size = {"listing": "_listing", "toc": "_toc"}.get(kind, "_wide" if n >= 11 else "")
    for r, row in enumerate(rows):
        if r == 0 and table.head:
            out.append("<table:table-header-rows>")
        out.append("<table:table-row>")
        head = r < table.head or (kind == "listing" and row and row[0] == "Tit")
        for c, text in enumerate(row):
            if (r, c) in covered:
                out.append("<table:covered-table-cell/>")
                continue
            attrs = ' table:style-name="%s"' % cell
            rs, cs = table.spans.get((r, c), (1, 1))
            if rs > 1:
                attrs += ' table:number-rows-spanned="%d"' % rs
            if cs > 1:
                attrs += ' table:number-columns-spanned="%d"' % cs
            ccls = table.cell_class.get((r, c))
            if head:
                pstyle = "P_th" + size
            elif ccls == "num":
                pstyle = "P_num" + size
            elif table.row_class.get(r) in ("total", "title"):
                pstyle = "P_tdb" + size
            else:
                pstyle = "P_td" + size
            body = structure_xml(fragment_blocks(text), pstyle) if text.strip() else ""
            out.append('<table:table-cell office:value-type="string"%s>%s</table:table-cell>'
                       % (attrs, body or '<text:p text:style-name="%s"/>' % pstyle))
        out.append("</table:table-row>")
        if r == table.head - 1:
            out.append("</table:table-header-rows>")
    out.append("</table:table>")
    return "".join(out)


def body_xml(cover, blocks, rules):
    # the title page: the first master page (no header, no footer), text set low
    out = ['<text:p text:style-name="P_first"/>']
    for block in cover:
        if block[0] == "para":
            cls = block[2] if len(block) > 2 and block[2] else "cover"
            xml = para_xml(block[1], cls)
        elif block[0] == "heading":
            xml = heading_xml(block, cover=True)
        elif block[0] == "list":
            xml = list_xml(block[1])
        else:
            continue
        out.append(xml)
    pending = "P_break_std"  # the body starts on a new page with the running furniture
    ntable = 0
    for block in blocks:
        kind = block[0]
        if kind == "break":
            if pending is None:  # a master page switch breaks the page already
                pending = "P_break"
            continue
        if kind == "raw":
            if "listing-pages" in block[1]:
                pending = "P_land"
            elif block[1].startswith("</div"):
                pending = "P_break_std"
            continue
        if pending:
            out.append('<text:p text:style-name="%s"/>' % pending)
            pending = None
        if kind == "heading":
            out.append(heading_xml(block))
        elif kind == "para":
            out.append(para_xml(block[1], block[2] if len(block) > 2 else None))
        elif kind == "list":
            out.append(list_xml(block[1]))
        elif kind == "table":
            ntable += 1
            out.append(table_xml(block[1], "Tabella%d" % ntable, rules))
    return "".join(out)


def heading_xml(block, cover=False):
    level = min(block[1], 4)
    runs = []
    for b in fragment_blocks(block[2]):
        if b[0] == "p":
            if runs:
                runs.append(("br",))
            runs.extend(b[1])
    return ('<text:h text:style-name="%s" text:outline-level="%d">%s</text:h>'
            % ("Cover_Heading" if cover else "Heading_20_%d" % level, level, runs_xml(runs)))


def footer_xml(footer):
    """The CSS content of the seed's footer ('"Pagina " counter(page) ...') as ODF text."""
    out = []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"|counter\((\w+)\)', footer):
        if m.group(1) is not None:
            out.append(xml_text(m.group(1)))
        elif m.group(2) == "pages":
            out.append('<text:page-count style:num-format="1">1</text:page-count>')
        else:
            out.append('<text:page-number style:num-format="1" text:select-page="current">1'
                       '</text:page-number>')
    return "".join(out)


def para_style(name, parent="Standard", size=None, bold=False, align=None, extra_par="",
               extra_text="", master=None, margin="0cm 0cm 0.12cm"):
    top, _, bottom = margin.split()
    par = ' fo:margin-top="%s" fo:margin-bottom="%s"' % (top, bottom)
    if align:
        par += ' fo:text-align="%s"' % align
    text = ""
    if size:
        text += ' fo:font-size="%s"' % size
    if bold:
        text += ' fo:font-weight="bold"'
    return ('<style:style style:name="%s" style:family="paragraph" style:parent-style-name="%s"%s>'
            '<style:paragraph-properties%s%s/><style:text-properties%s%s/></style:style>'
            % (name, parent, ' style:master-page-name="%s"' % master if master else "",
               par, extra_par, text, extra_text))


def cell_style(name, border):
    return ('<style:style style:name="%s" style:family="table-cell"><style:table-cell-properties '
            'fo:padding="0.05cm" %s style:vertical-align="top"/></style:style>' % (name, border))


def automatic_styles():
    rule = "0.5pt solid #000000"
    styles = [
        para_style("P_body", align="justify"),
        para_style("P_list", align="justify", margin="0cm 0cm 0.05cm"),
        para_style("P_cover", size="13pt", align="center", margin="0cm 0cm 0.35cm"),
        para_style("P_cover_big", size="20pt", bold=True, align="center", margin="0cm 0cm 0.35cm"),
        para_style("P_first", master="First_20_Page", margin="4.2cm 0cm 0cm"),
        para_style("P_listing_head", size="8pt", bold=True, margin="0.35cm 0cm 0.1cm",
                   extra_par=' fo:keep-with-next="always"'),
        para_style("P_break", extra_par=' fo:break-before="page"', margin="0cm 0cm 0cm"),
        para_style("P_break_std", master="Standard", margin="0cm 0cm 0cm"),
        para_style("P_land", master="Landscape", margin="0cm 0cm 0cm"),
    ]
    for suffix, size in (("", TABLE_SIZE), ("_listing", LISTING_SIZE), ("_wide", LISTING_SIZE),
                         ("_toc", SIZE)):
        styles += [
            para_style("P_td" + suffix, size=size, align="start", margin="0cm 0cm 0cm"),
            para_style("P_tdb" + suffix, size=size, bold=True, align="start", margin="0cm 0cm 0cm"),
            para_style("P_th" + suffix, size=size, bold=True,
                       align="start" if suffix in ("_listing", "_toc") else "center",
                       margin="0cm 0cm 0cm"),
            para_style("P_num" + suffix, size=size, align="end", margin="0cm 0cm 0cm"),
        ]
    styles += [
        '<style:style style:name="T_b" style:family="text"><style:text-properties '
        'fo:font-weight="bold"/></style:style>',
        '<style:style style:name="T_i" style:family="text"><style:text-properties '
        'fo:font-style="italic"/></style:style>',
        '<style:style style:name="T_bi" style:family="text"><style:text-properties '
        'fo:font-weight="bold" fo:font-style="italic"/></style:style>',
        '<style:style style:name="T_u" style:family="text"><style:text-properties '
        'style:text-underline-style="solid" style:text-underline-width="auto" '
        'style:text-underline-color="font-color"/></style:style>',
        '<style:style style:name="T_sup" style:family="text"><style:text-properties '
        'style:text-position="super 58%"/></style:style>',
        '<style:style style:name="T_sub" style:family="text"><style:text-properties '
        'style:text-position="sub 58%"/></style:style>',
        '<style:style style:name="Tab_ruled" style:family="table"><style:table-properties '
        'style:rel-width="100%" table:align="margins" fo:margin-top="0.1cm" '
        'fo:margin-bottom="0.25cm"/></style:style>',
        '<style:style style:name="Tab_listing" style:family="table"><style:table-properties '
        'style:width="25.5cm" table:align="left" fo:margin-bottom="0.25cm"/></style:style>',
        '<style:style style:name="Tab_toc" style:family="table"><style:table-properties '
        'style:rel-width="100%" table:align="margins"/></style:style>',
        cell_style("C_grid", 'fo:border="%s"' % rule),
        cell_style("C_hrule", 'fo:border-left="none" fo:border-right="none" fo:border-top="%s" '
                              'fo:border-bottom="%s"' % (rule, rule)),
        cell_style("C_none", 'fo:border="none"'),
    ]
    widths = {"tit": "0.6cm", "code": "2.5cm", "chapter": "1.0cm", "article": "0.6cm",
              "description": "10.3cm", "amount": "2.1cm"}
    for col, width in widths.items():
        styles.append('<style:style style:name="Col_%s" style:family="table-column">'
                      '<style:table-column-properties style:column-width="%s"/></style:style>'
                      % (col, width))
    return "".join(styles)


def content_xml(cover, blocks, rules):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content %s><office:automatic-styles>%s</office:automatic-styles>'
            '<office:body><office:text>%s</office:text></office:body></office:document-content>'
            % (NS, automatic_styles(), body_xml(cover, blocks, rules)))


def list_styles():
    bullet = ('<text:list-style style:name="L_bullet">%s</text:list-style>' % "".join(
        '<text:list-level-style-bullet text:level="%d" text:bullet-char="%s">'
        '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        '<style:list-level-label-alignment text:label-followed-by="listtab" '
        'fo:text-indent="-0.4cm" fo:margin-left="%.1fcm"/></style:list-level-properties>'
        '</text:list-level-style-bullet>' % (k, "•" if k % 2 else "◦", 0.6 * k)
        for k in range(1, 4)))
    marked = ('<text:list-style style:name="L_marked">%s</text:list-style>' % "".join(
        '<text:list-level-style-number text:level="%d" style:num-format="">'
        '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        '<style:list-level-label-alignment text:label-followed-by="nothing" '
        'fo:text-indent="0cm" fo:margin-left="%.1fcm"/></style:list-level-properties>'
        '</text:list-level-style-number>' % (k, 0.5 * k) for k in range(1, 4)))
    number = ('<text:list-style style:name="L_num">%s</text:list-style>' % "".join(
        '<text:list-level-style-number text:level="%d" style:num-suffix="." style:num-format="1">'
        '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        '<style:list-level-label-alignment text:label-followed-by="listtab" '
        'fo:text-indent="-0.5cm" fo:margin-left="%.1fcm"/></style:list-level-properties>'
        '</text:list-level-style-number>' % (k, 0.7 * k) for k in range(1, 4)))
    return bullet + marked + number


def styles_xml(doc):
    headings = "".join(
        '<style:style style:name="Heading_20_%d" style:display-name="Heading %d" '
        'style:family="paragraph" style:parent-style-name="Heading" '
        'style:next-style-name="Text_20_body" style:default-outline-level="%d" '
        'style:class="text"><style:paragraph-properties fo:margin-top="%s" fo:margin-bottom="0.2cm" '
        'fo:keep-with-next="always"/><style:text-properties fo:font-size="%s" '
        'fo:font-weight="bold"/></style:style>' % (k, k, k, top, size)
        for k, size, top in ((1, "14pt", "0.5cm"), (2, "12pt", "0.4cm"), (3, "11pt", "0.35cm"),
                             (4, "10.5pt", "0.3cm")))
    header = ('<style:header><text:p text:style-name="Header">%s<text:tab/>'
              '<text:span text:style-name="T_hi">%s</text:span></text:p></style:header>'
              % (xml_text(doc["ente"]), xml_text(doc["title"])))
    footer = ('<style:footer><text:p text:style-name="Footer">%s</text:p></style:footer>'
              % footer_xml(doc["footer"]))
    page = ('<style:page-layout style:name="%s"><style:page-layout-properties '
            'fo:page-width="%s" fo:page-height="%s" style:print-orientation="%s" '
            'fo:margin-top="1.2cm" fo:margin-bottom="1.0cm" fo:margin-left="2.0cm" '
            'fo:margin-right="1.8cm"/><style:header-style><style:header-footer-properties '
            'fo:min-height="0.6cm" fo:margin-bottom="0.4cm" fo:border-bottom="0.5pt solid #555555" '
            'fo:padding-bottom="0.05cm"/></style:header-style><style:footer-style>'
            '<style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/>'
            '</style:footer-style></style:page-layout>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-styles %s>'
            '<office:font-face-decls><style:font-face style:name="Liberation Serif" '
            'svg:font-family="\'Liberation Serif\'" style:font-family-generic="roman" '
            'style:font-pitch="variable"/>'
            '<style:font-face style:name="Liberation Sans" svg:font-family="\'Liberation Sans\'" '
            'style:font-family-generic="swiss" style:font-pitch="variable"/>'
            '</office:font-face-decls>'
            '<office:styles>'
            '<style:default-style style:family="paragraph"><style:paragraph-properties '
            'style:writing-mode="lr-tb"/><style:text-properties style:font-name="%s" '
            'fo:font-size="%s" fo:language="it" fo:country="IT"/></style:default-style>'
            '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
            '<style:style style:name="Text_20_body" style:display-name="Text body" '
            'style:family="paragraph" style:parent-style-name="Standard" style:class="text">'
            '<style:paragraph-properties fo:margin-bottom="0.12cm"/></style:style>'
            '<style:style style:name="Heading" style:family="paragraph" '
            'style:parent-style-name="Standard" style:class="text"><style:text-properties '
            'style:font-name="Liberation Sans"/></style:style>%s'
            '<style:style style:name="Cover_Heading" style:family="paragraph" '
            'style:parent-style-name="Heading" style:default-outline-level="1">'
            '<style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.35cm"/>'
            '<style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>'
            '<style:style style:name="Header" style:family="paragraph" '
            'style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties>'
            '<style:tab-stops><style:tab-stop style:position="17.2cm" style:type="right"/>'
            '</style:tab-stops></style:paragraph-properties><style:text-properties '
            'style:font-name="Liberation Sans" fo:font-size="8pt"/></style:style>'
            '<style:style style:name="Header_land" style:family="paragraph" '
            'style:parent-style-name="Header"><style:paragraph-properties><style:tab-stops>'
            '<style:tab-stop style:position="25.7cm" style:type="right"/></style:tab-stops>'
            '</style:paragraph-properties></style:style>'
            '<style:style style:name="Footer" style:family="paragraph" '
            'style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties '
            'fo:text-align="center"/><style:text-properties style:font-name="Liberation Sans" '
            'fo:font-size="8pt"/></style:style>'
            '<style:style style:name="T_hi" style:family="text"><style:text-properties '
            'fo:font-style="italic"/></style:style>'
            '%s</office:styles>'
            '<office:automatic-styles>%s%s%s</office:automatic-styles>'
            '<office:master-styles>'
            '<style:master-page style:name="Standard" style:page-layout-name="PM_portrait">%s%s'
            '</style:master-page>'
            '<style:master-page style:name="First_20_Page" style:display-name="First Page" '
            'style:page-layout-name="PM_first" style:next-style-name="Standard"/>'
            '<style:master-page style:name="Landscape" style:page-layout-name="PM_landscape">'
            '%s%s</style:master-page>'
            '</office:master-styles></office:document-styles>'
            % (NS, FONT, SIZE, headings, list_styles(),
               page % ("PM_portrait", "21cm", "29.7cm", "portrait"),
               page % ("PM_first", "21cm", "29.7cm", "portrait"),
               page % ("PM_landscape", "29.7cm", "21cm", "landscape"),
               header, footer, header.replace('"Header"', '"Header_land"'), footer))


def meta_xml(doc):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta %s><office:meta>'
            '<meta:generator>scripts/render-samples</meta:generator>'
            '<dc:title>%s</dc:title><meta:initial-creator>%s</meta:initial-creator>'
            '<dc:creator>%s</dc:creator><meta:creation-date>%s</meta:creation-date>'
            '<dc:date>%s</dc:date><dc:language>it-IT</dc:language>'
            '</office:meta></office:document-meta>'
            % (NS, esc(doc["pdf_title"]), esc(doc["author"]), esc(doc["author"]),
               doc["date"].rstrip("Z"), doc["date"].rstrip("Z")))


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ' manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def _member(zf, name, data, compress=True):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


def write(path, doc, cover, blocks, rules="horizontal"):
    with zipfile.ZipFile(path, "w") as zf:
        _member(zf, "mimetype", "application/vnd.oasis.opendocument.text", compress=False)
        _member(zf, "content.xml", content_xml(cover, blocks, rules))
        _member(zf, "styles.xml", styles_xml(doc))
        _member(zf, "meta.xml", meta_xml(doc))
        _member(zf, "META-INF/manifest.xml", MANIFEST)
