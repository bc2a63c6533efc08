#ifndef PIANI_POPPLER_PAGE_H
#define PIANI_POPPLER_PAGE_H
/* One parse of a page through poppler's core gives its text (the glyphs in poppler's reading order, with
   boxes and fonts, as poppler-glib's get_text, get_text_layout and get_text_attributes report them) and its
   vector paths (as PopplerPaths.h's device records them). Coordinates are PDF points in the page's display
   space (rotation applied, origin top-left). */
#include <stddef.h>

#include "PopplerPaths.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    double x0, y0, x1, y1; /* the box of one Unicode scalar of the page text */
    int font;              /* index into the page's fonts */
    int rotation;          /* how far its word's text is turned, in degrees counterclockwise as seen on the page:
                              0 upright, 90 reading bottom to top, 180 upside down, 270 reading top to bottom */
} PianiGlyphBox;

typedef struct {
    const char *name; /* font name, subset prefix ("ABCDEF+") stripped; "Default" when the font has none */
    double size;      /* font size in points */
} PianiFont;

typedef struct PianiPDFDocument PianiPDFDocument;
typedef struct PianiPDFPage PianiPDFPage;

/* Opens a PDF. Returns NULL on failure and sets *error_code to poppler's errXxx code (errEncrypted = 4 when
   the password is missing or wrong) and *open_errno to the errno of a file that could not be opened. */
PianiPDFDocument *piani_pdf_open(const char *file_path, const char *password, int *error_code, int *open_errno);
void piani_pdf_close(PianiPDFDocument *doc);
int piani_pdf_page_count(const PianiPDFDocument *doc);

/* Reads page `page_number` (1-based) in one pass. NULL for a page number out of range or a page poppler
   cannot load. Free the result with piani_pdf_page_free; it does not depend on the document staying open. */
PianiPDFPage *piani_pdf_read_page(PianiPDFDocument *doc, int page_number);
void piani_pdf_page_free(PianiPDFPage *page);

/* How many images the page's content draws (XObject and inline images; annotations not counted). */
int piani_pdf_page_image_count(const PianiPDFPage *page);
/* Page size in points, rotation applied (poppler_page_get_size). */
void piani_pdf_page_size(const PianiPDFPage *page, double *width, double *height);
/* The page text, UTF-8, in poppler's reading order with ' ' between words and '\n' at line ends. */
const char *piani_pdf_page_text(const PianiPDFPage *page, size_t *length);
/* One box per Unicode scalar of the text (newlines and spaces included). */
const PianiGlyphBox *piani_pdf_page_glyph_boxes(const PianiPDFPage *page, size_t *count);
const PianiFont *piani_pdf_page_fonts(const PianiPDFPage *page, size_t *count);
const PianiPathItem *piani_pdf_page_paths(const PianiPDFPage *page, size_t *count);

#ifdef __cplusplus
}
#endif
#endif
