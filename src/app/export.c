/* export.c: the timeline as Markdown or HTML (see export.h).
 *
 * Both formats walk the same outline: the title and description, then for
 * each era of the first lane a heading and its events, each with its date,
 * certainty, summary, story, note and sources. The walk is written once;
 * a small table of emitters says how each part looks in each format. */
#include "export.h"

#include <ctype.h>
#include <string.h>

#include "date.h"
#include "ui_text.h"

typedef struct Writer Writer;

/* How one format writes each part of the outline. */
typedef struct Emitters {
    void (*begin)(Writer *w);
    void (*chapter)(Writer *w, const char *title);
    void (*event_begin)(Writer *w, const Event *ev);
    void (*paragraphs)(Writer *w, const Text *text, const char *label);
    void (*sources)(Writer *w, const Event *ev);
    void (*event_end)(Writer *w);
    void (*end)(Writer *w);
} Emitters;

struct Writer {
    const Timeline *tl;
    int lang;
    const char *code;            /* tl->langs[lang] */
    FILE *out;
    const Emitters *emit;
    bool in_chapter;
};

/* ---- texts and their language ------------------------------------------------------ */

/* The text in w's language, else the fallback timeline_text gives, with the
 * language it is actually in (for lang attributes). */
static const char *text_of(const Writer *w, const Text *t, const char **used_code)
{
    const char *s = timeline_text(w->tl, t, w->lang);
    *used_code = w->code;
    if (text_in(t, w->lang) && text_in(t, w->lang)[0]) return s;
    for (int i = 0; i < w->tl->lang_count; i++)
        if (text_in(t, i) == s) *used_code = w->tl->langs[i];
    return s;
}

static void date_of(const Writer *w, const Event *ev, char *buf, size_t cap)
{
    timeline_event_date(w->tl, ev, w->lang, buf, cap);
}

static const char *certainty_of(const Writer *w, const Event *ev)
{
    if (ev->certainty == CERTAINTY_DISPUTED) return ui_text(UI_DISPUTED, w->code);
    if (ev->certainty == CERTAINTY_UNVERIFIED) return ui_text(UI_UNVERIFIED, w->code);
    return NULL;
}

/* ---- Markdown ------------------------------------------------------------------------- */

static void md_escaped(Writer *w, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]#<>|", *s)) fputc('\\', w->out);
        fputc(*s, w->out);
    }
}

static void md_begin(Writer *w)
{
    const char *code;
    fputs("# ", w->out);
    md_escaped(w, text_of(w, &w->tl->title, &code));
    fputs("\n\n", w->out);
    const char *description = text_of(w, &w->tl->description, &code);
    if (description[0]) {
        md_escaped(w, description);
        fputs("\n\n", w->out);
    }
}

static void md_chapter(Writer *w, const char *title)
{
    fputs("## ", w->out);
    md_escaped(w, title);
    fputs("\n\n", w->out);
}

static void md_event_begin(Writer *w, const Event *ev)
{
    char date[160];
    const char *code;
    date_of(w, ev, date, sizeof date);
    fputs("### ", w->out);
    md_escaped(w, text_of(w, &ev->title, &code));
    fprintf(w->out, "\n\n**%s**", date);
    const char *certainty = certainty_of(w, ev);
    if (certainty) fprintf(w->out, " — *%s*", certainty);
    fputs("\n\n", w->out);
}

static void md_paragraphs(Writer *w, const Text *text, const char *label)
{
    const char *code;
    const char *s = text_of(w, text, &code);
    if (!s[0]) return;
    if (label) fprintf(w->out, "**%s** — ", label);
    md_escaped(w, s);
    if (strcmp(code, w->code) != 0) fprintf(w->out, " *(%s)*", code);
    fputs("\n\n", w->out);
}

