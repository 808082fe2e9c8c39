/* fileio.h: the one way Frise reads a file it was told to read (a timeline,
 * an image, a settings file, a replay script): without blocking, only when
 * it is a regular file, and only up to a size the caller names. A FIFO, a
 * device, a folder or a file past the bound is refused before one byte is
 * read, so nothing a path names can freeze or flood the program. */
#ifndef FRISE_FILEIO_H
#define FRISE_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum FileioError {
    FILEIO_OK = 0,
    FILEIO_NOT_FOUND,       /* no such file, or a folder on the way is missing */
    FILEIO_NO_ACCESS,       /* permission denied */
    FILEIO_DIRECTORY,       /* a folder */
    FILEIO_NOT_REGULAR,     /* a FIFO, a socket or a device */
    FILEIO_TOO_LARGE,       /* more bytes than the caller's bound */
    FILEIO_READ_ERROR,      /* open or read failed for another reason */
    FILEIO_NO_MEMORY
} FileioError;

/* What identifies one version of a file: a changed stamp means the file was
 * replaced or written since (used to notice a fixed image). */
typedef struct FileStamp {
    uint64_t dev, ino;
    int64_t size_bytes;
    int64_t mtime_ns;
} FileStamp;

/* A file's bytes. bytes is malloc'd with one more byte, a NUL, after len;
 * the caller frees it with fileio_data_free. */
typedef struct FileData {
    char *bytes;            /* NULL unless FILEIO_OK */
    size_t len;
    int64_t file_bytes;     /* the size the file had (also set for FILEIO_TOO_LARGE) */
    int sys_errno;          /* the system's reason for NOT_FOUND, NO_ACCESS, READ_ERROR */
    FileStamp stamp;
} FileData;

/* Reads the whole of path when it is a regular file of at most max_bytes.
 * Opens with O_NONBLOCK, so a FIFO without a writer or a device never makes
 * it wait; checks the type and size on the open descriptor (fstat), so the
 * file checked is the file read. A file that grows while being read is cut
 * at the size it had. *out is overwritten; on failure it holds no bytes. */
FileioError fileio_read(const char *path, size_t max_bytes, FileData *out);

/* The same, but reads only the first head_bytes (or the whole file when
 * shorter): enough to see an image's header without reading the image.
 * max_bytes still bounds the whole file's size. */
FileioError fileio_read_head(const char *path, size_t max_bytes, size_t head_bytes, FileData *out);

/* Frees the bytes; *d is zeroed. Safe on a zeroed or freed FileData. */
void fileio_data_free(FileData *d);

/* The stamp of the file path names (following symbolic links); false when
 * it cannot be seen (missing, no permission). */
bool fileio_stamp(const char *path, FileStamp *out);

/* True when both stamps name the same version of the same file. */
bool fileio_stamp_equal(const FileStamp *a, const FileStamp *b);

/* A short reason for messages: "no such file or directory", "a FIFO, socket
 * or device, not a regular file", ... sys_errno is FileData.sys_errno. */
const char *fileio_error_text(FileioError e, int sys_errno);

#endif
