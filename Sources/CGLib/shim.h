#ifndef PIANI_CGLIB_SHIM_H
#define PIANI_CGLIB_SHIM_H
#include <glib.h>
#endif
