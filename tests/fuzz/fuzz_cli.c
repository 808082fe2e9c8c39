/* fuzz_cli.c: libFuzzer target for the command line (see README.md). The
 * input is split at NUL bytes into arguments. Every outcome is one of the
 * actions; a usage error is one non-empty line; a run has checked values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { MAX_ARGS = 32 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) return 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *argv[MAX_ARGS + 1] = {"frise"};
    int argc = 1;
    for (size_t i = 0; i <= size && argc < MAX_ARGS; i += strlen(text + i) + 1) argv[argc++] = text + i;
    AppDesc d;
    char err[256];
    CliAction a = cli_parse(argc, argv, &d, err, sizeof err);
    if (a == CLI_USAGE_ERROR && (!err[0] || strchr(err, '\n'))) abort();
    if (a == CLI_RUN || a == CLI_CHECK) {
        if (d.width && (d.width < 800 || d.width > 8192 || d.height < 600 || d.height > 8192)) abort();
        if (d.idle_seconds && !(d.idle_seconds >= 1 && d.idle_seconds <= 86400)) abort();
        if (d.view && !(d.view_to_days > d.view_from_days)) abort();
        if (a == CLI_CHECK && !d.file) abort();
    }
    free(text);
    return 0;
}
