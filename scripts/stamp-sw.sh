#!/usr/bin/env sh
# Trunk post-build hook: stamps the service worker with this build's id (a hash of the
# built files) and the list of files to precache, so each build has its own cache.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$dir"
files=$(find . -type f ! -name sw.js | sed 's#^\./##' | sort)
build=$(cat $files | sha256sum | cut -c1-16)
list=$(printf '"./"'; for f in $files; do [ "$f" = index.html ] && continue; printf ', "./%s"' "$f"; done)
sed -i "s#__GLOSS_BUILD__#$build#; s#^const FILES = \[\"./\"\]; // __GLOSS_FILES__#const FILES = [$list];#" sw.js
grep -q "$build" sw.js
