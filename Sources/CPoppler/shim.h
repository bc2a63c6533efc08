#ifndef PIANI_CPOPPLER_SHIM_H
#define PIANI_CPOPPLER_SHIM_H
#include <glib.h>
#include <glib-object.h>
#include <poppler.h>
#endif
