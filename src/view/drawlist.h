/* drawlist.h: the plain draw commands that core emits and the SDL renderer
 * walks. Nothing here knows about SDL. Coordinates are window pixels. */
#ifndef FRISE_DRAWLIST_H
#define FRISE_DRAWLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "style.h"

/* Bold italic has no file of its own: the platform slants the bold face. */
typedef enum FontFace { FONT_REGULAR, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC, FONT_FACE_COUNT } FontFace;

typedef enum DrawKind {
    DRAW_RECT,        /* x,y,w,h; radius = corner radius; filled or stroke-wide outline; dashed */
    DRAW_SHADOW,      /* soft shadow under a rounded rect x,y,w,h,radius; colour.a = strength */
    DRAW_LINE,        /* from (x,y) to (x+w, y+h), stroke = thickness; dashed */
    DRAW_SHAPE,       /* shape centred in x,y,w,h; filled or outline */
    DRAW_TEXT,        /* one line of text, top-left at x,y; face, size_px; clipped to w if w > 0 */
    DRAW_IMAGE,       /* image file (text = path) fitted into x,y,w,h: covering it (cropped), or
                       * whole and centred, letterboxed, when filled is false */
    DRAW_CLIP,        /* clip later commands to x,y,w,h */
    DRAW_UNCLIP       /* remove the clip */
} DrawKind;

typedef struct DrawCmd {
    DrawKind kind;
    float x, y, w, h;
    float radius;
    float stroke;
    Colour colour;
    bool filled;
    bool dashed;
    Shape shape;
    FontFace face;
    uint16_t size_px;
    uint32_t text_offset;  /* into DrawList.text, for DRAW_TEXT and DRAW_IMAGE */
    uint32_t text_len;
} DrawCmd;

/* Reused frame to frame: drawlist_clear keeps the memory, so a steady frame
 * allocates nothing. The owner frees it with drawlist_free. */
typedef struct DrawList {
    DrawCmd *cmds;
    int count, cap;
    char *text;
    size_t text_len, text_cap;
    bool out_of_memory;    /* a push failed; the frame is incomplete */
} DrawList;

void drawlist_clear(DrawList *dl);
void drawlist_free(DrawList *dl);

/* Appends a command; returns it for further fields, or NULL out of memory. */
DrawCmd *drawlist_push(DrawList *dl, DrawKind kind, float x, float y, float w, float h, Colour colour);
/* Text commands copy their bytes into the list's text pool. */
DrawCmd *drawlist_text(DrawList *dl, const char *s, size_t len, FontFace face, int size_px,
                       float x, float y, float max_w, Colour colour);
DrawCmd *drawlist_image(DrawList *dl, const char *path, float x, float y, float w, float h);

/* The bytes of a text or image command (not NUL-terminated: use text_len). */
const char *drawlist_cmd_text(const DrawList *dl, const DrawCmd *cmd);

/* Text measurement, provided by the platform (SDL_ttf) or by tests (a fake
 * fixed-width measurer). width returns the advance of len bytes of UTF-8 in
 * pixels; line_height the distance between baselines. */
typedef struct TextMeasurer {
    void *ctx;
    float (*width)(void *ctx, FontFace face, int size_px, const char *s, size_t len);
    float (*line_height)(void *ctx, FontFace face, int size_px);
} TextMeasurer;

#endif
