# scripts/common.sh: shared by scripts/run and scripts/test. Installs the
# Debian packages Frise needs (only the missing ones) and builds into build/.

FRISE_PACKAGES="cmake make gcc pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libcjson-dev libutf8proc-dev libicu-dev libcsv-dev libqrencode-dev libpng-dev"

missing_packages() {
  local missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  echo "$missing"
}

# install_packages PKG...: apt-get as root, sudo apt-get otherwise.
install_packages() {
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "frise: this script installs packages with apt-get (Debian/Ubuntu). Please install:$missing" >&2
    return 1
  fi
  echo "frise: installing$missing"
  local apt="apt-get"
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then apt="sudo apt-get"
    else
      echo "frise: missing packages:$missing. Run as root or install sudo, or install them yourself." >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $apt update -qq && $apt install -y -qq $missing
}

# build_frise DIR [CMAKE ARGS...]: configure once, then build incrementally.
build_frise() {
  local dir="$1"; shift
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$dir" "$@" >/dev/null || return 1
  fi
  cmake --build "$dir" -j "$(nproc 2>/dev/null || echo 2)" -- --no-print-directory
}
