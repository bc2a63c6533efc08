#ifndef PIANI_PROCESS_H
#define PIANI_PROCESS_H

/// Asks the kernel to send SIGKILL to this process when its parent ends (prctl PR_SET_PDEATHSIG, Linux).
/// Returns 0 on success, -1 when not supported or refused (errno set).
int piani_die_with_parent(void);

#endif
