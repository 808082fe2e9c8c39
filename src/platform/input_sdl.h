/* input_sdl.h: SDL events -> plain InputEvents (the only SDL input code). */
#ifndef FRISE_INPUT_SDL_H
#define FRISE_INPUT_SDL_H

#include <SDL.h>
#include <stdbool.h>

#include "input.h"

/* Maps live finger ids to small pointer ids (1, 2, ...). */
typedef struct InputMapper {
    SDL_FingerID fingers[10];
    bool used[10];
    float scale_x, scale_y;      /* window points -> drawable pixels (HiDPI) */
    float window_w, window_h;    /* drawable size, for finger coordinates */
} InputMapper;

/* Translates ev; returns false for events Frise does not use. */
bool input_from_sdl(InputMapper *map, const SDL_Event *ev, double t_ms, InputEvent *out);

/* The key code of an SDL key name as the replay writes them ("PageDown"). */
int input_key_from_sdl(SDL_Keycode key, Uint16 mod);

#endif
