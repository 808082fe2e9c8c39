/* test_qr.c: web addresses as QR codes (the kiosk's sources). The modules
 * themselves are libqrencode's; what is checked here is what Frise makes of
 * them: a square of the right size with its finder patterns, about half
 * of it dark, and which addresses get one. A real reader
 * (zbarimg) decodes the drawn code in tests/cli/kiosk_qr.sh. */
#include "qr.h"

#include <stdio.h>
#include <string.h>

#include "test.h"

static bool dark(const QrCode *q, int row, int col)
{
    return q->dark[row * q->width + col] != 0;
}

/* The 7x7 finder in a corner: a dark ring, a light ring, a dark 3x3 core. */
static bool finder_at(const QrCode *q, int row0, int col0)
{
    for (int r = 0; r < 7; r++)
        for (int c = 0; c < 7; c++) {
            bool ring = r == 0 || r == 6 || c == 0 || c == 6;
            bool core = r >= 2 && r <= 4 && c >= 2 && c <= 4;
            if (dark(q, row0 + r, col0 + c) != (ring || core)) return false;
        }
    return true;
}

static void an_address_becomes_a_square_with_three_finders(void)
{
    QrCode q;
    CHECK(qr_encode("https://m.phnompenhpost.com/national/cambodia-and-russia-mark-65-years-diplomatic-ties", &q));
    CHECK(q.width >= 21 && (q.width - 17) % 4 == 0); /* the sizes QR versions have */
    if (q.width >= 21) {
        CHECK(finder_at(&q, 0, 0));
        CHECK(finder_at(&q, 0, q.width - 7));
        CHECK(finder_at(&q, q.width - 7, 0));
        int n = q.width * q.width, on = 0;
        for (int i = 0; i < n; i++) on += q.dark[i];
        CHECK(on > n / 4 && on < 3 * n / 4); /* masked data is about half dark */
    }
    qr_free(&q);
    CHECK(q.dark == NULL && q.width == 0);
}

static void a_longer_address_takes_a_larger_code(void)
{
    QrCode a, b;
    char longer[QR_MAX_TEXT + 1];
    memset(longer, 'a', QR_MAX_TEXT);
    memcpy(longer, "https://", 8);
    longer[QR_MAX_TEXT] = '\0';
    CHECK(qr_encode("https://example.org", &a));
    CHECK(qr_encode(longer, &b));
    CHECK(b.width > a.width);
    qr_free(&a);
    qr_free(&b);
}

static void nothing_or_too_much_gives_no_code(void)
{
    QrCode q;
    CHECK(!qr_encode("", &q));
    CHECK(q.dark == NULL);
    char too_long[QR_MAX_TEXT + 2];
    memset(too_long, 'a', sizeof too_long - 1);
    too_long[sizeof too_long - 1] = '\0';
    CHECK(!qr_encode(too_long, &q));
    qr_free(&q); /* safe on a zeroed code */
}

static void only_web_addresses_are_worth_a_code(void)
{
    CHECK(qr_worth_showing("https://example.org/a"));
    CHECK(qr_worth_showing("http://example.org"));
    CHECK(!qr_worth_showing("ftp://example.org"));
    CHECK(!qr_worth_showing("javascript:alert(1)"));
    CHECK(!qr_worth_showing("images/map.png"));
    CHECK(!qr_worth_showing(NULL));
}

/* A redrawn story asks again and again: one encoding per address, the
 * same code back, and the oldest address makes way when the slots run out. */
static void the_cache_encodes_an_address_once_and_keeps_a_few(void)
{
    QrCache cache = {0};
    const QrCode *first = qr_cache_get(&cache, "https://example.org/a");
    CHECK(first != NULL);
    char again[] = "https://example.org/a"; /* the same text at another address */
    CHECK(qr_cache_get(&cache, again) == first);
    char url[64];
    for (int i = 0; i < QR_CACHE_SLOTS; i++) {
        snprintf(url, sizeof url, "https://example.org/%d", i);
        const QrCode *q = qr_cache_get(&cache, url);
        QrCode fresh;
        CHECK(q && qr_encode(url, &fresh) && q->width == fresh.width &&
              memcmp(q->dark, fresh.dark, (size_t)(q->width * q->width)) == 0);
        qr_free(&fresh);
    }
    const QrCode *back = qr_cache_get(&cache, "https://example.org/a"); /* evicted, encoded again */
    QrCode fresh;
    CHECK(back && qr_encode("https://example.org/a", &fresh) &&
          memcmp(back->dark, fresh.dark, (size_t)(back->width * back->width)) == 0);
    qr_free(&fresh);
    CHECK(qr_cache_get(&cache, "") == NULL); /* no code, and no harm */
    qr_cache_free(&cache);
    CHECK(cache.text[0] == NULL && cache.next == 0);
}

int main(void)
{
    RUN(an_address_becomes_a_square_with_three_finders);
    RUN(a_longer_address_takes_a_larger_code);
    RUN(nothing_or_too_much_gives_no_code);
    RUN(only_web_addresses_are_worth_a_code);
    RUN(the_cache_encodes_an_address_once_and_keeps_a_few);
    return TEST_REPORT();
}
