/* input_sdl.c: mouse, touch, wheel, keys and window events from SDL. */
#include "input_sdl.h"

#include <string.h>

static int mods_from_sdl(Uint16 mod)
{
    return (mod & KMOD_SHIFT ? MOD_SHIFT : 0) | (mod & KMOD_CTRL ? MOD_CTRL : 0) | (mod & KMOD_ALT ? MOD_ALT : 0) |
           (mod & KMOD_GUI ? MOD_GUI : 0);
}

static int special_key(SDL_Keycode key)
{
    static const struct { SDL_Keycode sdl; int key; } table[] = {
        {SDLK_LEFT, KEY_LEFT},       {SDLK_RIGHT, KEY_RIGHT},       {SDLK_UP, KEY_UP},
        {SDLK_DOWN, KEY_DOWN},       {SDLK_PAGEUP, KEY_PAGEUP},     {SDLK_PAGEDOWN, KEY_PAGEDOWN},
        {SDLK_HOME, KEY_HOME},       {SDLK_END, KEY_END},           {SDLK_DELETE, KEY_DELETE},
        {SDLK_RETURN, KEY_RETURN},   {SDLK_KP_ENTER, KEY_RETURN},   {SDLK_ESCAPE, KEY_ESCAPE},
        {SDLK_TAB, KEY_TAB},         {SDLK_BACKSPACE, KEY_BACKSPACE}, {SDLK_SPACE, KEY_SPACE},
        {SDLK_F1, KEY_F1},           {SDLK_F2, KEY_F2},             {SDLK_F3, KEY_F3},
        {SDLK_F4, KEY_F4},           {SDLK_F5, KEY_F5},             {SDLK_F6, KEY_F6},
        {SDLK_F7, KEY_F7},           {SDLK_F8, KEY_F8},             {SDLK_F9, KEY_F9},
        {SDLK_F10, KEY_F10},         {SDLK_F11, KEY_F11},           {SDLK_F12, KEY_F12},
        {SDLK_KP_PLUS, '+'},         {SDLK_KP_MINUS, '-'},          {SDLK_PLUS, '+'},
        {SDLK_QUESTION, '?'}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].sdl == key) return table[i].key;
    return KEY_NONE;
}

int input_key_from_sdl(SDL_Keycode key, Uint16 mod)
{
    int special = special_key(key);
    if (special != KEY_NONE) return special;
    bool shift = (mod & KMOD_SHIFT) != 0;
    if (key == SDLK_SLASH && shift) return '?'; /* US layouts; others send SDLK_QUESTION */
    if (key == SDLK_EQUALS && shift) return '+';
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9) return '1' + (int)(key - SDLK_KP_1);
    if (key == SDLK_KP_0) return '0';
    if (key >= 32 && key < 127) return key >= 'A' && key <= 'Z' ? key + 32 : (int)key;
    return KEY_NONE;
}

static int finger_slot(InputMapper *map, SDL_FingerID id, bool create)
{
    for (int i = 0; i < 10; i++)
        if (map->used[i] && map->fingers[i] == id) return i;
    if (!create) return -1;
    for (int i = 0; i < 10; i++)
        if (!map->used[i]) {
            map->used[i] = true;
            map->fingers[i] = id;
            return i;
        }
    return -1;
}

static bool finger_event(InputMapper *map, const SDL_TouchFingerEvent *f, Uint32 type, InputEvent *out)
{
    int slot = finger_slot(map, f->fingerId, type == SDL_FINGERDOWN);
    if (slot < 0) return false;
    out->type = type == SDL_FINGERDOWN ? INPUT_POINTER_DOWN : type == SDL_FINGERUP ? INPUT_POINTER_UP : INPUT_POINTER_MOVE;
    out->pointer_id = slot + 1;
    out->is_touch = true;
    out->x = f->x * map->window_w;
    out->y = f->y * map->window_h;
    if (type == SDL_FINGERUP) map->used[slot] = false;
    return true;
}

static bool mouse_event(const InputMapper *map, const SDL_Event *ev, InputEvent *out)
{
    if (ev->type == SDL_MOUSEMOTION) {
        if (ev->motion.which == SDL_TOUCH_MOUSEID) return false; /* fingers come as fingers */
        out->type = INPUT_POINTER_MOVE;
        out->x = ev->motion.x * map->scale_x;
        out->y = ev->motion.y * map->scale_y;
        out->button = ev->motion.state & SDL_BUTTON_LMASK ? 1 : 0;
        return true;
    }
    if (ev->button.which == SDL_TOUCH_MOUSEID) return false;
    out->type = ev->type == SDL_MOUSEBUTTONDOWN ? INPUT_POINTER_DOWN : INPUT_POINTER_UP;
    out->x = ev->button.x * map->scale_x;
    out->y = ev->button.y * map->scale_y;
    out->button = ev->button.button == SDL_BUTTON_LEFT ? 1 : ev->button.button == SDL_BUTTON_RIGHT ? 3 : 2;
    return true;
}

bool input_from_sdl(InputMapper *map, const SDL_Event *ev, double t_ms, InputEvent *out)
{
    memset(out, 0, sizeof *out);
    out->t_ms = t_ms;
    switch (ev->type) {
    case SDL_MOUSEMOTION: case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: return mouse_event(map, ev, out);
    case SDL_FINGERDOWN: case SDL_FINGERUP: case SDL_FINGERMOTION: return finger_event(map, &ev->tfinger, ev->type, out);
    case SDL_MOUSEWHEEL: {
        int mx, my;
        SDL_GetMouseState(&mx, &my);
        out->type = INPUT_WHEEL;
        out->x = mx * map->scale_x;
        out->y = my * map->scale_y;
        out->dx = ev->wheel.preciseX;
        out->dy = ev->wheel.preciseY;
        out->precise = ev->wheel.preciseY != (float)(int)ev->wheel.preciseY || ev->wheel.preciseX != (float)(int)ev->wheel.preciseX;
        if (ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED) {
            out->dx = -out->dx;
            out->dy = -out->dy;
        }
        return true;
    }
    case SDL_KEYDOWN:
        out->type = INPUT_KEY_DOWN;
        out->key = input_key_from_sdl(ev->key.keysym.sym, ev->key.keysym.mod);
        out->mods = mods_from_sdl(ev->key.keysym.mod);
        return out->key != KEY_NONE;
    case SDL_TEXTINPUT:
        out->type = INPUT_TEXT;
        snprintf(out->text, sizeof out->text, "%s", ev->text.text);
        return true;
    case SDL_QUIT: out->type = INPUT_QUIT; return true;
    default: return false;
    }
}
