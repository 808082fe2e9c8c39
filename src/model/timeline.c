/* timeline.c: lookups over a loaded timeline. */
#include "timeline.h"

#include <string.h>

void timeline_free(Timeline *tl)
{
    arena_free(&tl->arena);
    memset(tl, 0, sizeof *tl);
}

/* The translation timeline_text shows for lang, or -1 when there is none. */
static int shown_translation(const Timeline *tl, const Text *text, int lang)
{
    if (lang >= 0 && lang < TIMELINE_MAX_LANGS && text->by_lang[lang]) return lang;
    if (text->by_lang[0]) return 0;
    for (int i = 1; i < tl->lang_count && i < TIMELINE_MAX_LANGS; i++)
        if (text->by_lang[i]) return i;
    return -1;
}

const char *timeline_text(const Timeline *tl, const Text *text, int lang)
{
    int shown = shown_translation(tl, text, lang);
    return shown >= 0 ? text->by_lang[shown] : "";
}

RichText timeline_rich(const Timeline *tl, const Text *text, int lang)
{
    int shown = text->rich ? shown_translation(tl, text, lang) : -1;
    return shown >= 0 ? text->rich[shown] : (RichText){NULL, 0};
}

bool timeline_set_rich(Arena *arena, Text *text, int lang, RichText rich)
{
    if (lang < 0 || lang >= TIMELINE_MAX_LANGS) return false;
    if (rich.count == 0 && !text->rich) return true;
    if (!text->rich) {
        RichText *all = arena_alloc(arena, TIMELINE_MAX_LANGS * sizeof *all);
        if (!all) return false;
        for (int i = 0; i < TIMELINE_MAX_LANGS; i++) all[i] = (RichText){NULL, 0};
        text->rich = all;
    }
    text->rich[lang] = rich;
    return true;
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
    for (int l = 0; l < TIMELINE_MAX_LANGS; l++)
        if (text->by_lang[l]) return false;
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
