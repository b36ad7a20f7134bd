#!/bin/sh
# The cmark floor: what a trivial generator spends on rendering alone.
# One `cmark` process per page (SRC/*.md → OUT/*.html), JOBS processes at a time
# (default: all cores). xargs hands each `sh` a batch of 200 file names so that the
# shell is started once per batch, not once per page; cmark itself runs once per page.
#   usage: cmark_floor.sh SRC OUT [JOBS]      (OUT must not exist; absolute path)
set -eu
src=$1
out=$2
jobs=${3:-$(nproc)}
mkdir "$out"
cd "$src"
find . -maxdepth 1 -name '*.md' -printf '%f\0' |
    xargs -0 -P "$jobs" -n 200 sh -c 'for f; do cmark "$f" > "$0/${f%.md}.html" || exit 255; done' "$out"
