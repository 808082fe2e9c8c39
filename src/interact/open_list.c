/* open_list.c: the Open list's keys and taps (see open_list.h). */
#include "open_list.h"

#include "session.h"

void open_list_request(Controller *c)
{
    if (c->mode == VIEW_EXPLORE) c->requests.offer_files = true;
}

static int rows_shown(Controller *c)
{
    int n = controller_frame(c)->chrome.file_row_count;
    return n > 0 ? n : 1;
}

static void choose(Controller *c, int row)
{
    FileList *f = &c->s.files;
    if (row < 0 || row >= f->count) return;
    session_close_files(&c->s);
    c->requests.file_chosen = true;
    c->requests.chosen_file = row;
}

static void walk(Controller *c, const Gesture *g)
{
    FileList *f = &c->s.files;
    int shown = rows_shown(c), last = f->count - 1;
    int delta = 0;
    switch (g->key) {
    case KEY_DOWN: delta = 1; break;
    case KEY_UP: delta = -1; break;
    case KEY_TAB: delta = g->mods & MOD_SHIFT ? -1 : 1; break;
    case KEY_PAGEDOWN: delta = f->highlight + shown <= last ? shown : last - f->highlight; break;
    case KEY_PAGEUP: delta = f->highlight >= shown ? -shown : -f->highlight; break;
    case KEY_HOME: delta = -f->highlight; break;
    case KEY_END: delta = last - f->highlight; break;
    default: return;
    }
    session_files_move(&c->s, delta, shown);
}

static void handle_key(Controller *c, const Gesture *g)
{
    if ((g->mods & MOD_CTRL) && g->key == 'q') {
        session_close_files(&c->s);
        c->requests.quit = true;
    } else if (g->key == KEY_ESCAPE) {
        session_close_files(&c->s);
    } else if (g->key == KEY_RETURN || g->key == ' ') {
        choose(c, c->s.files.highlight);
    } else {
        walk(c, g);
    }
}

static void scroll(Controller *c, const Gesture *g)
{
    FileList *f = &c->s.files;
    int shown = rows_shown(c), max_first = f->count - shown > 0 ? f->count - shown : 0;
    f->first += g->dy > 0 ? -1 : 1;
    f->first = f->first < 0 ? 0 : f->first > max_first ? max_first : f->first;
    if (f->highlight < f->first) f->highlight = f->first;
    if (f->highlight >= f->first + shown) f->highlight = f->first + shown - 1;
}

bool open_list_handle(Controller *c, const Gesture *g)
{
    if (!c->s.files.open) return false;
    switch (g->type) {
    case GESTURE_KEY: handle_key(c, g); break;
    case GESTURE_WHEEL: scroll(c, g); break;
    case GESTURE_TAP: {
        Hit hit = controller_hit(c, g->x, g->y);
        if (hit.kind == HIT_FILE_ROW) choose(c, hit.index);
        else if (hit.kind != HIT_FILE_LIST) session_close_files(&c->s);
        break;
    }
    case GESTURE_QUIT: c->requests.quit = true; break;
    case GESTURE_RESIZE: controller_resize(c, g->x, g->y); break;
    default: break; /* a drag, a pinch or a hover: the timeline behind the dialog stays still */
    }
    return true;
}
