"""Blocks -> an Office Open XML document (.docx), written with zipfile and xml escaping.

w:tbl tables with a grid, w:gridSpan and w:vMerge for spans, w:tblHeader on header rows,
heading styles with outline levels, bold/italic runs, hyperlinks, bullet and marked lists
(numbering.xml), a title page without header (w:titlePg), running header and footer with
PAGE/NUMPAGES fields, landscape sections for the Lumezzane listing pages.
"""
import re
import zipfile
from xml.sax.saxutils import escape as _esc

from fragments import fragment_blocks, para_groups

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = 'xmlns:w="%s" xmlns:r="%s"' % (W, R)
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
TEXT_WIDTH = 9638  # twips between the margins of a portrait A4 page (2 cm + 1.8 cm)
LAND_WIDTH = 14570


def esc(text):
    return _esc(text, {'"': "&quot;"})


class Doc:
    def __init__(self):
        self.links = []  # hyperlink targets, rId = "rIdL<n>"

    def link_id(self, href):
        self.links.append(href)
        return "rIdL%d" % len(self.links)


def run_xml(text, fmt, size=None):
    props = ""
    if "b" in fmt:
        props += "<w:b/>"
    if "i" in fmt:
        props += "<w:i/>"
    if size:
        props += '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (size, size)
    if "u" in fmt:
        props += '<w:u w:val="single"/>'
    if "sup" in fmt:
        props += '<w:vertAlign w:val="superscript"/>'
    elif "sub" in fmt:
        props += '<w:vertAlign w:val="subscript"/>'
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        "<w:rPr>%s</w:rPr>" % props if props else "", esc(text))


def runs_xml(d, runs, size=None, bold=False):
    out = []
    for run in runs:
        if run[0] == "br":
            out.append("<w:r><w:br/></w:r>")
            continue
        text, fmt, href = run
        fmt = set(fmt) | ({"b"} if bold else set())
        xml = run_xml(text, fmt, size)
        if href:
            xml = '<w:hyperlink r:id="%s">%s</w:hyperlink>' % (d.link_id(href), xml)
        out.append(xml)
    return "".join(out)


def p_xml(body, style=None, align=None, num=None, extra=""):
    props = ""
    if style:
        props += '<w:pStyle w:val="%s"/>' % style
    if num:
        props += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % num
    props += extra
    if align:
        props += '<w:jc w:val="%s"/>' % align
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % props if props else "", body)


def structure_xml(d, blocks, style=None, align=None, size=None, bold=False, level=0):
    out = []
    for block in blocks:
        if block[0] == "p":
            out.append(p_xml(runs_xml(d, block[1], size, bold), style, align))
        else:
            num = 3 if block[1] else 1
            for item in block[2]:
                for k, sub in enumerate(item):
                    if sub[0] == "p":
                        out.append(p_xml(runs_xml(d, sub[1], size, bold), "ListParagraph", None,
                                         (level, num) if k == 0 else None,
                                         "" if k == 0 else '<w:ind w:left="%d"/>'
                                         % (360 * (level + 1))))
                    else:
                        out.append(structure_xml(d, [sub], None, None, size, bold, level + 1))
    return "".join(out)


def para_xml(d, lines, cls):
    style = {"big": "CoverBig", "cover": "Cover", "listing-head": "ListingHead"}.get(cls)
    return "".join(structure_xml(d, fragment_blocks(t), style) for t in para_groups(lines))


def list_xml(d, items):
    marked_all = all(kept for _, kept, _ in items)
    out = []
    for indent, kept, text in items:
        num = 2 if (kept or marked_all) else 1
        level = 1 if indent else 0
        for k, block in enumerate(fragment_blocks(text)):
            if block[0] == "p":
                out.append(p_xml(runs_xml(d, block[1]), "ListParagraph", None,
                                 (level, num) if k == 0 else None,
                                 "" if k == 0 else '<w:ind w:left="%d"/>' % (360 * (level + 1))))
            else:
                out.append(structure_xml(d, [block], level=level + 1))
    return "".join(out)


