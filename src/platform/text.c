/* text.c: fonts per (face, size), script runs, HarfBuzz shaping via SDL_ttf,
 * and LRU caches of string textures and string widths. */
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "grow.h"
#include "hash.h"
#include "utf8.h"

/* ==== Contents ==============================================================
 *   Constants and types
 *   String table: a hash table with an LRU list, shared by both caches
 *   UTF-8 and scripts
 *   Fonts
 *   Runs: splitting, measuring, rendering
 *   Public API
 * ========================================================================== */

/* ---- Constants and types ------------------------------------------------ */

/* Layout measures every visible string (and the prefixes it tries while
 * truncating) every frame; this many widths covers several screens. */
#define WIDTH_CACHE_ENTRIES 16384

/* SDL_ttf has no fallback, so each script gets its own font. NotoSans covers
 * Latin, Greek and Cyrillic; the script only tells HarfBuzz which rules to use. */
typedef enum TextScript { SCRIPT_LATN, SCRIPT_CYRL, SCRIPT_GREK, SCRIPT_KHMR, SCRIPT_COUNT } TextScript;

/* Which font file a run uses. */
typedef enum FontFamily { FAMILY_MAIN, FAMILY_KHMER, FAMILY_COUNT } FontFamily;

#define FONT_FILE_COUNT 5

static const char *const font_file_names[FONT_FILE_COUNT] = {
    "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
    "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf",
};

/* font_file_of[family][face]: Khmer has no italic, so italic Khmer stays
 * upright (regular, and bold for bold italic). Noto Sans has no bold italic
 * file here: the bold one is slanted by SDL_ttf (font_get). */
static const int font_file_of[FAMILY_COUNT][FONT_FACE_COUNT] = {
    { 0, 1, 2, 1 },
    { 3, 4, 3, 4 },
};

static const char *const script_tags[SCRIPT_COUNT] = { "Latn", "Cyrl", "Grek", "Khmr" };

#define SIZE_SLOTS (TEXT_SIZE_MAX + 1)

typedef struct CacheEntry {
    char *key;                 /* owned copy of the string bytes (kept when freed, for reuse) */
    uint32_t key_len, key_cap;
    uint64_t hash;
    uint32_t rgb;              /* texture cache: the colour baked in (0xRRGGBB); widths: 0 */
    uint32_t paper;            /* texture cache: 0, or 0x1000000 | the opaque background blended in */
    uint16_t size_px;
    uint8_t face;
    int32_t bucket_next;       /* next entry in the same bucket, or the free list */
    int32_t newer, older;      /* LRU neighbours, -1 at the ends */
    uint64_t frame;            /* frame of last use */
    SDL_Texture *tex;          /* texture cache payload (NULL: nothing to draw) */
    int w, h;
    float width;               /* width cache payload */
} CacheEntry;

typedef struct StrTable {
    CacheEntry *entries;       /* malloc'd: grown by grow_array */
    int32_t used, cap;         /* slots handed out so far / allocated */
    int32_t *buckets;
    uint32_t bucket_mask;
    int32_t free_head;
    int32_t newest, oldest;
    int32_t live;
} StrTable;

/* One script run of a string, measured. */
typedef struct TextRun {
    uint32_t start, len;
    TextScript script;
    int w, h;
} TextRun;

struct TextSystem {
    SDL_Renderer *renderer;
    int max_texture_w;                          /* 0: no limit */
    void *file_data[FONT_FILE_COUNT];           /* whole font files, fonts open from memory */
    size_t file_size[FONT_FILE_COUNT];
    TTF_Font *khmer_probe[FONT_FACE_COUNT];     /* for "does Khmer have this glyph" */
    TTF_Font *fonts[FAMILY_COUNT][FONT_FACE_COUNT][SIZE_SLOTS];
    bool font_failed[FAMILY_COUNT][FONT_FACE_COUNT][SIZE_SLOTS];
    StrTable textures, widths;
    size_t texture_bytes, budget_bytes;
    uint64_t frame;
    TextRun *runs;                              /* scratch, grows only (grow_array: malloc'd) */
    int run_cap;
    char *scratch;                              /* NUL-terminated copy of one run (malloc'd) */
    size_t scratch_cap;
    bool ttf_inited;
};

