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

const QrCode *qr_cache_get(QrCache *cache, const char *text)
{
    for (int i = 0; i < QR_CACHE_SLOTS; i++)
        if (cache->text[i] && strcmp(cache->text[i], text) == 0) return cache->code[i].dark ? &cache->code[i] : NULL;
    int slot = cache->next;
    cache->next = (slot + 1) % QR_CACHE_SLOTS;
    free(cache->text[slot]);
    qr_free(&cache->code[slot]);
    size_t len = strlen(text);
    cache->text[slot] = malloc(len + 1);
    if (!cache->text[slot]) return NULL;
    memcpy(cache->text[slot], text, len + 1);
    return qr_encode(text, &cache->code[slot]) ? &cache->code[slot] : NULL;
}

void qr_cache_free(QrCache *cache)
{
    for (int i = 0; i < QR_CACHE_SLOTS; i++) {
        free(cache->text[i]);
        qr_free(&cache->code[i]);
    }
    memset(cache, 0, sizeof *cache);
}

bool qr_worth_showing(const char *url)
{
    return url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0) && strlen(url) <= QR_MAX_TEXT;
}