BORDERS = {
    "grid": '<w:tblBorders>%s</w:tblBorders>' % "".join(
        '<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % side
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")),
    "horizontal": '<w:tblBorders>%s%s</w:tblBorders>' % (
        "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % side
                for side in ("top", "bottom", "insideH")),
        "".join('<w:%s w:val="nil"/>' % side for side in ("left", "right", "insideV"))),
    "none": '<w:tblBorders>%s</w:tblBorders>' % "".join(
        '<w:%s w:val="nil"/>' % side
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")),
}
LISTING_WIDTHS = {"tit": 340, "code": 1420, "chapter": 570, "article": 340,
                  "description": 5840, "amount": 1190}


def table_xml(d, table, rules, width):
    rows, n = table.rows, table.ncols
    origin = {}
    for (r, c), (rs, cs) in table.spans.items():
        for dr in range(rs):
            for dc in range(cs):
                if dr or dc:
                    origin[(r + dr, c + dc)] = (r, c, rs, cs)
    kind = table.kind
    borders = BORDERS[rules if kind == "ruled" else "none"]
    if kind == "listing" and table.cols:
        cols = [LISTING_WIDTHS[c] for c in table.cols]
    else:
        cols = [width // n] * n
    size = 13 if kind == "listing" or n >= 11 else (20 if kind == "toc" else 17)
    out = ['<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s<w:tblLayout w:type="fixed"/>'
           '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
           '</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
           'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
           % (sum(cols), borders)]
    out.append("<w:tblGrid>%s</w:tblGrid>" % "".join('<w:gridCol w:w="%d"/>' % w for w in cols))
    for r, row in enumerate(rows):
        head = r < table.head
        out.append("<w:tr>%s" % ("<w:trPr><w:tblHeader/></w:trPr>" if head else
                                 "<w:trPr><w:cantSplit/></w:trPr>" if kind == "listing" else ""))
        for c, text in enumerate(row):
            if (r, c) in origin:
                r0, c0, rs, cs = origin[(r, c)]
                if r0 < r and c == c0:  # continues a vertical span
                    span = '<w:gridSpan w:val="%d"/>' % cs if cs > 1 else ""
                    out.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s'
                               '<w:vMerge/></w:tcPr><w:p/></w:tc>' % (sum(cols[c:c + cs]), span))
                continue
            rs, cs = table.spans.get((r, c), (1, 1))
            props = '<w:tcW w:w="%d" w:type="dxa"/>' % sum(cols[c:c + cs])
            if cs > 1:
                props += '<w:gridSpan w:val="%d"/>' % cs
            if rs > 1:
                props += '<w:vMerge w:val="restart"/>'
            ccls = table.cell_class.get((r, c))
            bold = head or table.row_class.get(r) in ("total", "title") or (
                kind == "listing" and row and row[0] == "Tit")
            align = "right" if ccls == "num" else ("center" if head and kind == "ruled" else None)
            body = structure_xml(d, fragment_blocks(text), "TableText", align, size, bold) \
                if text.strip() else ""
            out.append("<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (props, body or "<w:p/>"))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    # a paragraph after each table keeps consecutive tables apart
    out.append(p_xml("", "TableGap"))
    return "".join(out)


def heading_xml(d, block, cover=False):
    level = min(block[1], 4)
    runs = []
    for b in fragment_blocks(block[2]):
        if b[0] == "p":
            if runs:
                runs.append(("br",))
            runs.extend(b[1])
    return p_xml(runs_xml(d, runs), "Heading%d" % level, "center" if cover else None)


def sect_xml(landscape=False, first=False, next_page=True):
    w, h = (16838, 11906) if landscape else (11906, 16838)
    return ('<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/>'
            '<w:footerReference w:type="default" r:id="rIdF"/>%s'
            '<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="1418" w:right="1021" w:bottom="1247" '
            'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>%s</w:sectPr>'
            % ('<w:type w:val="nextPage"/>' if next_page else "", w, h,
               ' w:orient="landscape"' if landscape else "", "<w:titlePg/>" if first else ""))


def body_xml(d, cover, blocks, rules):
    out = [p_xml("", "CoverTop")]
    for block in cover:
        if block[0] == "para":
            out.append(para_xml(d, block[1], block[2] if len(block) > 2 and block[2] else "cover"))
        elif block[0] == "heading":
            out.append(heading_xml(d, block, cover=True))
        elif block[0] == "list":
            out.append(list_xml(d, block[1]))
    out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    landscape, first_section, width = False, True, TEXT_WIDTH
    for block in blocks:
        kind = block[0]
        if kind == "break":
            out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif kind == "raw":
            # end the current section; the next one has the other orientation
            out.append(p_xml("", extra=sect_xml(landscape, first_section)))
            first_section = False
            landscape = "listing-pages" in block[1]
            width = LAND_WIDTH if landscape else TEXT_WIDTH
        elif kind == "heading":
            out.append(heading_xml(d, block))
        elif kind == "para":
            out.append(para_xml(d, block[1], block[2] if len(block) > 2 else None))
        elif kind == "list":
            out.append(list_xml(d, block[1]))
        elif kind == "table":
            out.append(table_xml(d, block[1], rules, width))
    out.append(sect_xml(landscape, first_section, next_page=False))
    return "".join(out)


def styles_xml():
    def pstyle(sid, name, ppr="", rpr="", based="Normal", extra=""):
        return ('<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/>'
                '<w:basedOn w:val="%s"/>%s<w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>'
                % (sid, name, based, extra, ppr, rpr))
    headings = "".join(
        pstyle("Heading%d" % k, "heading %d" % k,
               '<w:keepNext/><w:spacing w:before="%d" w:after="120"/><w:outlineLvl w:val="%d"/>'
               % (before, k - 1),
               '<w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:b/>'
               '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (size, size),
               extra='<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>')
        for k, size, before in ((1, 28, 280), (2, 24, 240), (3, 22, 200), (4, 21, 160)))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr>'
            '<w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" '
            'w:eastAsia="Liberation Serif" w:cs="Liberation Serif"/>'
            '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="it-IT"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="252" w:lineRule="auto"/>'
            '</w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
            '<w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
            '%s%s%s%s%s%s%s%s%s%s'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
            '<w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            '</w:tblPr></w:style></w:styles>'
            % (NSDECL, headings,
               pstyle("Cover", "Cover", '<w:spacing w:after="200"/><w:jc w:val="center"/>',
                      '<w:sz w:val="26"/>'),
               pstyle("CoverBig", "Cover Big", '<w:spacing w:after="200"/><w:jc w:val="center"/>',
                      '<w:b/><w:sz w:val="40"/>'),
               pstyle("CoverTop", "Cover Top", '<w:spacing w:before="2400" w:after="0"/>'),
               pstyle("ListingHead", "Listing Head", '<w:keepNext/><w:spacing w:before="200" '
                      'w:after="60"/><w:jc w:val="left"/>', '<w:b/><w:sz w:val="16"/>'),
               pstyle("ListParagraph", "List Paragraph", '<w:spacing w:after="40"/>'),
               pstyle("TableText", "Table Text", '<w:spacing w:after="0" w:line="228" '
                      'w:lineRule="auto"/><w:jc w:val="left"/>', '<w:sz w:val="17"/>'),
               pstyle("TableGap", "Table Gap", '<w:spacing w:after="0"/>', '<w:sz w:val="8"/>'),
               pstyle("Header", "header", '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" '
                      'w:color="555555"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs>'
                      '<w:spacing w:after="0"/><w:jc w:val="left"/>',
                      '<w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/>'
                      '<w:sz w:val="16"/>'),
               pstyle("Footer", "footer", '<w:spacing w:after="0"/><w:jc w:val="center"/>',
                      '<w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/>'
                      '<w:sz w:val="16"/>')))


def numbering_xml():
    def level(k, fmt, text, indent):
        return ('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/>'
                '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr>'
                '<w:ind w:left="%d" w:hanging="%d"/></w:pPr></w:lvl>'
                % (k, fmt, text, indent * (k + 1), 0 if fmt == "none" else 283))
    bullets = "".join(level(k, "bullet", "•◦▪"[k % 3], 397) for k in range(3))
    marked = "".join(level(k, "none", "", 340) for k in range(3))
    numbers = "".join(level(k, "decimal", "%%%d." % (k + 1), 454) for k in range(3))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:numbering %s>'
            '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>%s'
            '</w:abstractNum>'
            '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>%s'
            '</w:abstractNum>'
            '<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>%s'
            '</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
            '</w:numbering>' % (NSDECL, bullets, marked, numbers))


