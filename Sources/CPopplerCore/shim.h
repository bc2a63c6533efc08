#ifndef PIANI_CPOPPLER_CORE_SHIM_H
#define PIANI_CPOPPLER_CORE_SHIM_H
/* poppler's core library (libpoppler, C++): this target only carries its pkg-config flags to PopplerPaths,
   whose C++ sources include the headers of libpoppler-private-dev. Nothing here is imported into Swift. */
#endif