/* ---- String table -------------------------------------------------------- */

/* The bytes, then face, size and colour; the high bits are folded into the
 * low ones that pick the bucket. */
static uint64_t key_hash(FontFace face, int size_px, uint32_t rgb, uint32_t paper, const char *s, size_t len)
{
    const unsigned char style[10] = { (unsigned char)face, (unsigned char)(size_px & 0xFF),
                                      (unsigned char)(size_px >> 8), (unsigned char)(rgb >> 16),
                                      (unsigned char)(rgb >> 8), (unsigned char)rgb,
                                      (unsigned char)(paper >> 24), (unsigned char)(paper >> 16),
                                      (unsigned char)(paper >> 8), (unsigned char)paper };
    uint64_t h = hash_fnv1a_more(hash_fnv1a(s, len), style, sizeof style);
    return h ^ (h >> 29);
}

static void table_init(StrTable *t)
{
    memset(t, 0, sizeof *t);
    t->free_head = t->newest = t->oldest = -1;
}

static void table_free(StrTable *t)
{
    for (int32_t i = 0; i < t->used; i++) SDL_free(t->entries[i].key);
    free(t->entries);
    SDL_free(t->buckets);
    table_init(t);
}

static int32_t table_find(const StrTable *t, uint64_t hash, FontFace face, int size_px, uint32_t rgb,
                          uint32_t paper, const char *s, size_t len)
{
    if (!t->buckets) return -1;
    for (int32_t i = t->buckets[hash & t->bucket_mask]; i >= 0; i = t->entries[i].bucket_next) {
        const CacheEntry *e = &t->entries[i];
        if (e->hash == hash && e->face == face && e->size_px == size_px && e->rgb == rgb && e->paper == paper &&
            e->key_len == len &&
            memcmp(e->key, s, len) == 0)
            return i;
    }
    return -1;
}

static void lru_unlink(StrTable *t, int32_t i)
{
    CacheEntry *e = &t->entries[i];
    if (e->newer >= 0) t->entries[e->newer].older = e->older; else t->newest = e->older;
    if (e->older >= 0) t->entries[e->older].newer = e->newer; else t->oldest = e->newer;
    e->newer = e->older = -1;
}

static void lru_push_newest(StrTable *t, int32_t i)
{
    CacheEntry *e = &t->entries[i];
    e->newer = -1;
    e->older = t->newest;
    if (t->newest >= 0) t->entries[t->newest].newer = i; else t->oldest = i;
    t->newest = i;
}

static void table_touch(StrTable *t, int32_t i, uint64_t frame)
{
    t->entries[i].frame = frame;
    if (t->newest == i) return;
    lru_unlink(t, i);
    lru_push_newest(t, i);
}

/* Buckets are kept at twice the slot capacity, so chains stay short. */
static bool table_rehash(StrTable *t, int32_t bucket_count)
{
    int32_t *buckets = SDL_malloc((size_t)bucket_count * sizeof *buckets);
    if (!buckets) return false;
    for (int32_t b = 0; b < bucket_count; b++) buckets[b] = -1;
    SDL_free(t->buckets);
    t->buckets = buckets;
    t->bucket_mask = (uint32_t)bucket_count - 1;
    for (int32_t i = 0; i < t->used; i++) {
        CacheEntry *e = &t->entries[i];
        if (e->frame == 0) continue;            /* a free slot */
        uint32_t b = (uint32_t)(e->hash & t->bucket_mask);
        e->bucket_next = t->buckets[b];
        t->buckets[b] = i;
    }
    return true;
}

