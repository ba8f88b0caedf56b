#!/usr/bin/env bash
# Installs everything Poruch needs on a fresh Debian 12 (bookworm) machine. Idempotent:
# returns at once when every package is already present and SQLCipher is new enough.
#   setup-deps.sh           install what is missing (needs root)
#   setup-deps.sh --check   only report, in one line, what is missing; exit 1 if anything is
set -euo pipefail
CHECK_ONLY=0
[ "${1:-}" = "--check" ] && CHECK_ONLY=1

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git clang-format clang-14 libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools qt6-httpserver-dev
  qt6-websockets-dev libxkbcommon-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qttest
  qml6-module-qtqml-workerscript qml6-module-qtqml
  libqt6sql6-psql libqt6svg6
  libargon2-dev libssl-dev openssl libqrencode-dev zlib1g-dev
  postgresql
  chromium fonts-dejavu-core
  qpdf
)
BACKPORTS_PACKAGES=(libsqlcipher-dev sqlcipher)
# Extra packages a caller (or a test of this script) requires on top of the list above.
read -r -a EXTRA_PACKAGES <<< "${PORUCH_EXTRA_PACKAGES:-}"
APT_PACKAGES+=("${EXTRA_PACKAGES[@]}")
SQLCIPHER_MIN=4.5

die() { echo "poruch setup: $*" >&2; exit 1; }

version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

# pkg-config reports the SQLite base version (3.46.1 for SQLCipher 4.6.1), so ask the library itself.
sqlcipher_version() { sqlcipher :memory: 'PRAGMA cipher_version;' 2>/dev/null | awk '{print $1}'; }
sqlcipher_ok() {
  local v
  pkg-config --exists sqlcipher 2>/dev/null || return 1
  v=$(sqlcipher_version) || return 1
  [ -n "$v" ] && version_ge "$v" "$SQLCIPHER_MIN"
}

missing_packages() {
  local p
  for p in "${APT_PACKAGES[@]}" "${BACKPORTS_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

missing=$(missing_packages | tr '\n' ' ' | sed 's/ $//')
if [ -z "$missing" ] && sqlcipher_ok; then
  exit 0
fi
if [ $CHECK_ONLY -eq 1 ]; then
  [ -n "$missing" ] && die "missing packages: $missing (run tools/setup-deps.sh as root)"
  v=$(sqlcipher_version || true)
  die "SQLCipher ${v:-not found}; Poruch needs >= $SQLCIPHER_MIN from bookworm-backports (bookworm main has 3.4.1)"
fi

[ "$(id -u)" -eq 0 ] || die "missing packages ($missing); run as root to install them"
grep -q 'bookworm' /etc/os-release || die "this setup targets Debian 12 (bookworm); found $(. /etc/os-release; echo "$PRETTY_NAME")"

# The backports suite of the mirror this machine already uses (SQLCipher 4.6.1 lives there;
# bookworm main only has 3.4.1 from 2016, which must never be used).
mirror=$(grep -hoE '^URIs: *\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | grep -i debian | head -n1 || true)
[ -n "$mirror" ] || mirror=$(grep -hoE '^deb +\S+ +bookworm( |$)' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -n1 || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  cat > /etc/apt/sources.list.d/poruch-bookworm-backports.sources <<SRC
Types: deb
URIs: $mirror
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
apt-get install -y -qq --no-install-recommends -t bookworm-backports "${BACKPORTS_PACKAGES[@]}" >/dev/null

v=$(sqlcipher_version || true); v=${v:-none}
sqlcipher_ok || die "SQLCipher $v found; Poruch needs >= $SQLCIPHER_MIN from bookworm-backports (bookworm main has 3.4.1)"
echo "poruch setup: dependencies installed (SQLCipher $v)"
