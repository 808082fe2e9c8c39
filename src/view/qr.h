/* qr.h: a web address as a QR code, for visitors who cannot follow a link
 * (the kiosk): the modules from libqrencode, drawn by the view. */
#ifndef FRISE_QR_H
#define FRISE_QR_H

#include <stdbool.h>

enum { QR_MAX_TEXT = 512, QR_QUIET_MODULES = 4 };

typedef struct QrCode {
    int width;                 /* modules per side, without the quiet zone */
    unsigned char *dark;       /* width * width, row by row: 1 for a dark module */
} QrCode;

/* Encodes text (at most QR_MAX_TEXT bytes) at error correction level M.
 * False, *out zeroed, when it is empty, too long or cannot be encoded. */
bool qr_encode(const char *text, QrCode *out);
void qr_free(QrCode *qr);

/* The codes of the last few texts asked for: a story redrawn frame after
 * frame encodes its addresses once (about 0.1 ms each). Zeroed: empty. */
enum { QR_CACHE_SLOTS = 8 };
typedef struct QrCache {
    char *text[QR_CACHE_SLOTS];    /* owned copies: a reloaded timeline frees its strings */
    QrCode code[QR_CACHE_SLOTS];
    int next;                      /* the slot the next new text takes */
} QrCache;

/* text's code, from the cache or encoded into it; NULL when it has none. */
const QrCode *qr_cache_get(QrCache *cache, const char *text);
void qr_cache_free(QrCache *cache);

/* Whether a source's address is one a phone can open from a QR code. */
bool qr_worth_showing(const char *url);

#endif
