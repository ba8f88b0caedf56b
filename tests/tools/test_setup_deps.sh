#!/usr/bin/env bash
# The dependency check reports what is missing in one clear line and a non-zero exit.
set -uo pipefail
script=$1
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() { # name, expected exit (0 or 1), text the single stderr line must contain ("" for none), command...
  local name=$1 code=$2 text=$3; shift 3
  local err rc
  err=$("$@" 2>&1 >/dev/null); rc=$?
  if [ "$code" -eq 0 ] && [ $rc -ne 0 ]; then echo "FAIL $name: exit $rc: $err"; fails=$((fails+1)); return; fi
  if [ "$code" -ne 0 ] && [ $rc -eq 0 ]; then echo "FAIL $name: exit 0, expected failure"; fails=$((fails+1)); return; fi
  if [ -n "$text" ] && [[ "$err" != *"$text"* ]]; then echo "FAIL $name: stderr '$err' lacks '$text'"; fails=$((fails+1)); return; fi
  if [ "$(printf '%s' "$err" | wc -l)" -gt 0 ]; then echo "FAIL $name: more than one line: $err"; fails=$((fails+1)); return; fi
  echo "PASS $name"
}

expect "installed machine passes the check" 0 "" bash "$script" --check
expect "missing package is named" 1 "missing packages: poruch-no-such-package" \
  env PORUCH_EXTRA_PACKAGES=poruch-no-such-package bash "$script" --check
mkdir -p "$tmp/bin"
printf '#!/bin/sh\necho "3.4.1 community"\n' > "$tmp/bin/sqlcipher"
chmod +x "$tmp/bin/sqlcipher"
expect "SQLCipher 3.4.1 from bookworm main is refused" 1 "SQLCipher 3.4.1; Poruch needs >= 4.5" \
  env PATH="$tmp/bin:$PATH" bash "$script" --check

echo "$((3 - fails)) passed, $fails failed"
[ $fails -eq 0 ]
