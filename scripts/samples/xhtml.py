"""The HTML of a sample (render.document_html: the default layout, house style) re-serialized
as XHTML: well-formed XML in the XHTML namespace, void elements closed, every element closed
where the seed markup left it open, text and attributes escaped."""
import html.parser
from xml.sax.saxutils import escape, quoteattr

from render import blocks_html, document_html

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# elements whose start implicitly closes an open element of the same kind (HTML parsing rules)
SELF_CLOSING_PEERS = {"li": {"li"}, "tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"},
                      "thead": {"tbody"}, "tbody": {"thead", "tbody"}}


class _Writer(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.stack = [], []

    def _open(self, tag, attrs, empty):
        peers = SELF_CLOSING_PEERS.get(tag)
        if peers and self.stack and self.stack[-1] in peers:
            self.out.append("</%s>" % self.stack.pop())
        text = "".join(" %s=%s" % (k, quoteattr(v if v is not None else k)) for k, v in attrs)
        if tag == "html":
            text = ' xmlns="http://www.w3.org/1999/xhtml" xml:lang="it"' + text
        if tag in VOID or empty:
            self.out.append("<%s%s/>" % (tag, text))
        else:
            self.out.append("<%s%s>" % (tag, text))
            self.stack.append(tag)

    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            self.out.append("</%s>" % top)
            if top == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.out.append(escape(data))

    def result(self):
        while self.stack:
            self.out.append("</%s>" % self.stack.pop())
        return "".join(self.out)


def to_xhtml(html_text):
    w = _Writer()
    w.feed(html_text)
    w.close()
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n' + w.result() + "\n"


def write(path, doc, cover, blocks, css):
    body = ('<div class="cover">\n%s\n</div>\n<div class="page-break"></div>\n%s'
            % (blocks_html(cover), blocks_html(blocks)))
    text = to_xhtml(document_html(doc, body, css))
    text = text.replace('<meta charset="utf-8"/>',
                        '<meta http-equiv="Content-Type" content="application/xhtml+xml; '
                        'charset=utf-8"/>', 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
