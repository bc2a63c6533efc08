#include "PopplerPage.h"
#include "PathSink.h"

#include <Annot.h>
#include <Gfx.h>
#include <GfxState.h>
#include <Page.h>
#include <PDFDoc.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <dlfcn.h>
#include <link.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

/* poppler's text device, set up as poppler-glib sets it up for a page's text, that also hands every stroke
   and fill to a PathSink. Text is collected only while the page's own content is drawn outside tiling
   pattern cells, which is what poppler-glib's text device sees: it skips patterns (it needs no non-text
   content) and draws no annotations. Paths are recorded from all of it, as PathRecorder records them. */
class OnePassDevice final : public TextOutputDev
{
public:
    OnePassDevice() : TextOutputDev(nullptr, /*physLayout*/ true, /*fixedPitch*/ 0, /*rawOrder*/ false, /*append*/ false) { }

    piani::PathSink paths;
    bool drawingAnnotations = false;

    // Patterns are drawn so that their paths are seen (a text-only device skips them); images are not: they
    // paint no path, and poppler decodes a JPEG 2000 image whole just to read its parameters.
    // The page's own images are counted: a page of images without text needs OCR.
    int images = 0;
    bool needNonText() override
    {
        const bool image = askedForAnImage(__builtin_return_address(0));
        if (image && !drawingAnnotations) {
            images += 1;
        }
        return !image;
    }

    void stroke(GfxState *state) override
    {
        TextOutputDev::stroke(state);
        paths.stroke(state);
    }
    void fill(GfxState *state) override
    {
        TextOutputDev::fill(state);
        paths.fill(state);
    }
    void eoFill(GfxState *state) override
    {
        TextOutputDev::eoFill(state);
        paths.eoFill(state);
    }

    // Gfx brackets the drawing of a tiling pattern's cells with these two calls.
    void updatePatternOpacity(GfxState *state) override
    {
        ++patternDepth;
        TextOutputDev::updatePatternOpacity(state);
    }
    void clearPatternOpacity(GfxState *state) override
    {
        TextOutputDev::clearPatternOpacity(state);
        --patternDepth;
    }

    void beginString(GfxState *state, const GooString *s) override
    {
        if (collectsText()) {
            TextOutputDev::beginString(state, s);
        }
    }
    void endString(GfxState *state) override
    {
        if (collectsText()) {
            TextOutputDev::endString(state);
        }
    }
    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode c, int nBytes, const Unicode *u, int uLen) override
    {
        if (collectsText()) {
            TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
        }
    }
    void incCharCount(int nChars) override
    {
        if (collectsText()) {
            TextOutputDev::incCharCount(nChars);
        }
    }
    void beginActualText(GfxState *state, const GooString *text) override
    {
        if (collectsText()) {
            TextOutputDev::beginActualText(state, text);
        }
    }
    void endActualText(GfxState *state) override
    {
        if (collectsText()) {
            TextOutputDev::endActualText(state);
        }
    }

private:
    int patternDepth = 0;

    /* Gfx asks needNonText() before drawing an image (opXObject, doImage) and before painting a pattern: the
       caller is told apart by the exported poppler function whose code holds the return address. */
    static bool askedForAnImage(void *caller)
    {
        thread_local std::unordered_map<void *, bool> known;
        auto found = known.find(caller);
        if (found != known.end()) {
            return found->second;
        }
        bool image = false;
        Dl_info info;
        ElfW(Sym) *symbol = nullptr;
        if (dladdr1(caller, &info, reinterpret_cast<void **>(&symbol), RTLD_DL_SYMENT) && info.dli_sname && symbol) {
            const char *start = static_cast<const char *>(info.dli_saddr);
            const bool inside = static_cast<const char *>(caller) >= start && static_cast<const char *>(caller) < start + symbol->st_size;
            image = inside && (std::strncmp(info.dli_sname, "_ZN3Gfx9opXObject", 17) == 0 || std::strncmp(info.dli_sname, "_ZN3Gfx7doImage", 15) == 0);
        }
        known.emplace(caller, image);
        return image;
    }
    bool collectsText() const { return patternDepth == 0 && !drawingAnnotations; }
};

/* A font name as poppler-glib reports it: "Default" for none, a subset tag ("ABCDEF+") dropped. */
std::string displayName(const GooString *name)
{
    if (!name || name->getLength() == 0) {
        return "Default";
    }
    const std::string &full = name->toStr();
    size_t tag = 0;
    while (tag < full.size() && full[tag] >= 'A' && full[tag] <= 'Z') {
        ++tag;
    }
    if (tag > 0 && tag < full.size() && full[tag] == '+') {
        return full.substr(tag + 1);
    }
    return full;
}

} // namespace

