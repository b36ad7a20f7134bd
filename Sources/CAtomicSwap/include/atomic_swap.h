#ifndef RUTINBOK_ATOMIC_SWAP_H
#define RUTINBOK_ATOMIC_SWAP_H

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. ENOSYS, EINVAL on old kernels or
/// file systems without support); callers fall back to two renames.
int rutinbok_exchange_paths(const char *first, const char *second);

#endif
