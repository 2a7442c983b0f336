#!/bin/sh
# Renders a self-contained HTML report (e.g. `tdev-ops weekly-report --html weekly.html`) to a PNG with headless
# Chromium (Debian/Ubuntu package `chromium`), for a chat message or a ticket that shows no HTML.
#   scripts/render-report.sh weekly.html weekly.png [WIDTHxHEIGHT]
# Exit 0 with the PNG written; 2 on bad arguments; 3 when no Chromium is installed (the message says which
# names were looked for and how to install it).
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
    exit 2
fi
html=$1
png=$2
size=${3:-800x1400}
case "$size" in
    *[!0-9x]*|x*|*x) echo "error: size: got '$size'; allowed WIDTHxHEIGHT, e.g. 800x1400" >&2; exit 2 ;;
esac
if [ ! -f "$html" ]; then
    echo "error: $html: no such file" >&2
    exit 2
fi

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then
            browser=$candidate
            break
        fi
    done
fi
if [ -z "$browser" ]; then
    echo "error: no Chromium found (looked for chromium, chromium-browser, google-chrome, google-chrome-stable," \
         "or \$CHROMIUM); install it with: apt-get install chromium" >&2
    exit 3
fi

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
out_dir=$(dirname "$png")
abs_png=$(cd "$out_dir" && pwd)/$(basename "$png")
width=${size%x*}
height=${size#*x}
# A throwaway profile: headless Chromium must not touch (or wait on) the user's own.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# --no-sandbox: CI containers run as root, where Chromium refuses its sandbox; the page is our own, offline file.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$width,$height" --screenshot="$abs_png" "file://$abs_html" >/dev/null 2>&1
if [ ! -s "$abs_png" ]; then
    echo "error: $browser wrote no screenshot to $png" >&2
    exit 1
fi
echo "$png"