/* A slot from the free list or a fresh one; -1 when out of memory. */
static int32_t table_slot(StrTable *t)
{
    if (t->free_head >= 0) {
        int32_t i = t->free_head;
        t->free_head = t->entries[i].bucket_next;
        return i;
    }
    if (t->used == t->cap) {
        int cap = t->cap;       /* doubling keeps it a power of two, as the bucket mask needs */
        if (!grow_array_int((void **)&t->entries, &cap, t->used + 1, sizeof *t->entries)) return -1;
        memset(&t->entries[t->used], 0, (size_t)(cap - t->used) * sizeof *t->entries);
        t->cap = cap;
        if (!table_rehash(t, cap * 2)) return -1;
    }
    return t->used++;
}

/* Inserts a new key as the newest entry (payload zeroed); -1 out of memory.
 * The caller has checked that the key is absent. */
static int32_t table_insert(StrTable *t, uint64_t hash, FontFace face, int size_px, uint32_t rgb,
                            uint32_t paper, const char *s, size_t len, uint64_t frame)
{
    int32_t i = table_slot(t);
    if (i < 0) return -1;
    CacheEntry *e = &t->entries[i];
    if (e->key_cap < len || !e->key) {
        char *key = SDL_realloc(e->key, len ? len : 1);
        if (!key) {
            e->bucket_next = t->free_head;      /* give the slot back */
            t->free_head = i;
            return -1;
        }
        e->key = key;
        e->key_cap = (uint32_t)(len ? len : 1);
    }
    memcpy(e->key, s, len);
    e->key_len = (uint32_t)len;
    e->hash = hash;
    e->face = (uint8_t)face;
    e->size_px = (uint16_t)size_px;
    e->rgb = rgb;
    e->paper = paper;
    e->frame = frame;
    e->tex = NULL;
    e->w = e->h = 0;
    e->width = 0;
    uint32_t b = (uint32_t)(hash & t->bucket_mask);
    e->bucket_next = t->buckets[b];
    t->buckets[b] = i;
    lru_push_newest(t, i);
    t->live++;
    return i;
}

/* Unlinks an entry and puts its slot (and key buffer) on the free list. The
 * caller has released the payload. */
static void table_remove(StrTable *t, int32_t i)
{
    CacheEntry *e = &t->entries[i];
    int32_t *link = &t->buckets[e->hash & t->bucket_mask];
    while (*link != i) link = &t->entries[*link].bucket_next;
    *link = e->bucket_next;
    lru_unlink(t, i);
    e->frame = 0;
    e->bucket_next = t->free_head;
    t->free_head = i;
    t->live--;
}

/* ---- UTF-8 and scripts --------------------------------------------------- */

/* Strings are read with utf8_next: a malformed byte is one U+FFFD of its
 * own, so runs always split on byte boundaries that SDL_ttf agrees with.
 * Layout may cut a string at any byte while it looks for a truncation
 * point, so both entry points first drop a character cut short at the end
 * (utf8_cut): it measures and draws as nothing, not as a wide U+FFFD, and
 * a prefix is never wider than the whole. */

/* The script a code point asks for, or -1 for characters shared by all
 * scripts (digits, spaces, punctuation, symbols, combining marks). */
static int script_of(uint32_t c)
{
    if ((c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF)) return SCRIPT_KHMR;
    if (c >= 0x0400 && c <= 0x052F) return SCRIPT_CYRL;
    if ((c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF)) return SCRIPT_GREK;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return SCRIPT_LATN;
    if (c >= 0x00C0 && c <= 0x024F && c != 0xD7 && c != 0xF7) return SCRIPT_LATN;
    if (c >= 0x1E00 && c <= 0x1EFF) return SCRIPT_LATN;
    return -1;
}

static FontFamily family_of(TextScript script)
{
    return script == SCRIPT_KHMR ? FAMILY_KHMER : FAMILY_MAIN;
}

/* Combining marks belong to the character before them, whatever it is. */
static bool is_combining(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0xFE00 && c <= 0xFE0F);
}

