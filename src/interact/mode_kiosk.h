/* mode_kiosk.h: the museum kiosk: touch first, locked down, on its own for
 * months. Idle -> "still there?" countdown (when a story is open) -> reset
 * to the home view and the installation's language -> attract loop (a title
 * slide, then the tour's steps, round and round), which any touch stops
 * where it is. A Home button is always on screen. The only ways out are the
 * exit combination and a long press in the top-left corner (then the PIN,
 * when one is set: a wrong code says so and the pad stays open; five wrong
 * codes lock it for a minute). */
#ifndef FRISE_MODE_KIOSK_H
#define FRISE_MODE_KIOSK_H

#include <stdbool.h>

#include "input.h"
#include "steps.h"
#include "view.h"

typedef struct Controller Controller;

enum { KIOSK_PIN_MAX = 15, KIOSK_PIN_TRIES = 5 };
/* How long the attract loop's title slide shows, and how long five wrong
 * PINs lock the pad. */
#define KIOSK_TITLE_SLIDE_MS 8000.0
#define KIOSK_PIN_LOCK_MS 60000.0

typedef struct KioskMode {
    KioskState phase;
    Stepper attract;             /* the attract loop's walk */
    double countdown_started_ms;
    double corner_press_ms;      /* when a press began in the exit corner, or -1 */
    int corner_pointer;          /* the pointer holding that press */
    bool pin_pad;                /* the exit PIN pad is open */
    char pin_typed[KIOSK_PIN_MAX + 1];
    PinState pin_state;          /* entry, after a wrong code, or locked */
    int pin_wrong;               /* wrong codes in a row (kept when the pad closes) */
    double pin_locked_until_ms;  /* the pad takes no digits before this */
} KioskMode;

/* Watches raw pointer events for the long press in the exit corner. */
void kiosk_pointer(Controller *c, const InputEvent *ev);
/* The home view, the installation's language, no filter or menu; then the attract loop. */
void kiosk_reset(Controller *c);
/* The Home button: the story and menus closed, a flight to the home view. */
void kiosk_home(Controller *c);

#endif
