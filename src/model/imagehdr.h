/* imagehdr.h: what an image file is and how many pixels it holds, read from
 * its first bytes, before any decoder sees it; and the limits Frise puts on
 * images. The loader checks them for --check, the renderer again before
 * decoding (a file can change between the two). */
#ifndef FRISE_IMAGEHDR_H
#define FRISE_IMAGEHDR_H

#include <stdbool.h>
#include <stddef.h>

/* A decoded image takes 4 bytes a pixel: 25 million pixels (a 6000x4000
 * camera photo fits) is 100 MB for the moment it is decoded, before being
 * scaled down to at most IMAGE_SHOWN_MAX_PX on its longest side. */
enum {
    IMAGE_MAX_FILE_BYTES = 32 * 1024 * 1024,
    IMAGE_MAX_SIDE_PX = 10000,
    IMAGE_MAX_PIXELS = 25000000,
    IMAGE_SHOWN_MAX_PX = 1024,
    IMAGE_HEAD_BYTES = 64 * 1024     /* what the loader reads to find the size */
};

typedef enum ImageFormat { IMAGE_FORMAT_UNKNOWN, IMAGE_FORMAT_PNG, IMAGE_FORMAT_JPEG } ImageFormat;

typedef enum ImageHeaderResult {
    IMAGE_HEADER_OK,           /* format, width and height are known */
    IMAGE_HEADER_NOT_IMAGE,    /* neither PNG nor JPEG (an SVG, a text file...) */
    IMAGE_HEADER_NO_SIZE,      /* a JPEG whose size lies past len (or a broken header) */
} ImageHeaderResult;

typedef struct ImageInfo {
    ImageFormat format;
    int w_px, h_px;            /* 0 unless IMAGE_HEADER_OK */
} ImageInfo;

/* Reads the format from the magic bytes and the size from the PNG IHDR
 * chunk or the JPEG start-of-frame segment, within bytes[0..len). Never
 * reads past len. *out is always written. */
ImageHeaderResult image_header_read(const unsigned char *bytes, size_t len, ImageInfo *out);

/* True when an image of this size may be decoded (both sides at least 1, at
 * most IMAGE_MAX_SIDE_PX, and at most IMAGE_MAX_PIXELS in all). */
bool image_size_allowed(int w_px, int h_px);

#endif
