"""HTML fragments (what markup.inline makes of a seed line) -> a small tree, and the blocks of a
document -> the same paragraph structure the HTML has. Used by the ODT and DOCX writers, so
that they hold the same words as the samples.

Tree nodes: ("text", str) and (tag, attrs, children) for the tags markup.KEPT_TAGS keeps.
"""
import html.parser

from markup import has_block, inline

INLINE_TAGS = {"b", "strong", "i", "em", "u", "a", "sup", "sub"}
VOID = {"br"}


class _Builder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = ("root", {}, [])
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = (tag, dict(attrs), [])
        self.stack[-1][2].append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1][2].append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                return  # an end tag with no open element is dropped

    def handle_data(self, data):
        self.stack[-1][2].append(("text", data))


def tree(fragment):
    b = _Builder()
    b.feed(fragment)
    b.close()
    return b.root[2]


# Block structure of a fragment: a list of ("p", runs) and ("list", ordered, [items]) where an
# item is a list of such blocks. Runs: (text, frozenset of formats, href) and ("br",).

def _runs(nodes, fmt=frozenset(), href=None, out=None):
    out = [] if out is None else out
    for node in nodes:
        if node[0] == "text":
            if node[1]:
                out.append((node[1], fmt, href))
        elif node[0] == "br":
            out.append(("br",))
        elif node[0] in INLINE_TAGS:
            tag = {"strong": "b", "em": "i"}.get(node[0], node[0])
            _runs(node[2], fmt | {tag} if tag != "a" else fmt,
                  node[1].get("href") or href if tag == "a" else href, out)
        else:  # a block tag inside inline content: keep its text
            _runs(node[2], fmt, href, out)
    return out


def _trim(runs):
    """Collapse white space as HTML does (newlines are spaces), drop it at line ends."""
    out = []
    for run in runs:
        if run[0] == "br":
            out.append(run)
            continue
        text = " ".join(run[0].replace("\n", " ").split(" "))
        while "  " in text:
            text = text.replace("  ", " ")
        out.append((text, run[1], run[2]))
    # strip leading/trailing spaces of each line
    lines, cur = [], []
    for run in out:
        if run[0] == "br":
            lines.append(cur)
            lines.append(None)
            cur = []
        else:
            cur.append(run)
    lines.append(cur)
    result = []
    for line in lines:
        if line is None:
            result.append(("br",))
            continue
        while line and not line[0][0].strip():
            line.pop(0)
        while line and not line[-1][0].strip():
            line.pop()
        if line:
            line[0] = (line[0][0].lstrip(), line[0][1], line[0][2])
            line[-1] = (line[-1][0].rstrip(), line[-1][1], line[-1][2])
        merged = []
        for run in line:
            if merged and merged[-1][0] != "br" and " " == merged[-1][0][-1:] and run[0][:1] == " ":
                run = (run[0][1:], run[1], run[2])
            if run[0]:
                merged.append(run)
        result.extend(merged)
    while result and result[-1][0] == "br":
        result.pop()
    while result and result[0][0] == "br":
        result.pop(0)
    return result


def structure(nodes):
    """Block structure of a node list (see above)."""
    blocks, pending = [], []

    def flush():
        runs = _trim(_runs(pending))
        if runs:
            blocks.append(("p", runs))
        pending.clear()

    for node in nodes:
        if node[0] == "p":
            flush()
            blocks.extend(structure(node[2]) or [])
        elif node[0] in ("ul", "ol"):
            flush()
            items = [structure(li[2]) for li in node[2] if li[0] == "li"]
            loose = [n for n in node[2] if n[0] not in ("li",)]
            if any(n[0] != "text" or n[1].strip() for n in loose):
                items.append(structure(loose))
            blocks.append(("list", node[0] == "ol", [i for i in items if i]))
        elif node[0] == "li":
            flush()
            blocks.append(("list", False, [structure(node[2])]))
        else:
            pending.append(node)
    flush()
    return blocks


def fragment_blocks(text):
    """Seed text of one cell or paragraph -> block structure."""
    body = inline(text).replace("\n", "<br>")
    return structure(tree(body))


def para_groups(lines):
    """The paragraphs render.para_html makes of a para block's lines: one per label line."""
    paras = []
    for line in lines:
        stripped = line.strip()
        starts_label = stripped.startswith(("<b>", "**", "<p>"))
        if not paras or starts_label:
            paras.append([stripped])
        else:
            paras[-1].append(stripped)
    return ["\n".join(p) for p in paras]


def runs_text(runs):
    return "".join(" " if r[0] == "br" else r[0] for r in runs)


__all__ = ["tree", "structure", "fragment_blocks", "para_groups", "has_block"]
