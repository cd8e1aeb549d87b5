#!/usr/bin/env python3
"""Trunk post-build hook: gives the built index.html a Content Security Policy.

Scripts run only from Gloss's own files and from the inline start-up scripts Trunk writes
(each allowed by its SHA-256 hash, computed here from the built page, so no 'unsafe-inline'
and no 'unsafe-eval'); WebAssembly is compiled under 'wasm-unsafe-eval'. Nothing is loaded
from another origin, no plug-ins, no frames, no forms sent anywhere. Styles may be set
inline (Leptos and the graph set style properties); articles are never inserted as HTML.
"""
import base64
import hashlib
import os
import re
import sys

MARK = "<!-- gloss-csp -->"


def policy(hashes):
    scripts = " ".join(f"'sha256-{h}'" for h in hashes)
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {scripts} 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def main():
    root = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
    if not root:
        sys.exit("stamp-csp: run by trunk as a post_build hook, or give the dist directory")
    path = os.path.join(root, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    bodies = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    hashes = [base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in bodies]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    if MARK not in html:
        sys.exit("stamp-csp: index.html has no " + MARK)
    html = html.replace(MARK, meta, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
