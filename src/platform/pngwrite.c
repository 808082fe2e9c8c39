/* pngwrite.c: libpng's write path, row by row. libpng reports errors by
 * longjmp: each call into it sits in its own small function with its own
 * setjmp, so that no local of ours lives across a jump. */
#include "pngwrite.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct PngWriter {
    FILE *file;
    png_structp png;
    png_infop info;
    char path[4096];
    char part[4096 + 8];         /* path.part, renamed to path once whole */
    int w, h, rows;
};

/* libpng's messages go to stderr with the file's name. */
static void on_error(png_structp png, png_const_charp message)
{
    const PngWriter *pw = png_get_error_ptr(png);
    fprintf(stderr, "frise: writing %s: %s\n", pw ? pw->path : "a PNG", message);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message)
{
    const PngWriter *pw = png_get_error_ptr(png);
    fprintf(stderr, "frise: writing %s: %s\n", pw ? pw->path : "a PNG", message);
}

/* The header; posters are mostly flat colour, so the fastest compression
 * loses little size and saves most of the time. */
static bool write_header(PngWriter *pw)
{
    if (setjmp(png_jmpbuf(pw->png))) return false;
    png_init_io(pw->png, pw->file);
    png_set_compression_level(pw->png, 1);
    png_set_filter(pw->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_IHDR(pw->png, pw->info, (png_uint_32)pw->w, (png_uint_32)pw->h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(pw->png, pw->info);
    return true;
}

PngWriter *pngwrite_open(const char *path, int w, int h)
{
    PngWriter *pw = calloc(1, sizeof *pw);
    if (!pw) {
        fprintf(stderr, "frise: writing %s: out of memory\n", path);
        return NULL;
    }
    /* Written beside it and renamed at the end: a poster that fails
     * leaves an earlier file of that name as it was. */
    if (snprintf(pw->path, sizeof pw->path, "%s", path) >= (int)sizeof pw->path ||
        snprintf(pw->part, sizeof pw->part, "%s.part", path) >= (int)sizeof pw->part) {
        fprintf(stderr, "frise: cannot write %s: the name is too long\n", path);
        free(pw);
        return NULL;
    }
    pw->w = w;
    pw->h = h;
    pw->file = fopen(pw->part, "wb");
    if (!pw->file) {
        fprintf(stderr, "frise: cannot write %s: %s\n", pw->part, strerror(errno));
        free(pw);
        return NULL;
    }
    pw->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, pw, on_error, on_warning);
    pw->info = pw->png ? png_create_info_struct(pw->png) : NULL;
    if (!pw->info || !write_header(pw)) {
        if (!pw->info) fprintf(stderr, "frise: writing %s: libpng could not start\n", path);
        pngwrite_abort(pw);
        return NULL;
    }
    return pw;
}

bool pngwrite_row(PngWriter *pw, const uint8_t *rgb)
{
    if (setjmp(png_jmpbuf(pw->png))) return false;
    png_write_row(pw->png, rgb);
    pw->rows++;
    return true;
}

static bool write_end(PngWriter *pw)
{
    if (setjmp(png_jmpbuf(pw->png))) return false;
    png_write_end(pw->png, NULL);
    return true;
}

bool pngwrite_close(PngWriter *pw)
{
    bool ok = pw->rows == pw->h && write_end(pw);
    png_destroy_write_struct(&pw->png, &pw->info);
    ok = fclose(pw->file) == 0 && ok;
    ok = ok && rename(pw->part, pw->path) == 0;
    if (!ok) {
        fprintf(stderr, "frise: %s was not written whole; nothing was changed\n", pw->path);
        remove(pw->part);
    }
    free(pw);
    return ok;
}

void pngwrite_abort(PngWriter *pw)
{
    if (!pw) return;
    if (pw->png) png_destroy_write_struct(&pw->png, pw->info ? &pw->info : NULL);
    if (pw->file) fclose(pw->file);
    remove(pw->part);
    free(pw);
}