static void md_sources(Writer *w, const Event *ev)
{
    if (ev->source_count == 0) return;
    fprintf(w->out, "**%s**\n\n", ui_text(UI_SOURCES, w->code));
    for (int i = 0; i < ev->source_count; i++) {
        const Source *s = &ev->sources[i];
        const char *code;
        fputs("- ", w->out);
        if (s->author) fprintf(w->out, "%s, ", s->author);
        md_escaped(w, text_of(w, &s->title, &code));
        if (s->publication) fprintf(w->out, ", %s", s->publication);
        if (s->date) fprintf(w->out, ", %s", s->date);
        if (s->pages) fprintf(w->out, ", %s", s->pages);
        if (s->url) fprintf(w->out, " <%s>", s->url);
        fputc('\n', w->out);
    }
    fputc('\n', w->out);
}

static void md_nothing(Writer *w)
{
    (void)w;
}

static const Emitters MARKDOWN = {md_begin, md_chapter, md_event_begin, md_paragraphs, md_sources, md_nothing,
                                  md_nothing};

/* ---- HTML ------------------------------------------------------------------------------- */

static void html_escaped(Writer *w, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", w->out); break;
        case '<': fputs("&lt;", w->out); break;
        case '>': fputs("&gt;", w->out); break;
        case '"': fputs("&quot;", w->out); break;
        default: fputc(*s, w->out);
        }
    }
}

/* A text as paragraphs (blank lines part them), marked with its language
 * when it is not the page's. */
