#ifndef PIANI_POPPLER_PATHS_H
#define PIANI_POPPLER_PATHS_H
/* A plain C face over a poppler OutputDev that records the vector paths a page paints.
   Coordinates are PDF points in the page's display space (rotation applied, origin top-left),
   the same space poppler-glib reports text rectangles in. */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    PIANI_PATH_STROKE_SEGMENT = 0, /* one straight piece of a stroked path */
    PIANI_PATH_FILLED_BOX = 1,     /* the box of a filled subpath that is an axis-aligned rectangle */
    PIANI_PATH_GRAPHIC = 2         /* the bounding box of a painted path with curves or slanted pieces (charts, drawings) */
} PianiPathKind;

typedef struct {
    double x0, y0, x1, y1; /* segment ends, or box corners (x0 <= x1, y0 <= y1) */
    double line_width;     /* stroke width in points; 0 for boxes */
    float gray;            /* paint luminance, 0 = black, 1 = white */
    int kind;              /* PianiPathKind */
} PianiPathItem;

typedef struct PianiPathDocument PianiPathDocument;

/* Opens a PDF for path reading. Returns NULL and sets *error_code (poppler's errXxx code) on failure. */
PianiPathDocument *piani_paths_open(const char *file_path, const char *password, int *error_code);
void piani_paths_close(PianiPathDocument *doc);
int piani_paths_page_count(const PianiPathDocument *doc);

/* Reads page `page_number` (1-based). Returns the number of items; *items points to a buffer owned by
   the document and valid until the next call on it. Returns -1 for a page number out of range. */
long piani_paths_read_page(PianiPathDocument *doc, int page_number, const PianiPathItem **items);

#ifdef __cplusplus
}
#endif
/* The one-pass reader (text and paths of a page from one parse); this header is the module's umbrella. */
#include "PopplerPage.h"
#endif
