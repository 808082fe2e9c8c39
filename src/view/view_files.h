/* view_files.h: the Open list (Ctrl+O) as a dialog: its places and its drawing. */
#ifndef FRISE_VIEW_FILES_H
#define FRISE_VIEW_FILES_H

#include "view.h"

/* Fills file_list and file_rows when the list is open. */
void view_chrome_files(ViewChrome *c, const ViewState *s, const Regions *r, const LayoutMetrics *m);
void view_draw_files(DrawList *dl, const ViewInput *in);
/* HIT_FILE_ROW (index into the files), HIT_FILE_LIST inside the dialog,
 * else HIT_NONE. */
Hit view_hit_files(const ViewChrome *c, const ViewState *s, float x, float y);

#endif
