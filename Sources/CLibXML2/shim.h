#ifndef PIANI_CLIBXML2_SHIM_H
#define PIANI_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/HTMLparser.h>
#endif