/* ---- Fonts ----------------------------------------------------------------- */

static int clamp_size(int size_px)
{
    return size_px < TEXT_SIZE_MIN ? TEXT_SIZE_MIN : size_px > TEXT_SIZE_MAX ? TEXT_SIZE_MAX : size_px;
}

static TTF_Font *open_font_file(TextSystem *ts, int file, int size_px)
{
    SDL_RWops *rw = SDL_RWFromConstMem(ts->file_data[file], (int)ts->file_size[file]);
    if (!rw) {
        SDL_Log("text: SDL_RWFromConstMem(%s) failed: %s", font_file_names[file], SDL_GetError());
        return NULL;
    }
    TTF_Font *font = TTF_OpenFontRW(rw, 1, size_px);
    if (!font) {
        SDL_Log("text: TTF_OpenFontRW(%s, %d px) failed: %s", font_file_names[file], size_px,
                TTF_GetError());
        return NULL;
    }
    /* Light hinting keeps Noto's shapes (no horizontal snapping) while
     * sharpening the baseline and x-height at small sizes. */
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    TTF_SetFontKerning(font, 1);
    return font;
}

/* The font for a family, face and (clamped) size, opened on first use. A
 * failure is logged once and remembered, so a bad size does not log every frame. */
static TTF_Font *font_get(TextSystem *ts, FontFamily family, FontFace face, int size_px)
{
    TTF_Font **slot = &ts->fonts[family][face][size_px];
    if (*slot || ts->font_failed[family][face][size_px]) return *slot;
    *slot = open_font_file(ts, font_file_of[family][face], size_px);
    if (!*slot) ts->font_failed[family][face][size_px] = true;
    else if (family == FAMILY_MAIN && face == FONT_BOLD_ITALIC) TTF_SetFontStyle(*slot, TTF_STYLE_ITALIC);
    return *slot;
}

/* Reads the file whole: fonts of every size then open from memory, and a
 * missing file is found at start-up rather than in the middle of a frame. */
static bool load_font_file(TextSystem *ts, const char *font_dir, int file)
{
    char path[1024];
    int n = SDL_snprintf(path, sizeof path, "%s/%s", font_dir, font_file_names[file]);
    if (n < 0 || (size_t)n >= sizeof path) {
        SDL_Log("text: font path too long: %s/%s", font_dir, font_file_names[file]);
        return false;
    }
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");    /* its error names the file; SDL_LoadFile's does not */
    if (!rw) {
        SDL_Log("text: cannot open font %s: %s", path, SDL_GetError());
        return false;
    }
    ts->file_data[file] = SDL_LoadFile_RW(rw, &ts->file_size[file], 1);
    if (!ts->file_data[file]) {
        SDL_Log("text: cannot read font %s: %s", path, SDL_GetError());
        return false;
    }
    TTF_Font *probe = open_font_file(ts, file, 16);
    if (!probe) {
        SDL_Log("text: %s is not a usable font", path);
        return false;
    }
    TTF_CloseFont(probe);
    return true;
}

/* ---- Runs --------------------------------------------------------------------- */

static bool runs_reserve(TextSystem *ts, int count)
{
    if (grow_array_int((void **)&ts->runs, &ts->run_cap, count, sizeof *ts->runs)) return true;
    SDL_Log("text: out of memory for %d runs", count);
    return false;
}

static bool khmer_has_glyph(const TextSystem *ts, FontFace face, uint32_t c)
{
    return TTF_GlyphIsProvided32(ts->khmer_probe[face], c) != 0;
}

/* Appends the run s[start, end) unless it is empty. */
static bool runs_push(TextSystem *ts, int *count, size_t start, size_t end, TextScript script)
{
    if (end <= start) return true;
    if (!runs_reserve(ts, *count + 1)) return false;
    ts->runs[*count] = (TextRun){ (uint32_t)start, (uint32_t)(end - start), script, 0, 0 };
    (*count)++;
    return true;
}