namespace {

/* Names a private data member without breaking access rules: an explicit instantiation may name it
   ([temp.explicit]), and the friend function it defines hands the member pointer out. */
template <typename Tag, typename Tag::type Member>
struct PrivateMember
{
    friend typename Tag::type member(Tag) { return Member; }
};

struct CatalogPages
{
    using type = std::vector<std::pair<std::unique_ptr<Page>, Ref>> Catalog::*;
    friend type member(CatalogPages);
};
template struct PrivateMember<CatalogPages, &Catalog::pages>;

struct DocumentPageCache
{
    using type = Page **PDFDoc::*;
    friend type member(DocumentPageCache);
};
template struct PrivateMember<DocumentPageCache, &PDFDoc::pageCache>;

/* A PDF opened by path, with a password when given (also tried in Latin-1, the encoding of PDF's older
   standard security handler, as poppler-glib tries it). */
std::unique_ptr<PDFDoc> openDocument(const std::string &path, const std::optional<std::string> &password)
{
    auto open = [&](const std::optional<std::string> &pw) {
        const std::optional<GooString> given = pw ? std::optional<GooString>(GooString(*pw)) : std::nullopt;
        return std::make_unique<PDFDoc>(std::make_unique<GooString>(path), given, given);
    };
    std::unique_ptr<PDFDoc> pdf = open(password);
    if (!pdf->isOk() && pdf->getErrorCode() == errEncrypted && password) {
        std::string latin1;
        bool convertible = true, changed = false;
        for (const unsigned char *p = reinterpret_cast<const unsigned char *>(password->c_str()); *p && convertible;) {
            if (*p < 0x80) {
                latin1 += static_cast<char>(*p++);
            } else if ((*p == 0xC2 || *p == 0xC3) && (p[1] & 0xC0) == 0x80) {
                latin1 += static_cast<char>(((*p & 0x03) << 6) | (p[1] & 0x3F));
                p += 2;
                changed = true;
            } else {
                convertible = false;
            }
        }
        if (convertible && changed) {
            pdf = open(latin1);
        }
    }
    return pdf;
}

} // namespace

/* An open PDF whose pages are read one at a time. poppler keeps every Page it builds (with its resources and
   annotations) until the document is closed: the catalog's page list, and a linearized document's page cache.
   So once a page is read, the pages poppler holds besides it are freed, and memory stays flat in the page
   count; a page asked for again after it was freed is read from the document opened anew (poppler's catalog
   cannot build a page twice), which only reading pages out of order costs. */
struct PianiPDFDocument
{
    std::string path;
    std::optional<std::string> password;
    std::unique_ptr<PDFDoc> pdf;
    size_t heldFrom = 0; // the catalog's pages below this index are freed
    int cachedAt = -1;   // the index of the page the linearized page cache holds, if any

    Page *page(int number)
    {
        Page *page = pdf->getPage(number);
        if (!page && wasFreed(number)) {
            reopen();
            page = pdf->getPage(number);
        }
        if (page) {
            freePagesBesides(page, number);
        }
        return page;
    }

private:
    bool wasFreed(int number)
    {
        auto &pages = pdf->getCatalog()->*member(CatalogPages());
        return static_cast<size_t>(number) <= pages.size() && !pages[number - 1].first;
    }

    void reopen()
    {
        std::unique_ptr<PDFDoc> again = openDocument(path, password);
        if (again->isOk()) {
            pdf = std::move(again);
            heldFrom = 0;
            cachedAt = -1;
        }
    }

    void freePagesBesides(const Page *kept, int number)
    {
        auto &pages = pdf->getCatalog()->*member(CatalogPages());
        size_t keptAt = pages.size();
        for (size_t i = heldFrom; i < pages.size(); ++i) {
            if (pages[i].first.get() == kept) {
                keptAt = i;
            } else {
                pages[i].first.reset();
            }
        }
        heldFrom = std::min(keptAt, pages.size());
        // A linearized document's cache gains at most the page asked for at each call.
        Page **cache = pdf.get()->*member(DocumentPageCache());
        if (cache && cachedAt >= 0 && cache[cachedAt] != kept) {
            delete cache[cachedAt];
            cache[cachedAt] = nullptr;
        }
        cachedAt = cache && cache[number - 1] == kept ? number - 1 : -1;
    }
};

struct PianiPDFPage
{
    double width = 0, height = 0;
    std::string text;
    std::vector<PianiGlyphBox> glyphs;
    std::vector<std::string> fontNames;
    std::vector<PianiFont> fonts;
    std::vector<PianiPathItem> paths;
    int images = 0;
};

