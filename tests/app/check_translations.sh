#!/usr/bin/env bash
# Every user-visible string of the tablet UI has a Ukrainian translation: re-extract the strings from
# the current sources into a copy of the .ts file and fail on any that is unfinished or empty.
set -euo pipefail
root=$1
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/qml/i18n/poruch_uk.ts" "$tmp/check.ts"
"$lupdate" -silent -no-obsolete -locations none -extensions qml,cpp,h "$root/qml" "$root/mobile" -ts "$tmp/check.ts" >/dev/null
messages=$(grep -c '<message>' "$tmp/check.ts" || true)
missing=$(grep -B2 -E 'type="unfinished"|<translation></translation>|<translation/>' "$tmp/check.ts" | grep -o '<source>.*</source>' || true)
if [ -n "$missing" ]; then
  echo "untranslated strings (add them to tools/i18n/uk.tsv, then run tools/i18n/fill_ts.py):" >&2
  echo "$missing" >&2
  exit 1
fi
[ "$messages" -gt 0 ] || { echo "no strings found: the check is broken" >&2; exit 1; }
echo "all $messages UI strings translated to Ukrainian"
