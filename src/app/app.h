/* app.h: the application: window, frame loop, modes. */
#ifndef FRISE_APP_H
#define FRISE_APP_H

#include "cli.h"

/* Runs Frise as desc says (a window, a headless screenshot, or a replay);
 * today_days is what "present" means. Returns the process exit status. */
int app_main(const AppDesc *desc, double today_days);

#endif
