/* input.h: plain input events, the only form in which input reaches the core.
 * The SDL shell and the replay script both produce them; t_ms is the time the
 * event happened on whatever clock drives the app (real or virtual). */
#ifndef FRISE_INPUT_H
#define FRISE_INPUT_H

#include <stdbool.h>

typedef enum InputType {
    INPUT_POINTER_DOWN,   /* mouse button or finger down */
    INPUT_POINTER_MOVE,   /* mouse or finger motion (buttons up or down) */
    INPUT_POINTER_UP,
    INPUT_WHEEL,          /* dx, dy in wheel notches (precise: fractional, touchpad) */
    INPUT_KEY_DOWN,
    INPUT_TEXT,           /* typed UTF-8 text */
    INPUT_QUIT,           /* window close request (Alt+F4, window manager) */
    INPUT_RESIZE,         /* x, y = new size in pixels */
    INPUT_POINTER_LEAVE   /* the mouse left the window: nothing is under it any more */
} InputType;

/* Keys: printable keys are their lower-case ASCII code ('b', '+', '/', '?');
 * the others are the values below. */
enum {
    KEY_NONE = 0,
    KEY_BACKSPACE = 8,
    KEY_TAB = 9,
    KEY_RETURN = 13,
    KEY_ESCAPE = 27,
    KEY_SPACE = 32,
    KEY_LEFT = 0x100, KEY_RIGHT, KEY_UP, KEY_DOWN,
    KEY_PAGEUP, KEY_PAGEDOWN, KEY_HOME, KEY_END, KEY_DELETE,
    KEY_F1, KEY_F2, KEY_F3, KEY_F4, KEY_F5, KEY_F6,
    KEY_F7, KEY_F8, KEY_F9, KEY_F10, KEY_F11, KEY_F12
};

/* Modifier bits in InputEvent.mods. */
enum { MOD_SHIFT = 1, MOD_CTRL = 2, MOD_ALT = 4, MOD_GUI = 8 };

enum { INPUT_TEXT_MAX = 32 };

typedef struct InputEvent {
    InputType type;
    double t_ms;
    float x, y;           /* pointer position in window pixels */
    float dx, dy;         /* wheel amounts */
    int pointer_id;       /* 0 = mouse; fingers are 1, 2, ... */
    bool is_touch;
    bool precise;         /* wheel from a touchpad: fractional, smooth */
    int button;           /* 1 = left, 2 = middle, 3 = right (mouse only) */
    int key;
    int mods;
    char text[INPUT_TEXT_MAX];
} InputEvent;

#endif