/* Splits s into runs of one script each into ts->runs; returns the count
 * or -1 out of memory. Shared characters (spaces, digits, punctuation) stay
 * in the current run when its font has them, so "Cambodge កម្ពុជា 1956"
 * becomes "Cambodge " + "កម្ពុជា " + "1956": digits leave the Khmer run
 * because NotoSansKhmer has no Latin digits. Leading shared characters join
 * the first run with a script. */
static int split_runs(TextSystem *ts, FontFace face, const char *s, size_t len)
{
    int count = 0;
    int cur = -1;                  /* script of the open run; -1 until known */
    TextScript last_main = SCRIPT_LATN;
    bool lead_in_khmer = true;     /* every leading shared char exists in Khmer */
    size_t start = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t c = utf8_next(s, len, &i);
        int want = script_of(c);
        if (want < 0) {
            if (cur == SCRIPT_KHMR && !is_combining(c) && !khmer_has_glyph(ts, face, c))
                want = (int)last_main;
            else {
                if (cur < 0 && !is_combining(c) && !khmer_has_glyph(ts, face, c)) lead_in_khmer = false;
                continue;
            }
        }
        if (want != SCRIPT_KHMR) last_main = (TextScript)want;
        if (cur < 0) {
            /* The leading shared characters go with the first script unless
             * that is Khmer and Khmer lacks one of them. */
            if (want == SCRIPT_KHMR && !lead_in_khmer) {
                if (!runs_push(ts, &count, 0, at, SCRIPT_LATN)) return -1;
                start = at;
            }
            cur = want;
        } else if (want != cur) {
            if (!runs_push(ts, &count, start, at, (TextScript)cur)) return -1;
            start = at;
            cur = want;
        }
    }
    if (!runs_push(ts, &count, start, len, cur < 0 ? SCRIPT_LATN : (TextScript)cur)) return -1;
    return count;
}

/* A NUL-terminated copy of the run in ts->scratch, because SDL_ttf wants C strings. */
static const char *run_cstr(TextSystem *ts, const char *s, const TextRun *run)
{
    if (!grow_array((void **)&ts->scratch, &ts->scratch_cap, (size_t)run->len + 1, 1)) {
        SDL_Log("text: out of memory for a %u-byte string", (unsigned)run->len);
        return NULL;
    }
    memcpy(ts->scratch, s + run->start, run->len);
    ts->scratch[run->len] = '\0';
    return ts->scratch;
}

/* The font for a run with its HarfBuzz script set, or NULL. The script is
 * per font object and fonts are shared by runs, so it is set every time. */
static TTF_Font *run_font(TextSystem *ts, FontFace face, int size_px, const TextRun *run)
{
    TTF_Font *font = font_get(ts, family_of(run->script), face, size_px);
    if (font) TTF_SetFontScriptName(font, script_tags[run->script]);
    return font;
}

/* Splits and measures s; returns the run count (runs in ts->runs, with w
 * and h) or -1. The total width is the sum of the runs' widths. */
static int measure_runs(TextSystem *ts, FontFace face, int size_px, const char *s, size_t len)
{
    int count = split_runs(ts, face, s, len);
    for (int k = 0; k < count; k++) {
        TextRun *run = &ts->runs[k];
        TTF_Font *font = run_font(ts, face, size_px, run);
        const char *cstr = run_cstr(ts, s, run);
        if (!font || !cstr) return -1;
        if (TTF_SizeUTF8(font, cstr, &run->w, &run->h) < 0) {
            SDL_Log("text: TTF_SizeUTF8 failed: %s", TTF_GetError());
            return -1;
        }
    }
    return count;
}

/* Renders the measured runs side by side into one surface in the colour
 * ink, baselines aligned (all five fonts share their ascent at every size). Returns NULL
 * (logged) on failure, or when the text has no width. */
