#ifndef PIANI_PATH_SINK_H
#define PIANI_PATH_SINK_H
/* The path recording shared by the output devices of this target (private to it). */
#include "PopplerPaths.h"

#include <GfxState.h>
#include <Error.h>
#include <GlobalParams.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace piani {

/* poppler's own messages ("Syntax Error: …") are dropped, as poppler-glib drops them: a file that cannot be
   read gets one line from piani naming it and the reason. PIANI_DEBUG=1 prints them. */
inline void reportPopplerMessage(ErrorCategory, Goffset position, const char *message)
{
    if (position >= 0) {
        std::fprintf(stderr, "poppler (%lld): %s\n", static_cast<long long>(position), message);
    } else {
        std::fprintf(stderr, "poppler: %s\n", message);
    }
}
inline void dropPopplerMessage(ErrorCategory, Goffset, const char *) { }

/* poppler's global parameters and message callback, set up once for the process whichever device opens a
   document first, and kept: GlobalParamsIniter counts its holders and frees the parameters when the last one
   goes (poppler-glib's documents hold one each), so one held for good keeps them for every later document. */
inline void ensureGlobalParams()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const char *debug = std::getenv("PIANI_DEBUG");
        const bool report = debug && *debug && std::string(debug) != "0";
        static GlobalParamsIniter *const holder = new GlobalParamsIniter(report ? reportPopplerMessage : dropPopplerMessage);
        (void)holder;
    });
}

inline float luminance(const GfxRGB &rgb)
{
    return static_cast<float>(0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b));
}

/* Records stroked segments and filled rectangles, clipped to what is visible. An output device forwards its
   stroke, fill and eoFill calls here (PathRecorder alone, or the one-pass device next to its text). */
class PathSink
{
public:
    std::vector<PianiPathItem> items;

    void stroke(GfxState *state)
    {
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        const float gray = luminance(rgb);
        const double width = state->getTransformedLineWidth();
        const GfxPath *path = state->getPath();
        if (hasCurveOrSlant(state, path)) {
            addGraphic(state, path, gray);
        }
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            const int n = sub->getNumPoints();
            for (int i = 1; i < n; ++i) {
                if (sub->getCurve(i) || sub->getCurve(i - 1)) {
                    continue; // curves are never rulings
                }
                addSegment(state, sub->getX(i - 1), sub->getY(i - 1), sub->getX(i), sub->getY(i), width, gray);
            }
            if (sub->isClosed() && n > 2 && !sub->getCurve(n - 1)) {
                addSegment(state, sub->getX(n - 1), sub->getY(n - 1), sub->getX(0), sub->getY(0), width, gray);
            }
        }
    }

    void fill(GfxState *state) { recordFill(state); }
    void eoFill(GfxState *state) { recordFill(state); }

