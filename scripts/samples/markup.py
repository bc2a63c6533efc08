"""Inline markup of the seed texts -> HTML.

The seeds mix three notations: markdown (**bold**, *italic*, [text](url), `\\*`), a few
HTML tags left by the extraction (<b>, <i>, <p>, <ul>/<li>, <a href>) and plain text that
may contain '<' or '&'. `inline` keeps the known tags (without their style attributes),
converts the markdown and escapes everything else.
"""
import html
import re

KEPT_TAGS = {"b", "strong", "i", "em", "u", "p", "ul", "ol", "li", "a", "br", "sup", "sub"}
BLOCK_TAGS = ("<p>", "<ul>", "<ol>", "<li>")

_ANGLE = re.compile(r"<[^<>]*>")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>")
_HREF = re.compile(r"""href\s*=\s*["']([^"']*)["']""")

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_ITALIC = re.compile(r"(?<![*\w\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![*\w])", re.S)
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")


def escape(text):
    return html.escape(text, quote=True)


def _markdown(text):
    """Escape plain text and apply the markdown the seeds use."""
    out = escape(text)
    out = _LINK.sub(lambda m: '<a href="%s">%s</a>' % (m.group(2), m.group(1)), out)
    out = _BOLD.sub(r"<b>\1</b>", out)
    out = _ITALIC.sub(r"<i>\1</i>", out)
    out = out.replace("\\*", "*").replace("\\_", "_").replace("\\-", "-")
    return out


def _tag(token):
    auto = _AUTOLINK.fullmatch(token)
    if auto:
        url = escape(auto.group(1))
        return '<a href="%s">%s</a>' % (url, url)
    m = _TAG.fullmatch(token)
    if not m or m.group(2).lower() not in KEPT_TAGS:
        return None
    closing, name = m.group(1), m.group(2).lower()
    if name == "br":
        return "<br>"
    if name in ("ul", "ol") and not closing and "list-style-type: none" in (m.group(3) or ""):
        return '<%s class="marked">' % name
    if name == "a" and not closing:
        href = _HREF.search(m.group(3) or "")
        return '<a href="%s">' % escape(href.group(1)) if href else "<a>"
    return "<%s%s>" % (closing, name)


def inline(text):
    """Seed text of one cell or paragraph -> HTML fragment."""
    parts, pos = [], 0
    for m in _ANGLE.finditer(text):
        tag = _tag(m.group(0))
        if tag is None:
            continue  # not a tag we keep: stays text, escaped with its neighbours
        parts.append(_markdown(text[pos:m.start()]))
        parts.append(tag)
        pos = m.end()
    parts.append(_markdown(text[pos:]))
    out = "".join(parts)
    # A <ul>/<ol> without <li> (the seeds write "<ul> - a - b") is just text.
    if "<li>" not in out:
        out = re.sub(r"</?(ul|ol)(?: class=\"marked\")?>", " ", out)
    return out.strip()


def plain(text):
    """The visible text of a seed fragment: tags and markdown removed, spaces collapsed."""
    out = re.sub(r"<[^>]*>", " ", inline(text))
    out = html.unescape(out)
    return " ".join(out.split())


def has_block(fragment):
    return any(tag in fragment for tag in BLOCK_TAGS)
