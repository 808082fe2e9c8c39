/* imagehdr.c: PNG and JPEG headers (see imagehdr.h).
 *
 * Why read the header ourselves: a decoder allocates what the header asks
 * for before it looks at the rest, so a 389 KB PNG that says 20000x20000
 * takes 1.6 GB, and SDL_image picks the decoder from the content, so an SVG
 * named .png is rasterised at whatever size it declares. Knowing the format
 * and the size first lets the caller refuse both and call one decoder. */
#include "imagehdr.h"

#include <stdint.h>
#include <string.h>

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* The signature, then the IHDR chunk: length 13, "IHDR", width, height. */
static ImageHeaderResult read_png(const unsigned char *b, size_t len, ImageInfo *out)
{
    if (len < 24 || memcmp(b + 12, "IHDR", 4) != 0) return IMAGE_HEADER_NO_SIZE;
    uint32_t w = be32(b + 16), h = be32(b + 20);
    if (w == 0 || h == 0 || w > INT32_MAX || h > INT32_MAX) return IMAGE_HEADER_NO_SIZE;
    out->w_px = (int)w;
    out->h_px = (int)h;
    return IMAGE_HEADER_OK;
}

/* Start-of-frame markers: C0..CF but DHT (C4), JPG (C8) and DAC (CC). */
static bool is_sof(unsigned char m)
{
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

/* Walks the segments after SOI until a start of frame gives the size. */
static ImageHeaderResult read_jpeg(const unsigned char *b, size_t len, ImageInfo *out)
{
    size_t i = 2;
    while (i + 4 <= len) {
        if (b[i] != 0xFF) return IMAGE_HEADER_NO_SIZE;
        unsigned char m = b[i + 1];
        if (m == 0xFF) { /* fill bytes */
            i++;
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* markers without a length */
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA) return IMAGE_HEADER_NO_SIZE; /* end, or scan data before any frame */
        unsigned seg = be16(b + i + 2);
        if (seg < 2) return IMAGE_HEADER_NO_SIZE;
        if (is_sof(m)) {
            if (i + 9 > len || seg < 7) return IMAGE_HEADER_NO_SIZE;
            out->h_px = (int)be16(b + i + 5);
            out->w_px = (int)be16(b + i + 7);
            return out->w_px > 0 && out->h_px > 0 ? IMAGE_HEADER_OK : IMAGE_HEADER_NO_SIZE;
        }
        i += 2 + seg;
    }
    return IMAGE_HEADER_NO_SIZE;
}

ImageHeaderResult image_header_read(const unsigned char *bytes, size_t len, ImageInfo *out)
{
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    memset(out, 0, sizeof *out);
    ImageHeaderResult r = IMAGE_HEADER_NOT_IMAGE;
    if (len >= 8 && memcmp(bytes, png_sig, 8) == 0) {
        out->format = IMAGE_FORMAT_PNG;
        r = read_png(bytes, len, out);
    } else if (len >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
        out->format = IMAGE_FORMAT_JPEG;
        r = read_jpeg(bytes, len, out);
    }
    if (r != IMAGE_HEADER_OK) out->w_px = out->h_px = 0;
    return r;
}

bool image_size_allowed(int w_px, int h_px)
{
    return w_px >= 1 && h_px >= 1 && w_px <= IMAGE_MAX_SIDE_PX && h_px <= IMAGE_MAX_SIDE_PX &&
           (int64_t)w_px * h_px <= IMAGE_MAX_PIXELS;
}
