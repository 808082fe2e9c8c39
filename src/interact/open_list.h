/* open_list.h: the Open list (Ctrl+O) in the explorer: Ctrl+O asks the app
 * for timeline files (Requests.offer_files); the app answers with the
 * desktop's own chooser or with controller_show_files, and a row chosen
 * here is handed back as Requests.chosen_file. */
#ifndef FRISE_OPEN_LIST_H
#define FRISE_OPEN_LIST_H

#include <stdbool.h>

#include "controller.h"

/* Ctrl+O: asks the app (explore only). */
void open_list_request(Controller *c);

/* While the list is open it takes every gesture (it is a dialog): Up,
 * Down, Tab, Page Up/Down, Home and End walk it, Enter or a tap on a row
 * chooses, the wheel scrolls it, Esc or a tap outside closes it. Ctrl+Q
 * still quits. False when the list is closed. */
bool open_list_handle(Controller *c, const Gesture *g);

#endif
