/* test_fileio.c: reading files that may be hostile: a FIFO or a device is
 * refused at once (never waited on), a size bound is checked before a byte is
 * read, and a file's stamp changes when it is rewritten. */
#define _POSIX_C_SOURCE 200809L

#include "fileio.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

/* A scratch folder per test run. */
static char scratch[64];

static void scratch_file(const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", scratch, name);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void a_regular_file_should_be_read_whole_and_nul_terminated(void)
{
    char path[128];
    scratch_file("a.txt", path, sizeof path);
    write_file(path, "hello");
    FileData d;
    CHECK_INT(fileio_read(path, 100, &d), FILEIO_OK);
    CHECK_INT(d.len, 5);
    CHECK_STR(d.bytes, "hello");
    CHECK_INT(d.file_bytes, 5);
    fileio_data_free(&d);
    CHECK(d.bytes == NULL);
    fileio_data_free(&d); /* twice is fine */
    unlink(path);
}

static void a_fifo_should_be_refused_without_waiting_for_a_writer(void)
{
    char path[128];
    scratch_file("pipe", path, sizeof path);
    CHECK(mkfifo(path, 0600) == 0);
    FileData d;
    alarm(10); /* a blocking open() fails the test instead of hanging it */
    CHECK_INT(fileio_read(path, 100, &d), FILEIO_NOT_REGULAR);
    CHECK_INT(fileio_read_head(path, 100, 10, &d), FILEIO_NOT_REGULAR);
    alarm(0);
    CHECK(d.bytes == NULL);
    unlink(path);
}

static void a_device_should_be_refused_unread(void)
{
    FileData d;
    CHECK_INT(fileio_read("/dev/zero", 1 << 20, &d), FILEIO_NOT_REGULAR);
    CHECK_INT(fileio_read("/dev/null", 1 << 20, &d), FILEIO_NOT_REGULAR);
    CHECK(d.bytes == NULL);
}

static void a_folder_and_a_missing_file_should_say_so(void)
{
    FileData d;
    CHECK_INT(fileio_read(scratch, 100, &d), FILEIO_DIRECTORY);
    char path[128];
    scratch_file("nothing-here", path, sizeof path);
    CHECK_INT(fileio_read(path, 100, &d), FILEIO_NOT_FOUND);
    CHECK(strstr(fileio_error_text(FILEIO_NOT_FOUND, d.sys_errno), "No such file") != NULL);
}

static void a_file_past_the_bound_should_be_refused_before_reading(void)
{
    char path[128];
    scratch_file("big", path, sizeof path);
    FILE *f = fopen(path, "wb");
    CHECK(f && ftruncate(fileno(f), (off_t)1 << 30) == 0); /* 1 GiB, sparse */
    if (f) fclose(f);
    FileData d;
    clock_t t0 = clock();
    CHECK_INT(fileio_read(path, 1 << 20, &d), FILEIO_TOO_LARGE);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 0.1);
    CHECK_INT(d.file_bytes, (int64_t)1 << 30);
    CHECK(d.bytes == NULL);
    unlink(path);
}

static void the_head_should_be_read_alone_but_bounded_by_the_whole_size(void)
{
    char path[128];
    scratch_file("head.txt", path, sizeof path);
    write_file(path, "0123456789");
    FileData d;
    CHECK_INT(fileio_read_head(path, 100, 4, &d), FILEIO_OK);
    CHECK_STR(d.bytes, "0123");
    fileio_data_free(&d);
    CHECK_INT(fileio_read_head(path, 5, 4, &d), FILEIO_TOO_LARGE);
    unlink(path);
}

static void a_stamp_should_change_when_the_file_is_replaced(void)
{
    char path[128], other[128];
    scratch_file("s.txt", path, sizeof path);
    scratch_file("s2.txt", other, sizeof other);
    write_file(path, "one");
    FileStamp a, b;
    CHECK(fileio_stamp(path, &a));
    CHECK(fileio_stamp(path, &b));
    CHECK(fileio_stamp_equal(&a, &b));
    write_file(other, "two!");
    CHECK(rename(other, path) == 0); /* how editors save */
    CHECK(fileio_stamp(path, &b));
    CHECK(!fileio_stamp_equal(&a, &b));
    unlink(path);
    CHECK(!fileio_stamp(path, &b));
}

int main(void)
{
    snprintf(scratch, sizeof scratch, "/tmp/frise-test-fileio-XXXXXX");
    if (!mkdtemp(scratch)) return 1;
    RUN(a_regular_file_should_be_read_whole_and_nul_terminated);
    RUN(a_fifo_should_be_refused_without_waiting_for_a_writer);
    RUN(a_device_should_be_refused_unread);
    RUN(a_folder_and_a_missing_file_should_say_so);
    RUN(a_file_past_the_bound_should_be_refused_before_reading);
    RUN(the_head_should_be_read_alone_but_bounded_by_the_whole_size);
    RUN(a_stamp_should_change_when_the_file_is_replaced);
    rmdir(scratch);
    return TEST_REPORT();
}
