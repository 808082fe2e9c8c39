/* fuzz_imagehdr.c: libFuzzer target for the image header reader (see
 * README.md): never reads past the bytes given, and a size it reports is
 * positive. */
#include <stdint.h>
#include <stdlib.h>

#include "imagehdr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ImageInfo info;
    ImageHeaderResult r = image_header_read(data, size, &info);
    if (r == IMAGE_HEADER_OK && (info.w_px <= 0 || info.h_px <= 0 || info.format == IMAGE_FORMAT_UNKNOWN)) abort();
    if (r != IMAGE_HEADER_OK && (info.w_px != 0 || info.h_px != 0)) abort();
    image_size_allowed(info.w_px, info.h_px);
    return 0;
}
