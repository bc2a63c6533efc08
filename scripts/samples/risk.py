"""samples/pisogne_rischi-corruttivi_2025.pdf: a PIAO "Sottosezione 2.3 Rischi corruttivi e
trasparenza" risk map. The seeds carry none, so the rows below are written for the sample,
in the style of a small municipality's PIAO (areas and method of the PNA 2019, Allegato 1).

Pages 1-2: the ruled risk table (columns of SCHEMA.md's `risk` record), breaking across the
page with its header repeated. Page 3: a wide two-level-header table drawn rotated inside a
portrait page, then given /Rotate 90 with qpdf so that it displays as a landscape page.
"""
from blocks import Table
from markup import escape
from render import document_html, table_html

STEM = "pisogne_rischi-corruttivi_2025"
LANDSCAPE_PAGE = 3

DOC = {
    "stem": STEM,
    "ente": "Comune di Pisogne",
    "title": "PIAO 2025 – 2027 · Sottosezione 2.3",
    "pdf_title": "PIAO 2025-2027 - Sottosezione 2.3 Rischi corruttivi e trasparenza",
    "author": "Comune di Pisogne",
    "date": "2025-03-11T09:00:00Z",
    "footer": '"Pagina " counter(page) " di " counter(pages)',
}

RISK_HEADER = [
    "Area di rischio", "Processo", "Evento rischioso", "Probabilità", "Impatto",
    "Livello di rischio (giudizio sintetico)", "Misure", "Responsabile", "Tempi (Scadenza)",
    "Indicatore",
]