static SDL_Surface *render_runs(TextSystem *ts, FontFace face, int size_px, SDL_Color ink, const char *s,
                                int count)
{
    int total_w = 0, max_h = 0;
    for (int k = 0; k < count; k++) {
        total_w += ts->runs[k].w;
        if (ts->runs[k].h > max_h) max_h = ts->runs[k].h;
    }
    if (total_w <= 0 || max_h <= 0) return NULL;
    if (ts->max_texture_w > 0 && total_w > ts->max_texture_w) total_w = ts->max_texture_w;
    SDL_Surface *out = NULL;
    int x = 0;
    for (int k = 0; k < count && x < total_w; k++) {
        const TextRun *run = &ts->runs[k];
        if (run->w <= 0) continue;
        TTF_Font *font = run_font(ts, face, size_px, run);
        const char *cstr = run_cstr(ts, s, run);
        if (!font || !cstr) break;
        SDL_Surface *part = TTF_RenderUTF8_Blended(font, cstr, ink);
        if (!part) {
            SDL_Log("text: TTF_RenderUTF8_Blended failed: %s", TTF_GetError());
            break;
        }
        if (count == 1 && part->w <= total_w) return part;  /* the common case: no copy */
        if (!out) {
            out = SDL_CreateRGBSurfaceWithFormat(0, total_w, max_h, 32, SDL_PIXELFORMAT_ARGB8888);
            if (!out) {
                SDL_Log("text: SDL_CreateRGBSurfaceWithFormat(%dx%d) failed: %s", total_w, max_h,
                        SDL_GetError());
                SDL_FreeSurface(part);
                return NULL;
            }
        }
        /* Copy, not blend: runs do not overlap and the alpha must survive. */
        SDL_SetSurfaceBlendMode(part, SDL_BLENDMODE_NONE);
        SDL_Rect dst = { x, 0, part->w, part->h };
        if (SDL_BlitSurface(part, NULL, out, &dst) < 0)
            SDL_Log("text: SDL_BlitSurface failed: %s", SDL_GetError());
        x += run->w;
        SDL_FreeSurface(part);
    }
    return out;
}

/* ---- Caches ------------------------------------------------------------------- */

static void evict_textures(TextSystem *ts)
{
    StrTable *t = &ts->textures;
    while (ts->texture_bytes > ts->budget_bytes && t->oldest >= 0) {
        int32_t i = t->oldest;
        CacheEntry *e = &t->entries[i];
        /* The list is in order of use, so everything left is in this frame. */
        if (e->frame == ts->frame) break;
        if (e->tex) {
            SDL_DestroyTexture(e->tex);
            ts->texture_bytes -= (size_t)e->w * (size_t)e->h * 4;
        }
        table_remove(t, i);
    }
}

/* Blends ink-on-transparent pixels over the opaque colour paper (0xRRGGBB),
 * rounded as exact arithmetic would: every pixel comes out opaque. */
static void blend_over_paper(SDL_Surface *surface, uint32_t paper)
{
    if (SDL_LockSurface(surface) < 0) return;
    for (int y = 0; y < surface->h; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)surface->pixels + (size_t)y * (size_t)surface->pitch);
        for (int x = 0; x < surface->w; x++) {
            uint32_t p = row[x], a = p >> 24, out = 0xFF000000u;
            for (int shift = 0; shift < 24; shift += 8) {
                uint32_t ink = (p >> shift) & 0xFF, bg = (paper >> shift) & 0xFF;
                out |= ((ink * a + bg * (255 - a) + 127) / 255) << shift;
            }
            row[x] = out;
        }
    }
    SDL_UnlockSurface(surface);
}