static void html_text(Writer *w, const Text *text, const char *element, const char *cls)
{
    const char *code;
    const char *s = text_of(w, text, &code);
    if (!s[0]) return;
    bool other = strcmp(code, w->code) != 0;
    while (*s) {
        const char *end = strstr(s, "\n\n");
        size_t n = end ? (size_t)(end - s) : strlen(s);
        fprintf(w->out, "<%s%s%s%s", element, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
        if (other) fprintf(w->out, " lang=\"%s\"", code);
        fputc('>', w->out);
        char chunk[4096];
        for (size_t off = 0; off < n; off += sizeof chunk - 1) {
            size_t part = n - off < sizeof chunk - 1 ? n - off : sizeof chunk - 1;
            memcpy(chunk, s + off, part);
            chunk[part] = '\0';
            html_escaped(w, chunk);
        }
        fprintf(w->out, "</%s>\n", element);
        s += n;
        while (*s == '\n') s++;
    }
}

static void html_begin(Writer *w)
{
    const char *code;
    fprintf(w->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>", w->code);
    html_escaped(w, text_of(w, &w->tl->title, &code));
    fputs("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<style>body{font-family:'Noto Sans',sans-serif;max-width:42em;margin:2em auto;padding:0 1em;"
          "line-height:1.5;color:#1F2430;background:#F7F4EE}.date{font-weight:bold;color:#6B7280}"
          ".certainty{color:#D55E00}.note{border-left:4px solid #D9D4CA;padding-left:1em}</style>\n"
          "</head>\n<body>\n<main>\n",
          w->out);
    html_text(w, &w->tl->title, "h1", NULL);
    html_text(w, &w->tl->description, "p", NULL);
}

static void html_chapter(Writer *w, const char *title)
{
    if (w->in_chapter) fputs("</section>\n", w->out);
    fputs("<section>\n<h2>", w->out);
    html_escaped(w, title);
    fputs("</h2>\n", w->out);
}

static void html_event_begin(Writer *w, const Event *ev)
{
    char date[160], iso[32];
    date_of(w, ev, date, sizeof date);
    date_format_iso(ev->start_days, iso, sizeof iso);
    fprintf(w->out, "<article id=\"%s\">\n", ev->id);
    html_text(w, &ev->title, "h3", NULL);
    fprintf(w->out, "<p class=\"date\"><time datetime=\"%s\">", iso);
    html_escaped(w, date);
    fputs("</time>", w->out);
    const char *certainty = certainty_of(w, ev);
    if (certainty) {
        fputs(" — <span class=\"certainty\">", w->out);
        html_escaped(w, certainty);
        fputs("</span>", w->out);
    }
    fputs("</p>\n", w->out);
}

static void html_paragraphs(Writer *w, const Text *text, const char *label)
{
    if (!label) {
        html_text(w, text, "p", NULL);
        return;
    }
    const char *code;
    if (!text_of(w, text, &code)[0]) return;
    fputs("<aside class=\"note\">\n<p><strong>", w->out);
    html_escaped(w, label);
    fputs("</strong></p>\n", w->out);
    html_text(w, text, "p", NULL);
    fputs("</aside>\n", w->out);
}

static void html_sources(Writer *w, const Event *ev)
{
    if (ev->source_count == 0) return;
    fputs("<h4>", w->out);
    html_escaped(w, ui_text(UI_SOURCES, w->code));
    fputs("</h4>\n<ul>\n", w->out);
    for (int i = 0; i < ev->source_count; i++) {
        const Source *s = &ev->sources[i];
        const char *code;
        fputs("<li>", w->out);
        if (s->author) {
            html_escaped(w, s->author);
            fputs(", ", w->out);
        }
        const char *title = text_of(w, &s->title, &code);
        if (s->url) {
            fputs("<a href=\"", w->out);
            html_escaped(w, s->url);
            fputs("\">", w->out);
        }
        fputs("<cite>", w->out);
        html_escaped(w, title);
        fputs(s->url ? "</cite></a>" : "</cite>", w->out);
        const char *const parts[] = {s->publication, s->date, s->pages};
        for (size_t p = 0; p < 3; p++)
            if (parts[p]) {
                fputs(", ", w->out);
                html_escaped(w, parts[p]);
            }
        fputs("</li>\n", w->out);
    }
    fputs("</ul>\n", w->out);
}

static void html_event_end(Writer *w)
{
    fputs("</article>\n", w->out);
}

static void html_end(Writer *w)
{
    if (w->in_chapter) fputs("</section>\n", w->out);
    fputs("</main>\n</body>\n</html>\n", w->out);
}

static const Emitters HTML = {html_begin, html_chapter, html_event_begin, html_paragraphs, html_sources,
                              html_event_end, html_end};

/* ---- the walk --------------------------------------------------------------------------- */

/* The era of the first lane that holds t, or -1. */
static int era_at(const Timeline *tl, double t_days)
{
    for (int i = 0; i < tl->era_count; i++)
        if (tl->eras[i].lane == 0 && t_days >= tl->eras[i].start_days && t_days < tl->eras[i].end_days) return i;
    return -1;
}

static void write_event(Writer *w, const Event *ev)
{
    w->emit->event_begin(w, ev);
    w->emit->paragraphs(w, &ev->summary, NULL);
    w->emit->paragraphs(w, &ev->body, NULL);
    w->emit->paragraphs(w, &ev->note, ui_text(UI_NOTE, w->code));
    w->emit->sources(w, ev);
    w->emit->event_end(w);
}

ExportFormat export_format_for_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot) return EXPORT_MARKDOWN;
    char ext[8] = {0};
    for (size_t i = 0; i + 1 < sizeof ext && dot[i + 1]; i++) ext[i] = (char)tolower((unsigned char)dot[i + 1]);
    return strcmp(ext, "html") == 0 || strcmp(ext, "htm") == 0 ? EXPORT_HTML : EXPORT_MARKDOWN;
}

bool export_timeline(const Timeline *tl, int lang, ExportFormat format, FILE *out)
{
    if (lang < 0 || lang >= tl->lang_count) lang = 0;
    Writer w = {tl, lang, tl->lang_count > 0 ? tl->langs[lang] : "en", out,
                format == EXPORT_HTML ? &HTML : &MARKDOWN, false};
    w.emit->begin(&w);
    int chapter = -2; /* none yet */
    for (int i = 0; i < tl->event_count; i++) {
        const Event *ev = &tl->events[i];
        int era = era_at(tl, ev->start_days);
        if (era != chapter && era >= 0) {
            const char *code;
            w.emit->chapter(&w, text_of(&w, &tl->eras[era].label, &code));
            w.in_chapter = true;
        }
        chapter = era;
        write_event(&w, ev);
    }
    w.emit->end(&w);
    return !ferror(out);
}
