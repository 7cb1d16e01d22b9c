#!/usr/bin/env bash
# Vendors the web faces' front-end files into web/static/web/vendor/, so `make run` needs no Node: the NL Design
# System's component CSS (Utrecht), an open base theme of design tokens, and htmx. Pinned versions; each package's
# licence and a VERSION note sit beside its files. Idempotent: running it again rewrites the same files.
# Needs npm (only to update the vendored files; the files themselves are committed).
#
# Why not @utrecht/design-tokens: its LICENSE.md says "All rights reserved ... proprietary assets to Gemeente
# Utrecht"; the open (EUPL-1.2) example theme of the NL Design System community is our base instead, and
# web/static/web/thema.css puts our own colours over it.
set -euo pipefail
cd "$(dirname "$0")/.."

VENDOR=web/static/web/vendor
# package@version  folder under $VENDOR  files to copy from the package (relative to the package root)
PACKAGES=(
  "@utrecht/component-library-css@9.0.4|utrecht-component-library-css|dist/index.css LICENSE.md"
  "@nl-design-system-unstable/voorbeeld-design-tokens@7.4.1|voorbeeld-design-tokens|dist/theme.css LICENSE.md"
  "htmx.org@4.0.1|htmx|dist/htmx.min.js LICENSE"
)

command -v npm >/dev/null || { echo "npm is needed to update the vendored files (they are committed: make run does not need it)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for entry in "${PACKAGES[@]}"; do
  IFS='|' read -r spec folder files <<<"$entry"
  tarball=$(cd "$WORK" && npm pack --silent "$spec" | tail -1)
  mkdir -p "$WORK/$folder"
  tar xzf "$WORK/$tarball" -C "$WORK/$folder"
  rm -rf "${VENDOR:?}/$folder"
  mkdir -p "$VENDOR/$folder"
  for file in $files; do
    cp "$WORK/$folder/package/$file" "$VENDOR/$folder/"
  done
  integrity=$(sha256sum "$WORK/$tarball" | cut -d' ' -f1)
  cat >"$VENDOR/$folder/VERSION" <<NOTE
$spec
Vendored by scripts/assets.sh from the npm registry (npm pack), tarball sha256 $integrity.
Files: $files (copied unchanged). Licence: see the LICENSE file beside this note.
To update: change the version in scripts/assets.sh, run \`make assets\`, check the pages, commit.
NOTE
  echo "fetched $spec -> $VENDOR/$folder/ ($files)"
done