RISK_ROWS = [
    ["Acquisizione e gestione del personale",
     "Reclutamento di personale a tempo indeterminato mediante concorso pubblico",
     "Previsione di requisiti di accesso \u201cpersonalizzati\u201d e composizione della "
     "commissione volta a favorire candidati particolari",
     "Media", "Alto", "ALTO",
     "Rotazione dei componenti delle commissioni; dichiarazione di assenza di conflitti di "
     "interesse dei commissari; pubblicazione dei criteri di valutazione prima delle prove",
     "Responsabile area finanziaria - tributaria", "Ad ogni procedura concorsuale",
     "N. dichiarazioni acquisite / n. componenti di commissione = 100%"],
    ["Contratti pubblici",
     "Affidamento diretto di lavori, servizi e forniture sotto soglia (art. 50 D.Lgs. 36/2023)",
     "Frazionamento artificioso dell\u2019appalto e mancato rispetto del principio di rotazione "
     "degli affidatari",
     "Alta", "Medio", "ALTO",
     "Utilizzo esclusivo delle piattaforme di approvvigionamento digitale certificate; "
     "motivazione della scelta dell\u2019affidatario; registro degli affidamenti",
     "Tutti i responsabili di area titolari di E.Q.", "Entro il 31/12/2025",
     "% affidamenti su piattaforma certificata (target 100%)"],
    ["Contratti pubblici",
     "Esecuzione del contratto: varianti in corso d\u2019opera e subappalto",
     "Approvazione di varianti non giustificate per recuperare il ribasso d\u2019asta",
     "Media", "Medio", "MEDIO",
     "Verifica del RUP sulle motivazioni delle varianti; pubblicazione delle varianti in "
     "Amministrazione trasparente",
     "Responsabile area gestione del territorio", "In continuo",
     "N. varianti pubblicate / n. varianti approvate"],
    ["Provvedimenti ampliativi privi di effetto economico diretto",
     "Rilascio di permessi di costruire e altri titoli edilizi",
     "Rilascio del titolo in assenza dei presupposti o con tempi di istruttoria differenziati "
     "tra i richiedenti",
     "Media", "Alto", "ALTO",
     "Trattazione delle pratiche in ordine cronologico tramite lo sportello telematico SUE; "
     "controllo a campione del 10% delle pratiche",
     "Responsabile area gestione del territorio", "Controllo semestrale (30/06 e 31/12/2025)",
     "N. pratiche controllate / n. pratiche presentate \u2265 10%"],
    ["Provvedimenti ampliativi con effetto economico diretto",
     "Concessione di contributi economici ad associazioni ed enti del territorio",
     "Erogazione di contributi in assenza dei criteri predeterminati dal regolamento",
     "Bassa", "Medio", "MEDIO",
     "Applicazione del regolamento comunale per la concessione dei contributi; pubblicazione "
     "ai sensi degli artt. 26 e 27 D.Lgs. 33/2013",
     "Responsabile area amministrativa", "Entro 30 giorni dalla concessione",
     "% atti di concessione pubblicati nei termini (target 100%)"],
    ["Provvedimenti ampliativi con effetto economico diretto",
     "Erogazione di contributi economici a persone e nuclei in stato di bisogno",
     "Valutazione discrezionale della condizione di bisogno non supportata da ISEE o da "
     "relazione sociale",
     "Media", "Medio", "MEDIO",
     "Istruttoria con relazione dell\u2019assistente sociale e verifica ISEE; decisione "
     "collegiale per importi superiori a \u20ac 1.000,00",
     "Responsabile area socio assistenziale e scolastica", "In continuo",
     "N. istruttorie complete / n. contributi erogati"],
    ["Gestione delle entrate, delle spese e del patrimonio",
     "Accertamento e riscossione dei tributi locali (IMU, TARI)",
     "Omissione o ritardo nell\u2019emissione degli avvisi di accertamento per favorire "
     "determinati contribuenti",
     "Media", "Alto", "ALTO",
     "Estrazione automatica dal gestionale delle posizioni da verificare; report annuale "
     "degli avvisi emessi al RPCT",
     "Responsabile area finanziaria - tributaria", "Entro il 31/12/2025",
     "Almeno 70 avvisi di accertamento emessi nell\u2019anno"],
    ["Controlli, verifiche, ispezioni e sanzioni",
     "Accertamento delle violazioni al Codice della Strada",
     "Omessa contestazione o annullamento non motivato dei verbali",
     "Bassa", "Medio", "BASSO",
     "Gestione informatizzata dei verbali con tracciabilit\u00e0 delle modifiche; notifica "
     "tramite piattaforma SEND",
     "Responsabile area vigilanza urbana", "In continuo",
     "N. verbali annullati in autotutela con motivazione / n. verbali annullati"],
    ["Incarichi e nomine",
     "Conferimento di incarichi di collaborazione e consulenza",
     "Conferimento dell\u2019incarico senza comparazione e senza verifica delle cause di "
     "incompatibilit\u00e0",
     "Media", "Medio", "MEDIO",
     "Avviso pubblico per incarichi superiori a \u20ac 5.000,00; dichiarazione di insussistenza "
     "di cause di inconferibilit\u00e0 e incompatibilit\u00e0",
     "Segretario comunale (RPCT) e responsabili di area", "Prima del conferimento",
     "% incarichi con dichiarazione acquisita e pubblicata (target 100%)"],
    ["Governo del territorio",
     "Pianificazione urbanistica: variante generale al P.G.T.",
     "Accoglimento di osservazioni a favore di interessi particolari non coerenti con "
     "l\u2019interesse pubblico",
     "Alta", "Alto", "ALTO",
     "Pubblicazione di tutte le osservazioni pervenute e delle controdeduzioni; dichiarazione "
     "di assenza di conflitti di interesse dei progettisti",
     "Responsabile area gestione del territorio", "Entro dicembre 2026",
     "N. osservazioni pubblicate con controdeduzione / n. osservazioni pervenute"],
    ["Affari legali e contenzioso",
     "Transazioni e accordi bonari",
     "Definizione di accordi transattivi sfavorevoli all\u2019ente",
     "Bassa", "Alto", "MEDIO",
     "Parere preventivo del legale incaricato e del revisore dei conti sulle transazioni "
     "superiori a \u20ac 10.000,00",
     "Segretario comunale (RPCT)", "Ad ogni transazione",
     "N. transazioni con parere preventivo / n. transazioni"],
]

# Landscape page: the indicators behind each judgement (PNA 2019, Allegato 1).
ESTIMATE_HEADER_1 = ["Processo", "Indicatori di probabilità", "", "", "Indicatori di impatto",
                     "", "", "Giudizio sintetico", "Motivazione"]
