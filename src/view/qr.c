/* qr.c: a web address as a QR code (see qr.h). */
#include "qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

bool qr_encode(const char *text, QrCode *out)
{
    memset(out, 0, sizeof *out);
    size_t len = strlen(text);
    if (len == 0 || len > QR_MAX_TEXT) return false;
    /* 8-bit mode, case kept: an address is encoded byte for byte. */
    QRcode *code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!code) return false;
    size_t n = (size_t)code->width * (size_t)code->width;
    out->dark = malloc(n);
    if (out->dark) {
        out->width = code->width;
        for (size_t i = 0; i < n; i++) out->dark[i] = code->data[i] & 1; /* bit 0: dark; the rest is libqrencode's */
    }
    QRcode_free(code);
    return out->dark != NULL;
}

void qr_free(QrCode *qr)
{
    free(qr->dark);
    memset(qr, 0, sizeof *qr);
}

bool qr_worth_showing(const char *url)
{
    return url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0) && strlen(url) <= QR_MAX_TEXT;
}
