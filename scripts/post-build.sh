#!/usr/bin/env sh
# Trunk post-build hook (Trunk starts hooks of one stage at once, so the steps that must
# run in order are one hook): the Content Security Policy goes into index.html first, then
# the service worker is stamped with a build id that covers the final index.html.
set -eu
python3 "$(dirname "$0")/stamp-csp.py"
sh "$(dirname "$0")/stamp-sw.sh"