ESTIMATE_HEADER_2 = ["", "Interesse esterno", "Discrezionalità", "Eventi corruttivi passati",
                     "Immagine dell\u2019ente", "Organizzativo", "Economico", "", ""]
ESTIMATE_ROWS = [
    ["Reclutamento di personale mediante concorso pubblico", "Alto", "Medio", "Basso",
     "Alto", "Medio", "Medio", "ALTO", "Procedure di rilievo per la comunità; interesse elevato dei candidati"],
    ["Affidamento diretto sotto soglia", "Alto", "Alto", "Basso", "Medio", "Medio", "Medio",
     "ALTO", "Ampia discrezionalità nella scelta dell\u2019affidatario"],
    ["Varianti in corso d\u2019opera e subappalto", "Medio", "Medio", "Basso", "Medio", "Medio",
     "Medio", "MEDIO", "Controllo del RUP e della direzione lavori"],
    ["Rilascio di permessi di costruire", "Alto", "Medio", "Basso", "Alto", "Basso", "Alto",
     "ALTO", "Rilevanti interessi economici dei richiedenti"],
    ["Contributi ad associazioni ed enti", "Medio", "Basso", "Basso", "Medio", "Basso", "Medio",
     "MEDIO", "Criteri fissati dal regolamento comunale"],
    ["Contributi a persone in stato di bisogno", "Medio", "Medio", "Basso", "Medio", "Basso",
     "Medio", "MEDIO", "Istruttoria del servizio sociale professionale"],
    ["Accertamento tributi locali (IMU, TARI)", "Alto", "Medio", "Basso", "Alto", "Medio",
     "Alto", "ALTO", "Effetti diretti sul gettito e sull\u2019equità impositiva"],
    ["Violazioni al Codice della Strada", "Medio", "Basso", "Basso", "Medio", "Basso", "Basso",
     "BASSO", "Procedura informatizzata e tracciata"],
    ["Incarichi di collaborazione e consulenza", "Medio", "Medio", "Basso", "Medio", "Basso",
     "Medio", "MEDIO", "Numero limitato di incarichi nell\u2019anno"],
    ["Variante generale al P.G.T.", "Alto", "Alto", "Basso", "Alto", "Medio", "Alto", "ALTO",
     "Procedimento di durata pluriennale con forti interessi privati"],
    ["Transazioni e accordi bonari", "Medio", "Medio", "Basso", "Alto", "Basso", "Alto",
     "MEDIO", "Casi rari, con parere legale e del revisore"],
]

INTRO = """
<h1>SEZIONE 2. VALORE PUBBLICO, PERFORMANCE E ANTICORRUZIONE</h1>
<h2>Sottosezione 2.3 - Rischi corruttivi e trasparenza</h2>
<h3>4. Risk management del Comune di Pisogne: trattamento del rischio e misure programmate</h3>
<p>La mappatura dei processi costituisce il presupposto dell\u2019intero sistema di gestione del
rischio corruttivo. Per ciascun processo dell\u2019ente il Responsabile della Prevenzione della
Corruzione e della Trasparenza (RPCT), con il supporto dei responsabili di area titolari di
incarico di Elevata Qualificazione, ha individuato gli eventi rischiosi, ne ha stimato la
probabilit\u00e0 e l\u2019impatto e ha programmato le misure di prevenzione, indicando per
ciascuna il responsabile dell\u2019attuazione, i tempi e l\u2019indicatore di monitoraggio.</p>
<p>La valutazione segue l\u2019approccio qualitativo raccomandato dall\u2019Allegato 1 al Piano
Nazionale Anticorruzione 2019: gli indicatori di stima (livello di interesse esterno, grado di
discrezionalit\u00e0, manifestazione di eventi corruttivi in passato, impatto sull\u2019immagine,
impatto organizzativo ed economico) sono riportati nella Tabella 2; il giudizio sintetico
esprime il livello di rischio su una scala a tre valori (BASSO, MEDIO, ALTO). Le misure
indicate costituiscono obiettivi di performance organizzativa e individuale dei responsabili
di area.</p>
<p>Le misure generali (codice di comportamento, rotazione ordinaria e straordinaria,
astensione in caso di conflitto di interessi, tutela del dipendente che segnala illeciti,
formazione, trasparenza) si applicano a tutti i processi e non sono ripetute nella tabella,
che riporta le sole misure specifiche.</p>
"""

