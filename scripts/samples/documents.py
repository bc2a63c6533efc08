"""One entry per seed: page furniture, cover, headings, page breaks and which tab runs are
which kind of table. Everything a reader of the PDF would call "layout" is decided here."""
import re

from blocks import Table
from markup import plain
from tables import is_numeric

# ------------------------------------------------------------------ Lumezzane listing

LISTING_ROW = re.compile(r"^\d+$")
LISTING_CODE = re.compile(r"^[EU]\.\d")


def is_listing(table):
    for row in table.rows:
        first = plain(row[0]) if row else ""
        if first == "Tit" or first.startswith("TOTALE"):
            return True
        if len(row) > 1 and LISTING_ROW.match(first) and LISTING_CODE.match(plain(row[1])):
            return True
    return False


def _listing_row(cells):
    """A data row as 10 fields: Tit, Piano Fin., Capitolo, Art., Descrizione, 5 amounts.
    The seed sometimes glues the article to the chapter ("14613 51") or to the description
    ("1 STIPENDI ..."); it is set in its own column, as in the printed listing."""
    if len(cells) >= 10:
        return cells[:10]
    if len(cells) == 9:
        m = re.match(r"^(\d+)\s+(\d+)$", cells[2])
        if m:
            return cells[:2] + [m.group(1), m.group(2)] + cells[3:]
        m = re.match(r"^(\d+)\s+(.*)$", cells[3])
        if m:
            return cells[:3] + [m.group(1), m.group(2)] + cells[4:]
        return cells[:3] + [""] + cells[3:]
    return cells + [""] * (10 - len(cells))


def normalize_listing(table):
    rows, spans, row_class, cell_class = [], {}, {}, {}
    head = 0
    for raw in table.rows:
        cells = list(raw)
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            continue
        r = len(rows)
        first = plain(cells[0])
        if first == "Tit":
            labels = [c for c in cells if c.strip()]
            rows.append(labels[:3] + [""] + labels[3:9])
            spans[(r, 2)] = (1, 2)
            for c in range(5, 10):
                cell_class[(r, c)] = "amount"
            if r == 0:
                head = 1
        elif first.startswith("TOTALE"):
            amounts = [c for c in cells[1:] if c.strip()]
            rows.append([cells[0], "", "", "", ""] + amounts[-5:])
            spans[(r, 0)] = (1, 5)
            row_class[r] = "total"
        else:
            rows.append(_listing_row(cells))
        for c in range(5, 10):
            if r >= head and c < len(rows[-1]) and is_numeric(rows[-1][c]):
                cell_class[(r, c)] = "num"
    out = Table(rows, kind="listing", head=head, source="tab")
    out.spans, out.row_class, out.cell_class = spans, row_class, cell_class
    out.cols = ["tit", "code", "chapter", "article", "description"] + ["amount"] * 5
    out.pad()
    return out


def _text(block):
    if block[0] == "para":
        return plain(block[1][0])
    if block[0] == "heading":
        return plain(block[2])
    return ""


def lumezzane_hook(blocks):
    """Listing tables become unruled; the MISSIONE/PROGRAMMA/RESPONSABILE and TITOLO lines
    above them become the bold heading lines of the listing. The two listing parts
    (entrate, spese) are set on landscape pages, the objectives again on portrait ones."""
    out = []
    listing_parts = 0
    for k, block in enumerate(blocks):
        text = _text(block)
        if text == "1° Referto del Controllo di Gestione anno 2023":
            listing_parts += 1
            out.append(("raw", '<div class="listing-pages">') if listing_parts == 1 else ("break",))
        elif text == "Referto stato attuazione obiettivi" and listing_parts:
            out.append(("raw", "</div>"))  # WeasyPrint does not break on leaving a named page
            out.append(("break",))
            listing_parts = 0
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if block[0] == "table" and is_listing(block[1]):
            out.append(("table", normalize_listing(block[1])))
            continue
        if block[0] == "para" and nxt and nxt[0] == "table" and is_listing(nxt[1]):
            text = block[1][0]
            if text.startswith("PARTE SPESA**"):
                out.append(("heading", 3, "PARTE SPESA"))
                out.append(("para", [text[len("PARTE SPESA"):]], "listing-head"))
                continue
            if re.match(r"^(MISSIONE|TITOLO)\b", text):
                out.append(("para", block[1], "listing-head"))
                continue
        out.append(block)
    return out


