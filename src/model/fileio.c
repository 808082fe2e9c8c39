/* fileio.c: reading files that may be hostile (see fileio.h).
 *
 * Why O_NONBLOCK: open() on a FIFO blocks until a writer comes, forever if
 * none does, and a path in a timeline or on the command line can name one.
 * With O_NONBLOCK the open returns at once, fstat on the descriptor then
 * says what it is, and anything but a regular file is refused unread. For a
 * regular file the flag changes nothing. */
#define _POSIX_C_SOURCE 200809L

#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static FileioError from_errno(int e)
{
    if (e == ENOENT || e == ENOTDIR || e == ENAMETOOLONG || e == ELOOP) return FILEIO_NOT_FOUND;
    if (e == EACCES || e == EPERM) return FILEIO_NO_ACCESS;
    if (e == EISDIR) return FILEIO_DIRECTORY;
    if (e == ENXIO) return FILEIO_NOT_REGULAR; /* a socket, or a device without a driver */
    return FILEIO_READ_ERROR;
}

static void stamp_from_stat(const struct stat *st, FileStamp *out)
{
    out->dev = (uint64_t)st->st_dev;
    out->ino = (uint64_t)st->st_ino;
    out->size_bytes = (int64_t)st->st_size;
    out->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + (int64_t)st->st_mtim.tv_nsec;
}

/* Opens path for reading without waiting and checks what it is. */
static FileioError open_regular(const char *path, size_t max_bytes, FileData *out, int *fd_out)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        out->sys_errno = errno;
        return from_errno(errno);
    }
    struct stat st;
    FileioError e = FILEIO_OK;
    if (fstat(fd, &st) != 0) {
        out->sys_errno = errno;
        e = FILEIO_READ_ERROR;
    } else if (S_ISDIR(st.st_mode)) {
        e = FILEIO_DIRECTORY;
    } else if (!S_ISREG(st.st_mode)) {
        e = FILEIO_NOT_REGULAR;
    } else {
        out->file_bytes = (int64_t)st.st_size;
        stamp_from_stat(&st, &out->stamp);
        if ((uint64_t)st.st_size > (uint64_t)max_bytes) e = FILEIO_TOO_LARGE;
    }
    if (e != FILEIO_OK) close(fd);
    else *fd_out = fd;
    return e;
}

/* Reads up to want bytes into buf; the count read (short at end of file). */
static FileioError read_fully(int fd, char *buf, size_t want, size_t *got, int *sys_errno)
{
    size_t n = 0;
    while (n < want) {
        ssize_t r = read(fd, buf + n, want - n);
        if (r == 0) break;
        if (r < 0) {
            if (errno == EINTR) continue;
            *sys_errno = errno;
            return FILEIO_READ_ERROR;
        }
        n += (size_t)r;
    }
    *got = n;
    return FILEIO_OK;
}

FileioError fileio_read_head(const char *path, size_t max_bytes, size_t head_bytes, FileData *out)
{
    memset(out, 0, sizeof *out);
    int fd = -1;
    FileioError e = open_regular(path, max_bytes, out, &fd);
    if (e != FILEIO_OK) return e;
    size_t want = (uint64_t)out->file_bytes < (uint64_t)head_bytes ? (size_t)out->file_bytes : head_bytes;
    out->bytes = malloc(want + 1);
    if (!out->bytes) e = FILEIO_NO_MEMORY;
    else e = read_fully(fd, out->bytes, want, &out->len, &out->sys_errno);
    close(fd);
    if (e != FILEIO_OK) {
        free(out->bytes);
        out->bytes = NULL;
        out->len = 0;
        return e;
    }
    out->bytes[out->len] = '\0';
    return FILEIO_OK;
}

FileioError fileio_read(const char *path, size_t max_bytes, FileData *out)
{
    return fileio_read_head(path, max_bytes, max_bytes, out);
}

void fileio_data_free(FileData *d)
{
    free(d->bytes);
    memset(d, 0, sizeof *d);
}

bool fileio_stamp(const char *path, FileStamp *out)
{
    struct stat st;
    memset(out, 0, sizeof *out);
    if (stat(path, &st) != 0) return false;
    stamp_from_stat(&st, out);
    return true;
}

bool fileio_stamp_equal(const FileStamp *a, const FileStamp *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size_bytes == b->size_bytes && a->mtime_ns == b->mtime_ns;
}

const char *fileio_error_text(FileioError e, int sys_errno)
{
    switch (e) {
    case FILEIO_OK: return "no problem";
    case FILEIO_NOT_FOUND:
    case FILEIO_NO_ACCESS:
    case FILEIO_READ_ERROR: return sys_errno ? strerror(sys_errno) : "cannot read the file";
    case FILEIO_DIRECTORY: return "this is a folder, not a file";
    case FILEIO_NOT_REGULAR: return "not a regular file (a FIFO, socket or device); it was not opened";
    case FILEIO_TOO_LARGE: return "the file is too large";
    case FILEIO_NO_MEMORY: return "out of memory";
    }
    return "cannot read the file";
}