private:
    /* Keeps the part of an axis-aligned item inside the clip region's box: what is clipped away is not seen.
       Returns false when nothing is left. Slanted segments are kept whole (they are never rulings). */
    static bool clipToVisible(GfxState *state, PianiPathItem *item)
    {
        double cx0, cy0, cx1, cy1;
        state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
        const double tolerance = 0.5;
        const bool horizontal = std::fabs(item->y0 - item->y1) < 0.01 || item->kind == PIANI_PATH_FILLED_BOX;
        const bool vertical = std::fabs(item->x0 - item->x1) < 0.01 || item->kind == PIANI_PATH_FILLED_BOX;
        if (!horizontal && !vertical) {
            return true;
        }
        double x0 = std::fmin(item->x0, item->x1), x1 = std::fmax(item->x0, item->x1);
        double y0 = std::fmin(item->y0, item->y1), y1 = std::fmax(item->y0, item->y1);
        x0 = std::fmax(x0, cx0);
        x1 = std::fmin(x1, cx1);
        y0 = std::fmax(y0, cy0);
        y1 = std::fmin(y1, cy1);
        if (x1 < x0 - tolerance || y1 < y0 - tolerance) {
            return false;
        }
        item->x0 = x0;
        item->x1 = std::fmax(x0, x1);
        item->y0 = y0;
        item->y1 = std::fmax(y0, y1);
        return true;
    }

    void addSegment(GfxState *state, double ux0, double uy0, double ux1, double uy1, double width, float gray)
    {
        PianiPathItem item {};
        state->transform(ux0, uy0, &item.x0, &item.y0);
        state->transform(ux1, uy1, &item.x1, &item.y1);
        if (item.x0 == item.x1 && item.y0 == item.y1) {
            return;
        }
        item.kind = PIANI_PATH_STROKE_SEGMENT;
        if (!clipToVisible(state, &item)) {
            return;
        }
        item.line_width = width;
        item.gray = gray;
        items.push_back(item);
    }

    void recordFill(GfxState *state)
    {
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        const float gray = luminance(rgb);
        const GfxPath *path = state->getPath();
        if (hasCurveOrSlant(state, path)) {
            addGraphic(state, path, gray);
        }
        std::vector<Box> boxes;
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            Box box;
            if (axisAlignedBox(state, path->getSubpath(s), &box.x0, &box.y0, &box.x1, &box.y1)) {
                boxes.push_back(box);
            }
        }
        // A box with a box cut out of it is a frame: a cell border drawn as one even-odd fill.
        if (boxes.size() == 2 && (contains(boxes[0], boxes[1]) || contains(boxes[1], boxes[0]))) {
            const Box &outer = contains(boxes[0], boxes[1]) ? boxes[0] : boxes[1];
            const Box &inner = contains(boxes[0], boxes[1]) ? boxes[1] : boxes[0];
            addBox(state, { outer.x0, outer.y0, outer.x1, inner.y0 }, gray);
            addBox(state, { outer.x0, inner.y1, outer.x1, outer.y1 }, gray);
            addBox(state, { outer.x0, outer.y0, inner.x0, outer.y1 }, gray);
            addBox(state, { inner.x1, outer.y0, outer.x1, outer.y1 }, gray);
            return;
        }
        for (const Box &box : boxes) {
            addBox(state, box, gray);
        }
    }

    struct Box
    {
        double x0, y0, x1, y1;
    };

    static bool contains(const Box &outer, const Box &inner)
    {
        return outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1
            && (outer.x1 - outer.x0) * (outer.y1 - outer.y0) > (inner.x1 - inner.x0) * (inner.y1 - inner.y0);
    }

    void addBox(GfxState *state, const Box &box, float gray)
    {
        if (box.x1 - box.x0 <= 0 && box.y1 - box.y0 <= 0) {
            return;
        }
        PianiPathItem item {};
        item.x0 = box.x0;
        item.y0 = box.y0;
        item.x1 = box.x1;
        item.y1 = box.y1;
        item.gray = gray;
        item.kind = PIANI_PATH_FILLED_BOX;
        if (clipToVisible(state, &item)) {
            items.push_back(item);
        }
    }

    /* Curves or pieces neither horizontal nor vertical: a chart line, a pie slice, a drawing. */
    static bool hasCurveOrSlant(GfxState *state, const GfxPath *path)
    {
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            double px = 0, py = 0;
            for (int i = 0; i < sub->getNumPoints(); ++i) {
                if (sub->getCurve(i)) {
                    return true;
                }
                double x, y;
                state->transform(sub->getX(i), sub->getY(i), &x, &y);
                if (i > 0 && std::fabs(x - px) > 1.0 && std::fabs(y - py) > 1.0) {
                    return true;
                }
                px = x;
                py = y;
            }
        }
        return false;
    }

    void addGraphic(GfxState *state, const GfxPath *path, float gray)
    {
        PianiPathItem item {};
        bool first = true;
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            for (int i = 0; i < sub->getNumPoints(); ++i) {
                double x, y;
                state->transform(sub->getX(i), sub->getY(i), &x, &y);
                item.x0 = first ? x : std::fmin(item.x0, x);
                item.y0 = first ? y : std::fmin(item.y0, y);
                item.x1 = first ? x : std::fmax(item.x1, x);
                item.y1 = first ? y : std::fmax(item.y1, y);
                first = false;
            }
        }
        if (first) {
            return;
        }
        item.gray = gray;
        item.kind = PIANI_PATH_GRAPHIC;
        items.push_back(item);
    }

    /* True when every edge of the subpath is horizontal or vertical in device space. */
    static bool axisAlignedBox(GfxState *state, const GfxSubpath *sub, double *x0, double *y0, double *x1, double *y1)
    {
        const int n = sub->getNumPoints();
        if (n < 3 || n > 6) {
            return false;
        }
        double px[6], py[6];
        for (int i = 0; i < n; ++i) {
            if (sub->getCurve(i)) {
                return false;
            }
            state->transform(sub->getX(i), sub->getY(i), &px[i], &py[i]);
        }
        const double eps = 0.01;
        *x0 = *x1 = px[0];
        *y0 = *y1 = py[0];
        for (int i = 0; i < n; ++i) {
            const int j = (i + 1) % n;
            const bool horizontal = std::fabs(py[i] - py[j]) < eps;
            const bool vertical = std::fabs(px[i] - px[j]) < eps;
            if (!horizontal && !vertical) {
                return false;
            }
            *x0 = std::fmin(*x0, px[i]);
            *x1 = std::fmax(*x1, px[i]);
            *y0 = std::fmin(*y0, py[i]);
            *y1 = std::fmax(*y1, py[i]);
        }
        return *x1 > *x0 || *y1 > *y0;
    }
};

} // namespace piani
#endif
