#!/bin/sh
# The batched cmark floor: the same pages through few `cmark` processes. `cmark a.md b.md …`
# renders its files as one document (concatenated), so each batch of BATCH pages becomes one
# HTML file; JOBS batches at a time (default: all cores). Without one process start per page,
# this is what rendering the Markdown itself costs: the true floor.
#   usage: cmark_batched.sh SRC OUT [JOBS] [BATCH]      (OUT must not exist; absolute path)
set -eu
src=$1
out=$2
jobs=${3:-$(nproc)}
batch=${4:-500}
mkdir "$out"
cd "$src"
find . -maxdepth 1 -name '*.md' -printf '%f\0' |
    xargs -0 -P "$jobs" -n "$batch" sh -c 'cmark "$@" > "$0/batch-$$.html" || exit 255' "$out"