MONITORING = """
<h3>Monitoraggio delle misure</h3>
<p>Il monitoraggio sull\u2019attuazione delle misure \u00e8 svolto dal RPCT con cadenza semestrale
(entro il 31 luglio e il 31 gennaio dell\u2019anno successivo) sulla base delle relazioni dei
responsabili di area. Gli esiti confluiscono nella relazione annuale del RPCT e sono
considerati ai fini della valutazione della performance individuale.</p>
"""

LANDSCAPE_CSS = """
@page rotated {
  margin: 0;
  @top-left { content: none; border: none; }
  @top-right { content: none; border: none; }
  @bottom-center { content: none; }
}
.rotated { page: rotated; position: relative; width: 210mm; height: 290mm; }
.rotated .landscape {
  position: absolute; left: 0; top: 0; width: 297mm; height: 210mm; box-sizing: border-box;
  padding: 22mm 20mm 18mm 20mm; transform-origin: 0 0;
  transform: translate(0, 297mm) rotate(-90deg);
}
.landscape .run-head { position: absolute; top: 12mm; left: 20mm; right: 20mm; font-size: 8pt;
  color: #333; border-bottom: 0.5pt solid #555; padding-bottom: 3pt; }
.landscape .run-head .right { float: right; font-style: italic; }
.landscape .run-foot { position: absolute; bottom: 9mm; left: 0; right: 0; text-align: center;
  font-size: 8pt; color: #333; }
table.risk { font-size: 7pt; }
table.risk tr { break-inside: avoid; page-break-inside: avoid; }
table.risk th { background: #dde4ee; }
table.estimate { font-size: 8pt; }
table.estimate th { background: #dde4ee; }
"""


def _risk_table():
    table = Table([RISK_HEADER] + [list(r) for r in RISK_ROWS], kind="ruled risk", head=1)
    table.caption = "Tabella 1 – Mappatura dei processi, valutazione del rischio e misure specifiche"
    return table_html(table)


def _estimate_table():
    table = Table([ESTIMATE_HEADER_1, ESTIMATE_HEADER_2] + [list(r) for r in ESTIMATE_ROWS],
                  kind="ruled estimate", head=2)
    table.spans = {(0, 0): (2, 1), (0, 1): (1, 3), (0, 4): (1, 3), (0, 7): (2, 1),
                   (0, 8): (2, 1)}
    table.caption = ("Tabella 2 – Valutazione del rischio: indicatori di stima "
                     "(PNA 2019, Allegato 1)")
    return table_html(table)


def html(css):
    body = "\n".join([
        INTRO,
        _risk_table(),
        MONITORING,
        '<div class="rotated"><div class="landscape">',
        '<div class="run-head">%s<span class="right">%s</span></div>'
        % (escape(DOC["ente"]), escape(DOC["title"])),
        _estimate_table(),
        '<div class="run-foot">Pagina %d di %d</div>' % (LANDSCAPE_PAGE, LANDSCAPE_PAGE),
        "</div></div>",
    ])
    # The first page here is not a cover: keep the running header on it.
    rule = "border-bottom: 0.5pt solid #555"
    first_page = ("@page :first { @top-left { content: \"%s\"; %s; } @top-right { content: \"%s\"; %s; }"
                  " @bottom-center { content: %s; } }"
                  % (DOC["ente"], rule, DOC["title"], rule, DOC["footer"]))
    doc = dict(DOC, css=LANDSCAPE_CSS + first_page)
    return document_html(doc, body, css)


def finish(flat_pdf, out_pdf, pages, qpdf):
    """Give the landscape page /Rotate 90. Its footer is static text, so the page count
    must be what the text says."""
    if pages != LANDSCAPE_PAGE:
        raise SystemExit("%s: expected %d pages, WeasyPrint made %d; adjust the text"
                         % (STEM, LANDSCAPE_PAGE, pages))
    qpdf("--deterministic-id", flat_pdf, "--rotate=+90:%d" % LANDSCAPE_PAGE, out_pdf)
