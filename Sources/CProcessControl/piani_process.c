#include "piani_process.h"
#include <errno.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

int piani_die_with_parent(void) {
#ifdef __linux__
    return prctl(PR_SET_PDEATHSIG, SIGKILL);
#else
    errno = ENOSYS;
    return -1;
#endif
}