static SDL_Texture *make_texture(TextSystem *ts, FontFace face, int size_px, uint32_t rgb, uint32_t paper,
                                 const char *s, size_t len)
{
    int count = measure_runs(ts, face, size_px, s, len);
    if (count <= 0) return NULL;
    SDL_Color ink = { (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255 };
    SDL_Surface *surface = render_runs(ts, face, size_px, ink, s, count);
    if (!surface) return NULL;
    if (paper && surface->format->format != SDL_PIXELFORMAT_ARGB8888) {
        SDL_Surface *argb = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_FreeSurface(surface);
        if (!argb) {
            SDL_Log("text: SDL_ConvertSurfaceFormat failed: %s", SDL_GetError());
            return NULL;
        }
        surface = argb;
    }
    if (paper) blend_over_paper(surface, paper & 0xFFFFFFu);
    SDL_Texture *tex = SDL_CreateTextureFromSurface(ts->renderer, surface);
    if (!tex) SDL_Log("text: SDL_CreateTextureFromSurface(%dx%d) failed: %s", surface->w, surface->h,
                      SDL_GetError());
    SDL_FreeSurface(surface);
    if (tex) SDL_SetTextureBlendMode(tex, paper ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    return tex;
}

static float text_width(void *ctx, FontFace face, int size_px, const char *s, size_t len)
{
    TextSystem *ts = ctx;
    len = utf8_cut(s, len);
    if (len == 0 || (unsigned)face >= FONT_FACE_COUNT) return 0;
    /* SDL_ttf widens a slanted run by the slant of its last glyph; the
     * advance is the upright bold's, and the slant leans into the next
     * letter's room as a drawn italic does (else "four ," after a bold
     * italic word). */
    if (face == FONT_BOLD_ITALIC) face = FONT_BOLD;
    size_px = clamp_size(size_px);
    uint64_t hash = key_hash(face, size_px, 0, 0, s, len);
    int32_t i = table_find(&ts->widths, hash, face, size_px, 0, 0, s, len);
    if (i >= 0) {
        table_touch(&ts->widths, i, ts->frame);
        return ts->widths.entries[i].width;
    }
    int count = measure_runs(ts, face, size_px, s, len);
    int w = 0;
    for (int k = 0; k < count; k++) w += ts->runs[k].w;
    if (count < 0) return 0;                       /* logged; not cached so it is retried */
    if (ts->widths.live >= WIDTH_CACHE_ENTRIES) table_remove(&ts->widths, ts->widths.oldest);
    i = table_insert(&ts->widths, hash, face, size_px, 0, 0, s, len, ts->frame);
    if (i >= 0) ts->widths.entries[i].width = (float)w;
    return (float)w;
}

static float text_line_height(void *ctx, FontFace face, int size_px)
{
    TextSystem *ts = ctx;
    if ((unsigned)face >= FONT_FACE_COUNT) face = FONT_REGULAR;
    size_px = clamp_size(size_px);
    TTF_Font *font = font_get(ts, FAMILY_MAIN, face, size_px);
    /* Noto's line gap is 1.362 em; keep layout going if the font failed. */
    return font ? (float)TTF_FontLineSkip(font) : (float)size_px * 1.362f;
}

/* ---- Public API ---------------------------------------------------------------- */

TextSystem *text_create(SDL_Renderer *renderer, const char *font_dir, size_t cache_budget_bytes)
{
    if (TTF_Init() < 0) {
        SDL_Log("text: TTF_Init failed: %s", TTF_GetError());
        return NULL;
    }
    TextSystem *ts = SDL_calloc(1, sizeof *ts);
    if (!ts) {
        SDL_Log("text: out of memory");
        TTF_Quit();
        return NULL;
    }
    ts->ttf_inited = true;
    ts->renderer = renderer;
    ts->budget_bytes = cache_budget_bytes ? cache_budget_bytes : TEXT_DEFAULT_BUDGET_BYTES;
    ts->frame = 1;                                  /* 0 marks a free cache slot */
    table_init(&ts->textures);
    table_init(&ts->widths);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer, &info) == 0) ts->max_texture_w = info.max_texture_width;
    for (int f = 0; f < FONT_FILE_COUNT; f++) {
        if (!load_font_file(ts, font_dir, f)) {
            text_destroy(ts);
            return NULL;
        }
    }
    for (int face = 0; face < FONT_FACE_COUNT; face++) {
        ts->khmer_probe[face] = font_get(ts, FAMILY_KHMER, (FontFace)face, 16);
        if (!ts->khmer_probe[face]) {
            text_destroy(ts);
            return NULL;
        }
    }
    /* Without HarfBuzz, SDL_ttf cannot set a script and Khmer comes out
     * unshaped: worth one line in the log, not a failure. */
    if (TTF_SetFontScriptName(ts->khmer_probe[0], "Khmr") < 0)
        SDL_Log("text: SDL_ttf has no HarfBuzz (%s); Khmer will not shape correctly", TTF_GetError());
    return ts;
}

