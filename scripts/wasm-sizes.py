#!/usr/bin/env python3
"""Where a wasm module's bytes go, as twiggy's `top` would say (twiggy 0.7 cannot read the
bulk-memory and non-trapping float-to-int opcodes Rust now emits): the size of each function
body (named by the module's name section), each data segment and each other section, then
the code and data grouped by part (Gloss's modules, Leptos, serde, formatting, ...).

    scripts/wasm-sizes.py target/wasm-bindgen/release/gloss-web_bg.wasm [--top 30]

Run it on the wasm before wasm-opt (wasm-bindgen's output keeps the names); the shares
carry over to the optimised file roughly, not exactly. A figure, not a test."""
import argparse, re
from collections import defaultdict


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7F) << s; s += 7
        if x < 0x80:
            return r, i


def name_of(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode("utf-8", "replace"), i + n


def limits(b, k):
    fl, k = leb(b, k)
    _, k = leb(b, k)
    return leb(b, k)[1] if fl & 1 else k


def group(n):
    """A function's part: Rust's formatting machinery, Leptos, serde, the standard library,
    or a module of Gloss (two path segments deep: gloss::core::claims)."""
    if re.search(r"core::fmt|::fmt::|fmt::Write|Display|Debug|Formatter", n):
        return "formatting (core::fmt, Display, Debug)"
    m = re.search(r"\b(gloss::(?:core|app|web)::\w+|gloss_layout|gloss_web|gloss_parse)", n)
    if m and not n.startswith(("<alloc", "<core", "core::", "alloc::")):
        return m.group(1)
    for part, pats in [("Leptos (tachys, reactive_graph, leptos, any_spawner, ...)",
                        ("tachys", "reactive_graph", "leptos", "any_spawner", "or_poisoned",
                         "throw_error", "send_wrapper", "guardian")),
                       ("serde, serde_json", ("serde",)),
                       ("wasm-bindgen, js-sys, web-sys, gloo", ("wasm_bindgen", "js_sys", "web_sys", "gloo")),
                       ("hashbrown, indexmap", ("hashbrown", "indexmap")),
                       ("allocator (dlmalloc)", ("dlmalloc",))]:
        if any(p in n for p in pats):
            return part
    if m:
        return m.group(1)
    return "standard library and the rest (core, alloc, std, generics)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wasm")
    ap.add_argument("--top", type=int, default=30)
    a = ap.parse_args()
    b = open(a.wasm, "rb").read()
    assert b[:4] == b"\0asm", "not a wasm module"
    i, imports, bodies, names, data, other = 8, 0, [], {}, [], defaultdict(int)
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        end = j + size
        if sid == 2:  # the imported functions come first in the function index space
            n, k = leb(b, j)
            for _ in range(n):
                _, k = name_of(b, k)
                _, k = name_of(b, k)
                kind = b[k]; k += 1
                if kind == 0:
                    _, k = leb(b, k); imports += 1
                elif kind == 1:
                    k = limits(b, k + 1)
                elif kind == 2:
                    k = limits(b, k)
                elif kind == 3:
                    k += 2
                else:
                    _, k = leb(b, k + 1)
            other["imports"] += size
        elif sid == 10:
            n, k = leb(b, j)
            for _ in range(n):
                sz, k2 = leb(b, k)
                bodies.append(sz + (k2 - k))
                k = k2 + sz
        elif sid == 11:
            n, k = leb(b, j)
            for _ in range(n):
                fl, k = leb(b, k)
                if fl == 2:
                    _, k = leb(b, k)
                if fl in (0, 2):
                    while b[k] != 0x0B:
                        k += 1
                    k += 1
                sz, k = leb(b, k)
                data.append(sz)
                k += sz
        elif sid == 0:
            nm, k = name_of(b, j)
            if nm == "name":
                while k < end:
                    sub = b[k]
                    ssz, k2 = leb(b, k + 1)
                    if sub == 1:
                        n, q = leb(b, k2)
                        for _ in range(n):
                            idx, q = leb(b, q)
                            s, q = name_of(b, q)
                            names[idx] = s
                    k = k2 + ssz
            other[f"custom section {nm}"] += size
        else:
            other[{1: "types", 3: "function index", 4: "tables", 5: "memory", 6: "globals",
                   7: "exports", 8: "start", 9: "elements", 12: "data count"}.get(sid, f"section {sid}")] += size
        i = end
    total = len(b)
    items = [(sz, names.get(imports + k, f"code[{k}]")) for k, sz in enumerate(bodies)]
    items += [(sz, f"data[{k}]") for k, sz in enumerate(data)]
    items += [(sz, n) for n, sz in other.items()]
    items.sort(reverse=True)
    print(f"{total:>9} B  the whole module ({len(bodies)} functions, {sum(bodies)} B of code, {sum(data)} B of data)")
    for sz, n in items[:a.top]:
        print(f"{sz:>9} B  {100 * sz / total:5.2f}%  {n[:110]}")
    shipped = sum(bodies) + sum(data)
    groups = defaultdict(int)
    for k, sz in enumerate(bodies):
        groups[group(names.get(imports + k, "?"))] += sz
    groups["read-only data (lexicons, strings, tables)"] += sum(data)
    print(f"\nby part, of {shipped} B of code and data (the name section is not shipped):")
    for c, sz in sorted(groups.items(), key=lambda x: -x[1])[:a.top]:
        print(f"{sz:>9} B  {100 * sz / shipped:5.2f}%  {c}")


main()
