/* test_imagehdr.c: an image's format and size from its first bytes, before
 * any decoder allocates what a hostile header asks for. */
#include "imagehdr.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#define IMAGES FRISE_TEST_DATA "/good/images"
#define BAD_IMAGES FRISE_TEST_DATA "/bad/images"

static size_t read_bytes(const char *path, unsigned char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return 0;
    size_t n = fread(buf, 1, cap, f);
    fclose(f);
    return n;
}

static void a_jpeg_should_give_its_size_from_the_frame_header(void)
{
    static unsigned char buf[65536];
    size_t n = read_bytes(IMAGES "/sputnik-1.jpg", buf, sizeof buf);
    ImageInfo info;
    CHECK_INT(image_header_read(buf, n, &info), IMAGE_HEADER_OK);
    CHECK_INT(info.format, IMAGE_FORMAT_JPEG);
    CHECK_INT(info.w_px, 96);
    CHECK_INT(info.h_px, 64);
    /* Cut before the frame header: the size is not known, nothing is invented. */
    CHECK_INT(image_header_read(buf, 40, &info), IMAGE_HEADER_NO_SIZE);
    CHECK_INT(info.w_px, 0);
}

static void a_png_header_promising_20000_px_should_be_read_and_refused(void)
{
    unsigned char buf[256];
    size_t n = read_bytes(BAD_IMAGES "/huge-20000px-header", buf, sizeof buf);
    ImageInfo info;
    CHECK_INT(image_header_read(buf, n, &info), IMAGE_HEADER_OK);
    CHECK_INT(info.format, IMAGE_FORMAT_PNG);
    CHECK_INT(info.w_px, 20000);
    CHECK(!image_size_allowed(info.w_px, info.h_px));
}

static void an_svg_named_png_should_not_be_an_image(void)
{
    unsigned char buf[256];
    size_t n = read_bytes(BAD_IMAGES "/svg-saved-as-png", buf, sizeof buf);
    ImageInfo info;
    CHECK_INT(image_header_read(buf, n, &info), IMAGE_HEADER_NOT_IMAGE);
    CHECK_INT(info.format, IMAGE_FORMAT_UNKNOWN);
    CHECK_INT(image_header_read(buf, 0, &info), IMAGE_HEADER_NOT_IMAGE);
}

static void sizes_should_be_allowed_up_to_the_limits_only(void)
{
    CHECK(image_size_allowed(6000, 4000));
    CHECK(image_size_allowed(1, 1));
    CHECK(!image_size_allowed(0, 10));
    CHECK(!image_size_allowed(IMAGE_MAX_SIDE_PX + 1, 10));
    CHECK(!image_size_allowed(IMAGE_MAX_SIDE_PX, IMAGE_MAX_SIDE_PX));
}

static void random_bytes_after_a_jpeg_start_should_never_read_past_the_end(void)
{
    /* ASan watches the reads; every answer must be one of the three. */
    uint32_t seed = 1;
    for (int round = 0; round < 20000; round++) {
        size_t n = 3 + (size_t)(round % 200);
        unsigned char *buf = malloc(n);
        buf[0] = 0xFF, buf[1] = 0xD8, buf[2] = 0xFF;
        for (size_t i = 3; i < n; i++) {
            seed = seed * 1664525u + 1013904223u;
            buf[i] = (unsigned char)(seed >> 24);
            if (seed & 0x100) buf[i] = 0xFF;
        }
        ImageInfo info;
        ImageHeaderResult r = image_header_read(buf, n, &info);
        CHECK(r == IMAGE_HEADER_OK || r == IMAGE_HEADER_NO_SIZE);
        free(buf);
    }
}

int main(void)
{
    RUN(a_jpeg_should_give_its_size_from_the_frame_header);
    RUN(a_png_header_promising_20000_px_should_be_read_and_refused);
    RUN(an_svg_named_png_should_not_be_an_image);
    RUN(sizes_should_be_allowed_up_to_the_limits_only);
    RUN(random_bytes_after_a_jpeg_start_should_never_read_past_the_end);
    return TEST_REPORT();
}
