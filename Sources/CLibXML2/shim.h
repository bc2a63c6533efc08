#ifndef PIANI_CLIBXML2_SHIM_H
#define PIANI_CLIBXML2_SHIM_H
/* libxml2 is built with ICU; its encoding.h would then include ICU's headers, which clash with the ICU copy
   Foundation ships. Piani never touches the ICU fields (of xmlCharEncodingHandler, only ever used through
   pointers libxml2 allocates), so the headers are read as if ICU were off. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
