/* ui_text.h: the interface's own words, in French, English, Russian and Khmer. */
#ifndef FRISE_UI_TEXT_H
#define FRISE_UI_TEXT_H

#include <stdbool.h>

typedef enum UiString {
    UI_TODAY, UI_SOURCES, UI_DISPUTED, UI_UNVERIFIED, UI_NOTE, UI_PREVIOUS, UI_NEXT, UI_CLOSE, UI_HELP_TITLE,
    UI_HELP_CLOSE, UI_TOUCH_TO_EXPLORE, UI_STILL_THERE, UI_STILL_THERE_BUTTON, UI_STEP, UI_IMAGE_CREDIT,
    UI_HELP_MOUSE, UI_HELP_KEYS, UI_HELP_PRESENT, UI_HELP_TOUCH, UI_SEARCH_PLACEHOLDER, UI_THEMES,
    UI_NO_RESULTS,
    /* presenting and the kiosk (issue 9) */
    UI_STEPS, UI_SLIDE_BEGIN, UI_END, UI_END_HELP, UI_CHOOSER_TITLE, UI_CHOOSER_ALL, UI_CHOOSER_HELP,
    UI_CHOOSER_RESUME, UI_CHOOSER_AT_TITLE, UI_CHOOSER_AT_END, UI_QUIT_CONFIRM, UI_QUIT_CONFIRM_HELP, UI_HOME,
    UI_PIN_TITLE, UI_PIN_WRONG, UI_PIN_LOCKED, UI_EXPAND_HINT, UI_COLLAPSE_HINT, UI_PRESENTER_NOW,
    UI_PRESENTER_NEXT, UI_PRESENTER_NOTES, UI_PRESENTER_ELAPSED, UI_PRESENTER_NO_NOTES,
    /* badges that open as lists (issue 8) */
    UI_BADGE_EVENTS, UI_BADGE_ZOOM,
    /* every reader (issue 14) */
    UI_TAGS, UI_FALLBACK_NOTE, UI_REDUCED_MOTION, UI_ON, UI_OFF,
    /* the story panel and search (issue 8) */
    UI_RESULT_ONE, UI_RESULTS_FEW, UI_RESULTS, UI_IMAGE_CLOSE, UI_COPY_HINT,
    /* the timeline area (issue 8) */
    UI_ALL_THEMES_HIDDEN, UI_SHOW_ALL,
    /* pictures of the view (issue 11) */
    UI_SAVE_PICTURE, UI_PICTURE_SAVED, UI_PICTURE_NOT_SAVED, UI_PICTURE_NO_FOLDER,
    /* a source's address as a QR code in the kiosk (issue 11) */
    UI_QR_HINT,
    /* the Open list (issue 11) */
    UI_OPEN_TITLE, UI_OPEN_RECENT, UI_OPEN_NONE, UI_OPEN_HELP,
    UI_COUNT
} UiString;

/* The text in lang (a code such as "fr", "ru", "km", "fr-CA"); English for
 * a language the interface does not speak. Never NULL. */
const char *ui_text(UiString id, const char *lang);

/* The interface's languages: how many, and the code of each (for tests and
 * for choosing a default). */
int ui_language_count(void);
const char *ui_language_code(int index);
/* True when lang's own table has a non-empty text for id (no fallback). */
bool ui_has_text(UiString id, const char *lang);
/* True when the interface has its own words for lang. */
bool ui_speaks(const char *lang);

/* Help overlay rows: key (or touch gesture) and what it does,
 * NULL-terminated pairs. */
const char *const *ui_help_rows(const char *lang, bool touch);

#endif
