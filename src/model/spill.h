/* spill.h: a place for a large timeline's texts in a file on disk rather
 * than in the process's memory. The texts are written through a shared
 * mapping of an unnamed temporary file, and the pages already written are
 * let go from the process (MADV_DONTNEED keeps them in the page cache, or
 * on disk once written back), so a million events' texts need not stay
 * resident: the view touches the few it shows. Pointers into it stay valid
 * until spill_close. Linux only; spill_open fails elsewhere (and then the
 * texts simply stay in memory). */
#ifndef FRISE_SPILL_H
#define FRISE_SPILL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Spill Spill;

/* An unnamed file in dir (O_TMPFILE: nothing is left behind, even after a
 * crash). NULL when the system cannot make one there. */
Spill *spill_open(const char *dir);

/* size bytes to write text into (no alignment), space reserved on disk
 * first (posix_fallocate), so a full disk is a NULL here, never a signal
 * later. NULL when the file cannot grow. */
char *spill_alloc(Spill *s, size_t size);

/* Lets every page written so far go from the process (after a pass that
 * read them all, such as building a search index). */
void spill_release_all(Spill *s);

/* Bytes written so far. */
size_t spill_bytes(const Spill *s);

/* Unmaps and closes: every pointer spill_alloc gave is then invalid. */
void spill_close(Spill *s);

/* The folder for spill files: $XDG_CACHE_HOME, else ~/.cache, else
 * /var/tmp, the first that is a folder (disk rather than tmpfs, where a
 * spill would save nothing). Writes it into out; false when none is. */
bool spill_default_dir(char *out, size_t cap);

#endif
