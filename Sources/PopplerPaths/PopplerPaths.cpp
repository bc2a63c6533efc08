#include "PopplerPaths.h"
#include "PathSink.h"

#include <PDFDoc.h>
#include <GlobalParams.h>
#include <GfxState.h>
#include <OutputDev.h>
#include <goo/GooString.h>

#include <cmath>
#include <memory>
#include <vector>

namespace {

/* Records stroked segments and filled rectangles; draws no text and decodes no images. */
class PathRecorder final : public OutputDev
{
public:
    piani::PathSink sink;

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return false; }
    bool interpretType3Chars() override { return false; }
    bool needCharCount() override { return false; }

    void stroke(GfxState *state) override { sink.stroke(state); }
    void fill(GfxState *state) override { sink.fill(state); }
    void eoFill(GfxState *state) override { sink.eoFill(state); }
};

} // namespace

struct PianiPathDocument
{
    std::unique_ptr<PDFDoc> pdf;
    PathRecorder recorder;
};

extern "C" {

PianiPathDocument *piani_paths_open(const char *file_path, const char *password, int *error_code)
{
    piani::ensureGlobalParams();
    std::optional<GooString> ownerPassword;
    std::optional<GooString> userPassword;
    if (password) {
        ownerPassword = GooString(password);
        userPassword = GooString(password);
    }
    auto pdf = std::make_unique<PDFDoc>(std::make_unique<GooString>(file_path), ownerPassword, userPassword);
    if (!pdf->isOk()) {
        if (error_code) {
            *error_code = pdf->getErrorCode();
        }
        return nullptr;
    }
    auto *doc = new PianiPathDocument();
    doc->pdf = std::move(pdf);
    return doc;
}

void piani_paths_close(PianiPathDocument *doc)
{
    delete doc;
}

int piani_paths_page_count(const PianiPathDocument *doc)
{
    return doc->pdf->getNumPages();
}

long piani_paths_read_page(PianiPathDocument *doc, int page_number, const PianiPathItem **items)
{
    if (page_number < 1 || page_number > doc->pdf->getNumPages()) {
        return -1;
    }
    doc->recorder.sink.items.clear();
    doc->pdf->displayPage(&doc->recorder, page_number, 72, 72, 0, false, true, false);
    *items = doc->recorder.sink.items.data();
    return static_cast<long>(doc->recorder.sink.items.size());
}

} // extern "C"
