#!/usr/bin/env bash
# rutinbok benchmark, one command:   bench/run.sh            (full size, 5 runs; a few minutes)
#                                    bench/run.sh --small    (10 councils, 1 run; for CI)
# Other options are passed to bench/bench.py (see bench/README.md or bench/run.sh --help).
# --no-build skips `swift build` (or set RUTINBOK_BIN to a binary).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")

apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { echo "bench: '$1' is missing; install the Debian package '$2'" >&2; exit 1; }
        sudo=sudo
    fi
    echo "bench: installing $2 (apt)" >&2
    $sudo apt-get install -y -q "$2" >/dev/null 2>&1 ||
        { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$2" >/dev/null; } ||
        { echo "bench: could not install $2" >&2; exit 1; }
}
need() { command -v "$1" >/dev/null 2>&1 || apt_install "$1" "$2"; }

need python3 python3
need hugo hugo
need cmark cmark
[ -x /usr/bin/time ] || apt_install /usr/bin/time time

build=1
args=()
prev=""
for a in "$@"; do
    case "$a" in
        --no-build) build=0 ;;
        -h|--help) exec python3 "$here/bench.py" --help ;;
        *) args+=("$a") ;;
    esac
    # no rutinbok among the tools: nothing to build
    case "$prev=$a" in
        --tools=*rutinbok*|*=--tools=*rutinbok*) ;;
        --tools=*|*=--tools=*) build=0 ;;
    esac
    prev=$a
done

bin=${RUTINBOK_BIN:-$repo/.build-bench/release/rutinbok}
if [ -z "${RUTINBOK_BIN:-}" ] && [ "$build" = 1 ]; then
    echo "bench: scripts/build-release --scratch-path .build-bench --product rutinbok" >&2
    log=$(mktemp)
    if ! (cd "$repo" && scripts/build-release --scratch-path .build-bench --product rutinbok) >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        rm -f "$log"
        echo "bench: the release build failed" >&2
        exit 1
    fi
    rm -f "$log"
fi

exec python3 "$here/bench.py" --rutinbok "$bin" "${args[@]}"
