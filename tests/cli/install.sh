#!/usr/bin/env bash
# install.sh: Frise installs, and the installed tree is relocatable.
#
# Usage: bash tests/cli/install.sh PATH_TO_frise SOURCE_DIR
#
# Installs the build that holds PATH_TO_frise (`cmake --install` of its
# folder) into a scratch prefix, moves the whole prefix elsewhere, then runs
# the moved bin/frise from a third folder with no file argument and no
# FRISE_DATA_DIR: it must open the shipped timeline (a layout dump with
# cards, a non-blank 800x600 PNG, nothing on stderr), which only works if it
# finds share/frise beside its own bin/ at run time. Also checks the
# installed files (data, fonts and licence, docs, desktop entry, icon,
# AppStream metadata), that the binary names no data folder of the source
# tree, that the desktop entry's Exec and Icon resolve, that the metadata's
# newest release is `frise --version`, and, when the tools are installed,
# desktop-file-validate and appstreamcli validate-tree --no-net.
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3 or cmake.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup install "$@"
command -v cmake >/dev/null 2>&1 || { echo "cmake not found: skipped"; exit 77; }
BUILD=$(cd "$(dirname "$FRISE")" && pwd)
APP_ID=io.github.frise.Frise

# run NAME CMD...: stdout -> NAME.out, stderr -> NAME.err, status -> NAME.rc
run() {
    local name=$1
    shift
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
    echo $? >"$WORK/$name.rc"
}

run install cmake --install "$BUILD" --prefix "$WORK/prefix"
# Relocated: the prefix it was installed to no longer exists.
mkdir -p "$WORK/moved" "$WORK/elsewhere"
mv "$WORK/prefix" "$WORK/moved/frise" 2>/dev/null
PREFIX="$WORK/moved/frise"

(cd "$WORK/elsewhere" && run default env -u FRISE_DATA_DIR -u FRISE_ASSETS "$PREFIX/bin/frise" \
    --screenshot "$WORK/elsewhere/x.png" --size 800x600 --dump-layout)
run version "$PREFIX/bin/frise" --version
if command -v desktop-file-validate >/dev/null 2>&1; then
    run desktop desktop-file-validate "$PREFIX/share/applications/$APP_ID.desktop"
fi
if command -v appstreamcli >/dev/null 2>&1; then
    run appstream appstreamcli validate-tree --no-net "$PREFIX"
fi

python3 - "$WORK" "$PREFIX" "$SRC" "$APP_ID" <<'EOF'
import os
import re
import sys

work, prefix, src, app_id = sys.argv[1:5]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("install")


def text(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def read(name, ext):
    return text(os.path.join(work, name + ext))


def status(name):
    text = read(name, ".rc")
    return int(text.strip()) if text and text.strip() else None


def output(name):
    return ((read(name, ".out") or "") + (read(name, ".err") or "")).strip()[:800]


# ---- cmake --install, then the tree moved away ------------------------------------------

t.equal(status("install"), 0, "cmake --install of the build folder exits with status 0")
t.ok(os.path.isdir(prefix) and not os.path.exists(os.path.join(work, "prefix")),
     "the installed tree is moved to another folder")
installed = ["bin/frise",
             "share/frise/timeline.json", "share/frise/timeline.schema.json",
             "share/frise/fonts/OFL.txt", "share/doc/frise/timeline-format.md",
             "share/applications/%s.desktop" % app_id,
             "share/icons/hicolor/scalable/apps/%s.svg" % app_id,
             "share/metainfo/%s.metainfo.xml" % app_id]
fonts = sorted(f for f in os.listdir(os.path.join(src, "assets", "fonts")) if f.endswith(".ttf"))
installed += ["share/frise/fonts/" + f for f in fonts]
docs = sorted(f for f in os.listdir(os.path.join(src, "docs")) if f.endswith(".md"))
installed += ["share/doc/frise/" + f for f in docs]
images = sorted(f for f in os.listdir(os.path.join(src, "data", "images")) if f.endswith(".png"))
installed += ["share/frise/images/" + f for f in images]
missing = [p for p in installed if not os.path.isfile(os.path.join(prefix, p))]
t.ok(not missing, "the %d files are installed (binary, data, %d fonts and OFL, %d docs, desktop entry, icon, "
     "metainfo, %d pictures of the shipped timeline)" % (len(installed), len(fonts), len(docs), len(images)), missing)
t.ok(os.access(os.path.join(prefix, "bin/frise"), os.X_OK), "bin/frise is executable")

# A binary that still carried the source tree's folders would pass the run
# below without finding anything at run time.
try:
    with open(os.path.join(prefix, "bin/frise"), "rb") as f:
        binary = f.read()
except OSError:
    binary = b""
compiled_in = [d for d in ("assets", "data") if (os.path.join(src, d)).encode() in binary]
t.ok(binary and not compiled_in, "the installed binary names no data folder of the source tree",
     ["%s/%s" % (src, d) for d in compiled_in])

# ---- the moved frise, run from a third folder with no file ---------------------------------

t.equal(status("default"), 0, "the moved bin/frise, run from another folder with no file, exits with status 0")
t.equal((read("default", ".err") or "").strip()[:600], "", "nothing on stderr (the shipped timeline and its fonts "
        "were found)")
png = lib.analyse_png(os.path.join(work, "elsewhere", "x.png"))
lib.check_png(t, png, 800, 600, what="the --screenshot x.png")
d = lib.load_dump(t, os.path.join(work, "default.out"), "--dump-layout prints valid JSON")
if d is not None:
    events = lib.timeline_json(src)["events"]
    t.ok(len(d.get("cards", [])) > 0, "the shipped timeline's cards are drawn", len(d.get("cards", [])))
    ids = {e["id"] for e in events}
    strangers = [c["id"] for c in d.get("cards", []) if c["id"] not in ids]
    t.ok(not strangers, "every card is an event of the shipped timeline", strangers[:3])

# ---- desktop entry, icon, AppStream -----------------------------------------------------------

desktop = text(os.path.join(prefix, "share/applications/%s.desktop" % app_id)) or ""
exe = re.search(r"^Exec=(\S+)", desktop, re.M)
t.ok(exe and os.path.isfile(os.path.join(prefix, "bin", exe.group(1))), "the desktop entry's Exec is bin/frise",
     exe.group(1) if exe else "no Exec")
icon = re.search(r"^Icon=(\S+)", desktop, re.M)
t.ok(icon and os.path.isfile(os.path.join(prefix, "share/icons/hicolor/scalable/apps", icon.group(1) + ".svg")),
     "the desktop entry's Icon is the installed SVG", icon.group(1) if icon else "no Icon")
meta = text(os.path.join(prefix, "share/metainfo/%s.metainfo.xml" % app_id)) or ""
release = re.search(r'<release\s+version="([^"]+)"', meta)
version = (read("version", ".out") or "").split()
t.ok(release and version and version[-1] == release.group(1),
     "the metainfo's newest release is `frise --version`",
     "%s vs %s" % (release.group(1) if release else None, version))
for name, tool in (("desktop", "desktop-file-validate"), ("appstream", "appstreamcli validate-tree --no-net")):
    if status(name) is None:
        print("skip %s: not installed" % tool)
        continue
    t.equal(status(name), 0, "%s accepts the installed files" % tool)
    t.ok(not re.search(r"^\S*: (error|warning)|^\s*[EW]: ", output(name), re.M), "%s reports no error or warning"
         % tool, output(name))

sys.exit(t.finish())
EOF