namespace {

/* Appends `u` to `out` as UTF-8 (a value that is no scalar, a lone surrogate or beyond U+10FFFF, as U+FFFD). */
void appendUTF8(Unicode u, std::string &out)
{
    if ((u >= 0xD800 && u <= 0xDFFF) || u > 0x10FFFF) {
        u = 0xFFFD;
    }
    if (u < 0x80) {
        out += static_cast<char>(u);
    } else if (u < 0x800) {
        out += static_cast<char>(0xC0 | (u >> 6));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else if (u < 0x10000) {
        out += static_cast<char>(0xE0 | (u >> 12));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (u >> 18));
        out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    }
}

/* The characters `begin` up to `end` of one of poppler's words. */
struct WordSpan
{
    const TextWord *word;
    int begin, end;
};

/* The lines of poppler's word selection over the whole page, in its reading order (what poppler-glib reads).
   On a page poppler reads right to left, that selection leaves out lines of left-to-right text (pdftotext,
   which walks the page's flows, has them): when it misses a word, the lines are the flows' own, in order. */
std::vector<std::vector<WordSpan>> selectedLines(TextPage *text, double width, double height)
{
    std::vector<std::vector<WordSpan>> lines;
    PDFRectangle whole(0, 0, width, height);
    int lineCount = 0;
    size_t selectedWords = 0;
    std::vector<TextWordSelection *> **selection = text->getSelectionWords(&whole, selectionStyleGlyph, &lineCount);
    if (selection) {
        for (int i = 0; i < lineCount; ++i) {
            std::vector<WordSpan> line;
            for (TextWordSelection *word : *selection[i]) {
                line.push_back(WordSpan { word->getWord(), word->getBegin(), word->getEnd() });
                delete word;
            }
            selectedWords += line.size();
            lines.push_back(std::move(line));
            delete selection[i];
        }
        gfree(selection);
    }
    std::vector<std::vector<WordSpan>> flowLines;
    size_t allWords = 0;
    for (const TextFlow *flow = text->getFlows(); flow; flow = flow->getNext()) {
        for (const TextBlock *block = flow->getBlocks(); block; block = block->getNext()) {
            for (const TextLine *line = block->getLines(); line; line = line->getNext()) {
                std::vector<WordSpan> words;
                for (const TextWord *word = line->getWords(); word; word = word->getNext()) {
                    words.push_back(WordSpan { word, 0, word->getLength() });
                }
                allWords += words.size();
                flowLines.push_back(std::move(words));
            }
        }
    }
    return selectedWords < allWords ? flowLines : lines;
}

/* The text, glyph boxes and fonts of `text`'s word selection over the whole page, one box per Unicode scalar
   of the text: each character with its box, a space between two words poppler marks as spaced (from the end
   of the first to the start of the next, the first one's height) and a newline with a zero-size box at the
   end of every line but the last. A space or a line end takes the font and the rotation of the character
   before it. The characters are the words' own, in the order of their boxes (left to right on an upright
   line): poppler's selection text would put right-to-left runs in logical order between bidi embedding
   marks, which no box stands for (the Swift side orders them, BidiOrder). */
void collectGlyphs(TextPage *text, PianiPDFPage *page)
{
    const std::vector<std::vector<WordSpan>> lines = selectedLines(text, page->width, page->height);
    std::map<std::pair<std::string, double>, int> fontIndex;
    std::pair<const TextFontInfo *, double> lastKey { nullptr, -1 };
    int lastFont = 0;
    auto fontOf = [&](const TextWord *word, int k) {
        const TextFontInfo *info = word->getFontInfo(k);
        const std::pair<const TextFontInfo *, double> key { info, word->getFontSize() };
        if (key == lastKey && !page->fontNames.empty()) {
            return lastFont;
        }
        auto inserted = fontIndex.emplace(std::make_pair(displayName(info ? info->getFontName() : nullptr), key.second), static_cast<int>(page->fontNames.size()));
        if (inserted.second) {
            page->fontNames.push_back(inserted.first->first.first);
            page->fonts.push_back(PianiFont { nullptr, key.second });
        }
        lastKey = key;
        lastFont = inserted.first->second;
        return lastFont;
    };

    // poppler's rotations count quarter turns clockwise in device space (y down): 1 reads top to bottom.
    auto degrees = [](const TextWord *word) { return (4 - word->getRotation()) % 4 * 90; };
    int font = 0, rotation = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::vector<WordSpan> &words = lines[i];
        double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        for (size_t j = 0; j < words.size(); ++j) {
            const TextWord *word = words[j].word;
            for (int k = words[j].begin; k < words[j].end; ++k) {
                PianiGlyphBox glyph {};
                word->getCharBBox(k, &glyph.x0, &glyph.y0, &glyph.x1, &glyph.y1);
                appendUTF8(*word->getChar(k), page->text);
                glyph.font = font = fontOf(word, k);
                glyph.rotation = rotation = degrees(word);
                page->glyphs.push_back(glyph);
            }
            word->getBBox(&x1, &y1, &x2, &y2);
            if (word->getSpaceAfter() && j + 1 < words.size()) {
                double nx1, ny1, nx2, ny2;
                words[j + 1].word->getBBox(&nx1, &ny1, &nx2, &ny2);
                page->glyphs.push_back(PianiGlyphBox { x2, y1, nx1, y2, font, rotation });
                page->text += ' ';
            }
        }
        if (i + 1 < lines.size() && !page->glyphs.empty()) {
            page->glyphs.push_back(PianiGlyphBox { x2, y2, x2, y2, font, rotation });
            page->text += '\n';
        }
    }
    for (size_t f = 0; f < page->fonts.size(); ++f) {
        page->fonts[f].name = page->fontNames[f].c_str();
    }
}

} // namespace

