/* text.h: fonts, HarfBuzz shaping through SDL_ttf, a texture cache of shaped
 * strings, and the TextMeasurer that layout uses. */
#ifndef FRISE_TEXT_H
#define FRISE_TEXT_H

#include <stddef.h>

#include <SDL.h>

#include "drawlist.h"

/* Sizes outside this range are clamped (to keep the per-size font table small). */
#define TEXT_SIZE_MIN 4
#define TEXT_SIZE_MAX 400

/* Used when text_create is given a budget of 0. */
#define TEXT_DEFAULT_BUDGET_BYTES ((size_t)64 << 20)

typedef struct TextSystem TextSystem;

/* Reads the five Noto fonts from font_dir (NotoSans-{Regular,Bold,Italic}.ttf,
 * NotoSansKhmer-{Regular,Bold}.ttf) and prepares the caches. Textures are made
 * for `renderer`, which must outlive the TextSystem. cache_budget_bytes bounds
 * the cached textures (w*h*4 each); 0 means TEXT_DEFAULT_BUDGET_BYTES.
 * Calls TTF_Init itself (SDL_ttf counts Init/Quit pairs); SDL must be
 * initialised. Returns NULL after an SDL_Log naming the failing file or call.
 * The caller frees it with text_destroy. */
TextSystem *text_create(SDL_Renderer *renderer, const char *font_dir, size_t cache_budget_bytes);

/* Frees every texture, font and buffer, then calls TTF_Quit once. Call it
 * before SDL_DestroyRenderer. NULL is allowed. */
void text_destroy(TextSystem *ts);

/* Marks the start of a frame: textures used from now on are not evicted
 * until the next call, so a texture handed out stays valid for the whole
 * frame. render_draw calls this itself; call it only when you use
 * text_texture outside render_draw. */
void text_frame_begin(TextSystem *ts);

/* The measurer for layout, with ts as its context. width is the advance of
 * len bytes of UTF-8 in whole pixels and equals the width of the texture that
 * text_texture makes for the same bytes; line_height is TTF_FontLineSkip of
 * the face at size_px (NotoSans and NotoSansKhmer share vertical metrics, but
 * stacked Khmer subscripts reach about 0.25 em below the line). Widths are
 * cached, so measuring the same strings every frame is cheap. */
TextMeasurer text_measurer(TextSystem *ts);

/* The texture of one line of text in ink's colour (its alpha is ignored:
 * fade it with SDL_SetTextureAlphaMod). With paper NULL it is ink on
 * transparent, blended when copied; with paper, the text is blended over
 * that opaque colour once, here, and the texture is opaque (blend mode
 * none): copying it is a plain copy of rows, for text that lies wholly on a
 * fill of that colour. The colours are baked in, not modulated, because
 * SDL's software renderer blends an unmodulated texture through its fast
 * per-pixel-alpha blitter and a colour-modulated one through a generic
 * blitter several times slower; each (ink, paper) pair is cached apart.
 * The top row is the top of the line box (baseline at TTF_FontAscent). *w
 * and *h receive its size. Returns NULL (w = h = 0) for text with nothing
 * to draw or after a logged failure. The TextSystem owns the texture: it
 * stays valid until the next text_frame_begin, and the caller must not
 * destroy or keep it. */
SDL_Texture *text_texture(TextSystem *ts, FontFace face, int size_px, Colour ink, const Colour *paper,
                          const char *s, size_t len, int *w, int *h);

/* Bytes held by cached textures (w*h*4 each), for stats. It may exceed the
 * budget while the current frame itself needs more. */
size_t text_cache_bytes(const TextSystem *ts);

#endif