void text_destroy(TextSystem *ts)
{
    if (!ts) return;
    for (int32_t i = 0; i < ts->textures.used; i++)
        if (ts->textures.entries[i].frame != 0 && ts->textures.entries[i].tex)
            SDL_DestroyTexture(ts->textures.entries[i].tex);
    table_free(&ts->textures);
    table_free(&ts->widths);
    for (int fam = 0; fam < FAMILY_COUNT; fam++)
        for (int face = 0; face < FONT_FACE_COUNT; face++)
            for (int size = 0; size < SIZE_SLOTS; size++)
                if (ts->fonts[fam][face][size]) TTF_CloseFont(ts->fonts[fam][face][size]);
    for (int f = 0; f < FONT_FILE_COUNT; f++) SDL_free(ts->file_data[f]);
    free(ts->runs);
    free(ts->scratch);
    bool quit = ts->ttf_inited;
    SDL_free(ts);
    if (quit) TTF_Quit();
}

void text_frame_begin(TextSystem *ts)
{
    ts->frame++;
}

TextMeasurer text_measurer(TextSystem *ts)
{
    return (TextMeasurer){ ts, text_width, text_line_height };
}

SDL_Texture *text_texture(TextSystem *ts, FontFace face, int size_px, Colour ink, const Colour *paper,
                          const char *s, size_t len, int *w, int *h)
{
    *w = *h = 0;
    len = utf8_cut(s, len);
    if (len == 0 || (unsigned)face >= FONT_FACE_COUNT) return NULL;
    size_px = clamp_size(size_px);
    uint32_t rgb = ((uint32_t)ink.r << 16) | ((uint32_t)ink.g << 8) | ink.b;
    uint32_t under = !paper ? 0 : 0x1000000u | ((uint32_t)paper->r << 16) | ((uint32_t)paper->g << 8) | paper->b;
    uint64_t hash = key_hash(face, size_px, rgb, under, s, len);
    int32_t i = table_find(&ts->textures, hash, face, size_px, rgb, under, s, len);
    if (i < 0) {
        SDL_Texture *tex = make_texture(ts, face, size_px, rgb, under, s, len);
        int tw = 0, th = 0;
        if (tex && SDL_QueryTexture(tex, NULL, NULL, &tw, &th) < 0) {
            SDL_Log("text: SDL_QueryTexture failed: %s", SDL_GetError());
            SDL_DestroyTexture(tex);
            tex = NULL;
        }
        /* Failures are cached too (tex NULL), so they are logged once. */
        i = table_insert(&ts->textures, hash, face, size_px, rgb, under, s, len, ts->frame);
        if (i < 0) {
            SDL_Log("text: out of memory for the texture cache");
            if (tex) SDL_DestroyTexture(tex);
            return NULL;
        }
        CacheEntry *e = &ts->textures.entries[i];
        e->tex = tex;
        e->w = tw;
        e->h = th;
        ts->texture_bytes += (size_t)tw * (size_t)th * 4;
        evict_textures(ts);
    } else {
        table_touch(&ts->textures, i, ts->frame);
    }
    const CacheEntry *e = &ts->textures.entries[i];
    *w = e->w;
    *h = e->h;
    return e->tex;
}

size_t text_cache_bytes(const TextSystem *ts)
{
    return ts->texture_bytes;
}