extern "C" {

PianiPDFDocument *piani_pdf_open(const char *file_path, const char *password, int *error_code, int *open_errno)
{
    piani::ensureGlobalParams();
    auto doc = std::make_unique<PianiPDFDocument>();
    doc->path = file_path;
    if (password) {
        doc->password = std::string(password);
    }
    doc->pdf = openDocument(doc->path, doc->password);
    if (!doc->pdf->isOk()) {
        if (error_code) {
            *error_code = doc->pdf->getErrorCode();
        }
        if (open_errno) {
            *open_errno = doc->pdf->getFopenErrno();
        }
        return nullptr;
    }
    return doc.release();
}

void piani_pdf_close(PianiPDFDocument *doc)
{
    delete doc;
}

int piani_pdf_page_count(const PianiPDFDocument *doc)
{
    return doc->pdf->getNumPages();
}

PianiPDFPage *piani_pdf_read_page(PianiPDFDocument *doc, int page_number)
{
    if (page_number < 1 || page_number > doc->pdf->getNumPages()) {
        return nullptr;
    }
    Page *page = doc->page(page_number);
    if (!page) {
        return nullptr;
    }
    auto result = std::make_unique<PianiPDFPage>();
    const int rotate = page->getRotate();
    const bool sideways = rotate == 90 || rotate == 270;
    result->width = sideways ? page->getCropHeight() : page->getCropWidth();
    result->height = sideways ? page->getCropWidth() : page->getCropHeight();

    // The page as PDFDoc::displayPage draws it at 72 dpi, cropped, not printing: its content, then its
    // annotations; the text is taken when the content is done.
    auto device = std::make_unique<OnePassDevice>();
    Gfx *gfx = page->createGfx(device.get(), 72.0, 72.0, 0, /*useMediaBox*/ false, /*crop*/ true, -1, -1, -1, -1, /*printing*/ false, nullptr, nullptr);
    page->display(gfx);
    device->TextOutputDev::endPage();
    TextPage *text = device->takeText();
    device->drawingAnnotations = true;
    if (Annots *annots = page->getAnnots()) {
        for (Annot *annot : annots->getAnnots()) {
            annot->draw(gfx, false);
        }
    }
    delete gfx;
    result->paths = std::move(device->paths.items);
    result->images = device->images;
    device.reset();

    collectGlyphs(text, result.get());
    text->decRefCnt();
    return result.release();
}

void piani_pdf_page_free(PianiPDFPage *page)
{
    delete page;
}

int piani_pdf_page_image_count(const PianiPDFPage *page)
{
    return page->images;
}

void piani_pdf_page_size(const PianiPDFPage *page, double *width, double *height)
{
    *width = page->width;
    *height = page->height;
}

const char *piani_pdf_page_text(const PianiPDFPage *page, size_t *length)
{
    *length = page->text.size();
    return page->text.c_str();
}

const PianiGlyphBox *piani_pdf_page_glyph_boxes(const PianiPDFPage *page, size_t *count)
{
    *count = page->glyphs.size();
    return page->glyphs.data();
}

const PianiFont *piani_pdf_page_fonts(const PianiPDFPage *page, size_t *count)
{
    *count = page->fonts.size();
    return page->fonts.data();
}

const PianiPathItem *piani_pdf_page_paths(const PianiPDFPage *page, size_t *count)
{
    *count = page->paths.size();
    return page->paths.data();
}

} // extern "C"
