#ifndef PIANI_CLIBCRYPTO_SHIM_H
#define PIANI_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
