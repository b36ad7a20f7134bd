#ifndef RUTINBOK_ONE_SHOT_MALLOC_H
#define RUTINBOK_ONE_SHOT_MALLOC_H

/// Sets glibc's malloc up for a process that runs one command and exits: the heap grows in
/// steps of 64 MB and keeps what is freed (up to 256 MB at its top), and only blocks of 32 MB
/// or more get a mapping of their own. A build allocates and frees large strings (pages of
/// 0.2 to 1 MB, manifests, caches) all along, and glibc's defaults gave much of that memory
/// back to the system only to take it again page by page. Does nothing on other C libraries.
void rutinbok_tune_malloc_for_one_command(void);

#endif