def footer_fields(footer):
    out = []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"|counter\((\w+)\)', footer):
        if m.group(1) is not None:
            out.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % esc(m.group(1)))
        else:
            out.append('<w:fldSimple w:instr=" %s "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                       % ("NUMPAGES" if m.group(2) == "pages" else "PAGE"))
    return "".join(out)


def header_xml(doc):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:hdr %s><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
            '<w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:tab/></w:r>'
            '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:hdr>'
            % (NSDECL, esc(doc["ente"]), esc(doc["title"])))


def footer_xml(doc):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:ftr %s><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>%s</w:p></w:ftr>'
            % (NSDECL, footer_fields(doc["footer"])))


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    '</Types>')

ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    '</Relationships>')


def document_rels(d):
    rel = ('<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/%s" Target="%s"%s/>')
    items = [rel % ("rIdS", "styles", "styles.xml", ""),
             rel % ("rIdN", "numbering", "numbering.xml", ""),
             rel % ("rIdH", "header", "header1.xml", ""),
             rel % ("rIdF", "footer", "footer1.xml", "")]
    items += [rel % ("rIdL%d" % (k + 1), "hyperlink", esc(href), ' TargetMode="External"')
              for k, href in enumerate(d.links)]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '%s</Relationships>' % "".join(items))


def core_xml(doc):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator><dc:language>it-IT</dc:language>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>'
            '</cp:coreProperties>'
            % (esc(doc["pdf_title"]), esc(doc["author"]), doc["date"], doc["date"]))


def _member(zf, name, data):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


def write(path, doc, cover, blocks, rules="grid"):
    d = Doc()
    body = body_xml(d, cover, blocks, rules)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document %s><w:body>%s</w:body></w:document>' % (NSDECL, body))
    with zipfile.ZipFile(path, "w") as zf:
        _member(zf, "[Content_Types].xml", CONTENT_TYPES)
        _member(zf, "_rels/.rels", ROOT_RELS)
        _member(zf, "word/document.xml", document)
        _member(zf, "word/_rels/document.xml.rels", document_rels(d))
        _member(zf, "word/styles.xml", styles_xml())
        _member(zf, "word/numbering.xml", numbering_xml())
        _member(zf, "word/header1.xml", header_xml(doc))
        _member(zf, "word/footer1.xml", footer_xml(doc))
        _member(zf, "docProps/core.xml", core_xml(doc))
