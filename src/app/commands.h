/* commands.h: what Frise does without a window: check a file, convert it,
 * write its text version, print the visitor statistics. Each returns the
 * process exit status: 0 fine, 1 a problem, 2 a usage error. */
#ifndef FRISE_COMMANDS_H
#define FRISE_COMMANDS_H

#include "cli.h"

/* --check: every problem on stderr, a summary line on stdout; 1 when any. */
int commands_check(const AppDesc *desc, double today_days);

/* convert IN OUT: reads any format Frise opens, writes OUT in the format
 * --to names or OUT's extension asks for, and says on stderr what the target
 * cannot hold. Never overwrites: an existing OUT is refused. */
int commands_convert(const AppDesc *desc, double today_days);

/* FILE --export-text OUT: Markdown, or HTML for .html/.htm, in --lang (else
 * the timeline's first language). Never overwrites an existing OUT. */
int commands_export_text(const AppDesc *desc, double today_days);

#endif
