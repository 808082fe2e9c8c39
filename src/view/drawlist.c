/* drawlist.c: growable command and text buffers reused from frame to frame. */
#include "drawlist.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"

void drawlist_clear(DrawList *dl)
{
    dl->count = 0;
    dl->text_len = 0;
    dl->out_of_memory = false;
}

void drawlist_free(DrawList *dl)
{
    free(dl->cmds);
    free(dl->text);
    memset(dl, 0, sizeof *dl);
}

DrawCmd *drawlist_push(DrawList *dl, DrawKind kind, float x, float y, float w, float h, Colour colour)
{
    if (!grow_array_int((void **)&dl->cmds, &dl->cap, dl->count + 1, sizeof *dl->cmds)) {
        dl->out_of_memory = true;
        return NULL;
    }
    DrawCmd *c = &dl->cmds[dl->count++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->x = x;
    c->y = y;
    c->w = w;
    c->h = h;
    c->colour = colour;
    c->filled = true;
    c->stroke = 1.0f;
    return c;
}

/* Copies len bytes into the pool; returns their offset or UINT32_MAX. */
static uint32_t pool_add(DrawList *dl, const char *s, size_t len)
{
    if (!grow_array((void **)&dl->text, &dl->text_cap, dl->text_len + len, 1)) {
        dl->out_of_memory = true;
        return UINT32_MAX;
    }
    memcpy(dl->text + dl->text_len, s, len);
    uint32_t offset = (uint32_t)dl->text_len;
    dl->text_len += len;
    return offset;
}

DrawCmd *drawlist_text(DrawList *dl, const char *s, size_t len, FontFace face, int size_px,
                       float x, float y, float max_w, Colour colour)
{
    if (len == 0) return NULL;
    uint32_t offset = pool_add(dl, s, len);
    if (offset == UINT32_MAX) return NULL;
    DrawCmd *c = drawlist_push(dl, DRAW_TEXT, x, y, max_w, 0, colour);
    if (!c) return NULL;
    c->face = face;
    c->size_px = (uint16_t)size_px;
    c->text_offset = offset;
    c->text_len = (uint32_t)len;
    return c;
}

DrawCmd *drawlist_image(DrawList *dl, const char *path, float x, float y, float w, float h)
{
    uint32_t offset = pool_add(dl, path, strlen(path));
    if (offset == UINT32_MAX) return NULL;
    DrawCmd *c = drawlist_push(dl, DRAW_IMAGE, x, y, w, h, (Colour){255, 255, 255, 255});
    if (!c) return NULL;
    c->text_offset = offset;
    c->text_len = (uint32_t)strlen(path);
    return c;
}

const char *drawlist_cmd_text(const DrawList *dl, const DrawCmd *cmd)
{
    return dl->text + cmd->text_offset;
}