def toc_when(pattern):
    def kind(table):
        text = " ".join(plain(c) for row in table.rows for c in row)
        return "toc" if re.search(pattern, text) else "ruled"
    return kind


LUMEZZANE_CSS = """
@page listing { size: A4 landscape; margin: 18mm 14mm 16mm 14mm; }
.listing-pages { page: listing; }
table.listing { table-layout: fixed; }
table.listing td { white-space: nowrap; overflow: hidden; }
table.listing col.tit { width: 5mm; } table.listing col.code { width: 25mm; }
table.listing col.chapter { width: 10mm; } table.listing col.article { width: 6mm; }
table.listing col.amount { width: 21mm; }
table.ruled { border-collapse: separate; border-spacing: 0; font-size: 7.8pt; }
table.ruled th, table.ruled td { border: 0.4pt solid #000; }
"""

# ------------------------------------------------------------------ the five seeds

DOCUMENTS = [
    {
        "stem": "cazzago-san-martino_peg-performance_2021-2023",
        "seed": "cazzago-san-martino_peg-performance_2021-2023.txt",
        "ente": "Comune di Cazzago San Martino (BS)",
        "title": "PEG e Piano della Performance 2021/2022/2023",
        "pdf_title": "Piano Esecutivo di Gestione e della Performance 2021/2022/2023",
        "author": "Comune di Cazzago San Martino",
        "date": "2021-03-15T09:00:00Z",
        "footer": '"Pagina " counter(page) " di " counter(pages)',
        "cover_end": r"^Premessa normativa$",
        "plain_headings": True,
        "heading_levels": [
            (r"^(Premessa normativa|ANALISI DI CONTESTO|MACROSTRUTTURA|RIPARTO DELLE COMPETENZE"
             r"|GLI OBIETTIVI STRATEGICI DEL DUP|PIANO DELLE PERFORMANCE|INDIRIZZI E DIRETTIVE"
             r"|OBIETTIVI TRASVERSALI|OBIETTIVI ORGANIZZATIVI|OBIETTIVI DI PERFORMANCE ORGANIZZATIVA"
             r"|DOTAZIONI STRUMENTALI|RISORSE UMANE ASSEGNATE|IL PIANO DELLA PERFORMANCE"
             r"|IL PROCESSO DI PROGRAMMAZIONE|PIANO ORGANIZZATIVO|I RESPONSABILI DI AREA)", 1),
            (r"^Area [A-Z]", 1),
            (r"^(MISSIONE|SERVIZI|SERVIZIO|AREA) ", 3),
        ],
        "break_before": (r"^(ANALISI DI CONTESTO|GLI OBIETTIVI STRATEGICI DEL DUP"
                         r"|PIANO DELLE PERFORMANCE – OBIETTIVI DI PEG|RISORSE UMANE ASSEGNATE"
                         r"|Area (Amministrativa|Economico Finanziaria|Servizi alla Persona"
                         r"|Polizia Locale|Tecnica))$"),
        "css": "table.ruled th { background: #d9d9d9; } table { font-size: 8pt; }",
    },
    {
        "stem": "calcinate_piano-performance_2022",
        "seed": "calcinate_piano-performance_2022.txt",
        "ente": "Comune di Calcinate",
        "title": "Piano della Performance - Piano degli Obiettivi 2022",
        "pdf_title": "Piano della Performance - Piano degli Obiettivi 2022",
        "author": "Comune di Calcinate",
        "date": "2022-05-10T09:00:00Z",
        "footer": '"Pagina " counter(page)',
        "cover_end": r"^## \*\*PRESENTAZIONE",
        "break_before": r"^(SETTORE |Risorse finanziarie dell'ente$|Piano della performance 2022$)",
        "css": "table { font-size: 8pt; }",
    },
    {
        "stem": "pisogne_piao_2025-2027",
        "seed": "pisogne_piao_2025-2027.txt",
        "ente": "Comune di Pisogne",
        "title": "PIAO 2025 – 2027",
        "pdf_title": "Piano Integrato di Attività e Organizzazione 2025-2027",
        "author": "Comune di Pisogne",
        "date": "2025-03-11T09:00:00Z",
        "footer": '"- " counter(page) " -"',
        "cover_end": r"^## Sommario$",
        "break_before": r"^(Sottosezione 2\.2 A|OBIETTIVI AREA )",
        "table_kind": toc_when(r"\.{4}"),
        "css": "p { margin-bottom: 3.5pt; }",
    },
    {
        "stem": "casorate-primo_piao_2024-2026",
        "seed": "casorate-primo_piao_2024-2026.txt",
        "ente": "Comune di Casorate Primo (PV)",
        "title": "PIAO – Triennio 2024-2026",
        "pdf_title": "Piano Integrato di Attività e Organizzazione (PIAO) triennio 2024-2026",
        "author": "Comune di Casorate Primo",
        "date": "2024-01-30T09:00:00Z",
        "footer": '"Pag. " counter(page) " di " counter(pages)',
        "cover_end": r"^PREMESSE$",
        "plain_headings": True,
        "heading_levels": [
            (r"^(PREMESSE|SEZIONE \d)", 1),
            (r"^(SOTTOSEZIONE|\d\.\d\.\d )", 2),
            (r"^(\d+\. ?)?OBB?IETTIVO DI (MIGLIORAMENTO|GESTIONE)|^(\d+\. ?)?OBIETTIVO INNOVATIVO", 3),
            (r"^Missione \d+ ", 3),
        ],
        "break_before": r"^(SEZIONE \d|SOTTOSEZIONE 2\.2\.1|SOTTOSEZIONE 2\.3|SOTTOSEZIONE 3\.1"
                        r"|2\.2\.2 Piano triennale|Centro di Responsabilit)",
        "table_start": r"^(Cronoprogramma|Verifica Intermedia|Settore\b|Indicatori di risultato"
                       r"|Collaboratori interni|Tipologia$|Obiettivo: Descrizione Sintetica)",
        "span_rows": r"^(Cronoprogramma|Collaboratori interni|Indicatori di risultato"
                     r"|Servizi? [A-Z].*)$",
        "css": "table.ruled { border-collapse: separate; border-spacing: 0; } table.ruled th, table.ruled td { border: 0.4pt solid #000; } table { font-size: 8pt; }",
    },
    {
        "stem": "lumezzane_referto-obiettivi_2023-06-30",
        "seed": "lumezzane_referto-obiettivi_2023-06-30.txt",
        "ente": "Città di Lumezzane",
        "title": "Referto stato attuazione obiettivi al 30 giugno 2023",
        "pdf_title": "Referto stato attuazione obiettivi alla data del 30 giugno 2023",
        "author": "Città di Lumezzane - Controllo di Gestione",
        "date": "2023-07-31T09:00:00Z",
        "footer": '"Pg. " counter(page)',
        "cover_end": r"^Referto stato attuazione obiettivi$",
        "plain_headings": True,
        "heading_levels": [
            (r"^(P A R T E|STATO DI ATTUAZIONE OBIETTIVI)", 1),
            (r"^(MISSIONE \d+ –|Referto stato attuazione obiettivi$)", 2),
            (r"^OBIETTIVO ", 3),
        ],
        "table_kind": toc_when(r"^Indice\b"),
        "span_rows": r"^(OBIETTIVO|Obiettivo strategico|Stato attuazione)",
        "hook": lumezzane_hook,
        "css": LUMEZZANE_CSS,
    },
]
