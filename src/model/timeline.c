/* timeline.c: lookups over a loaded timeline. */
#include "timeline.h"

#include <stdio.h>
#include <string.h>

void timeline_free(Timeline *tl)
{
    arena_free(&tl->arena);
    memset(tl, 0, sizeof *tl);
}

const char *text_in(const Text *text, int lang)
{
    const TextSlots *t = text->slots;
    return t && lang >= 0 && lang < t->count ? t->by_lang[lang] : NULL;
}

/* Slots for at least `need` languages: the text's own when they suffice,
 * else fresh ones (the old ones stay in the arena, unused: a text gains a
 * language after it was made only when a file names its languages late). */
static TextSlots *slots_for(Timeline *tl, Text *text, int need)
{
    TextSlots *old = text->slots;
    if (old && old->count >= need) return old;
    int count = tl->lang_count > need ? tl->lang_count : need;
    if (count > TIMELINE_MAX_LANGS) count = TIMELINE_MAX_LANGS;
    TextSlots *t = arena_alloc(&tl->arena, sizeof *t + (size_t)count * sizeof t->by_lang[0]);
    if (!t) return NULL;
    t->count = count;
    t->rich = NULL;
    for (int i = 0; i < count; i++) t->by_lang[i] = old && i < old->count ? old->by_lang[i] : NULL;
    if (old && old->rich) {
        t->rich = arena_alloc(&tl->arena, (size_t)count * sizeof *t->rich);
        if (!t->rich) return NULL;
        for (int i = 0; i < count; i++) t->rich[i] = i < old->count ? old->rich[i] : (RichText){NULL, 0};
    }
    text->slots = t;
    return t;
}

bool text_set(Timeline *tl, Text *text, int lang, const char *s)
{
    if (lang < 0 || lang >= TIMELINE_MAX_LANGS) return false;
    if (!s && !text_in(text, lang)) return true; /* nothing to clear: nothing to make */
    TextSlots *t = slots_for(tl, text, lang + 1);
    if (!t) return false;
    t->by_lang[lang] = s;
    return true;
}

/* The translation timeline_text shows for lang, or -1 when there is none. */
static int shown_translation(const Timeline *tl, const Text *text, int lang)
{
    const TextSlots *t = text->slots;
    if (!t) return -1;
    if (lang >= 0 && lang < t->count && t->by_lang[lang]) return lang;
    if (t->count > 0 && t->by_lang[0]) return 0;
    for (int i = 1; i < tl->lang_count && i < t->count; i++)
        if (t->by_lang[i]) return i;
    return -1;
}

const char *timeline_text(const Timeline *tl, const Text *text, int lang)
{
    int shown = shown_translation(tl, text, lang);
    return shown >= 0 ? text->slots->by_lang[shown] : "";
}

RichText timeline_rich(const Timeline *tl, const Text *text, int lang)
{
    int shown = text->slots && text->slots->rich ? shown_translation(tl, text, lang) : -1;
    return shown >= 0 ? text->slots->rich[shown] : (RichText){NULL, 0};
}

bool timeline_set_rich(Timeline *tl, Text *text, int lang, RichText rich)
{
    if (lang < 0 || lang >= TIMELINE_MAX_LANGS) return false;
    if (rich.count == 0 && !(text->slots && text->slots->rich)) return true;
    TextSlots *t = slots_for(tl, text, lang + 1);
    if (!t) return false;
    if (!t->rich) {
        RichText *all = arena_alloc(&tl->arena, (size_t)t->count * sizeof *all);
        if (!all) return false;
        for (int i = 0; i < t->count; i++) all[i] = (RichText){NULL, 0};
        t->rich = all;
    }
    t->rich[lang] = rich;
    return true;
}

void timeline_event_date(const Timeline *tl, const Event *ev, int lang, char *buf, size_t cap)
{
    if (cap == 0) return;
    const char *said = timeline_text(tl, &ev->display_date, lang);
    if (said[0]) {
        snprintf(buf, cap, "%s", said);
        return;
    }
    const char *code = lang >= 0 && lang < tl->lang_count ? tl->langs[lang] : tl->langs[0];
    date_format_span(&ev->start, ev->has_end ? &ev->end : NULL, code, buf, cap);
}

int timeline_lang_index(const Timeline *tl, const char *code)
{
    for (int i = 0; i < tl->lang_count; i++)
        if (strcmp(tl->langs[i], code) == 0) return i;
    return -1;
}

int timeline_find_event(const Timeline *tl, const char *id)
{
    for (int i = 0; i < tl->event_count; i++)
        if (strcmp(tl->events[i].id, id) == 0) return i;
    return -1;
}

int timeline_lower_bound(const Timeline *tl, double t_days)
{
    int lo = 0, hi = tl->event_count;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (tl->events[mid].start_days < t_days) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

bool timeline_text_empty(const Text *text)
{
    for (int l = 0; text->slots && l < text->slots->count; l++)
        if (text->slots->by_lang[l]) return false;
    return true;
}

bool timeline_id_valid(const char *id)
{
    size_t n = id ? strlen(id) : 0;
    if (n == 0 || n > TIMELINE_ID_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("_.-", c)))
            return false;
    }
    return true;
}
