#!/usr/bin/env python3
"""Where a wasm module's code goes: function bytes by feature and by crate, read from its name
section (so a module with names: wasm-bindgen's output, or wasm-opt's with -g). The zlib-9
column compresses each group's function bodies together, a rough guide to its gzipped share.
BENCHMARKS.md ("First-load transfer size") says how to make such a module from a build.

usage: python3 scripts/wasm-sizes.py FILE.wasm [--top N] [--grep REGEX]
  --grep REGEX   list the functions whose name matches, largest first, instead of the groups"""
import sys, re, collections, zlib
def leb(b, i):
    r = 0; s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
b = open(sys.argv[1], 'rb').read()
args = sys.argv[2:]
top = int(args[args.index('--top') + 1]) if '--top' in args else 0
grep = args[args.index('--grep') + 1] if '--grep' in args else None
i = 8; imports_funcs = 0; names = {}; code = None
while i < len(b):
    sid = b[i]; i += 1
    n, i = leb(b, i); body = b[i:i + n]
    if sid == 0:
        l, j = leb(body, 0); nm = body[j:j + l].decode()
        if nm == 'name':
            k = j + l
            while k < len(body):
                sub = body[k]; k += 1
                sz, k = leb(body, k)
                if sub == 1:
                    p = k
                    cnt, p = leb(body, p)
                    for _ in range(cnt):
                        idx, p = leb(body, p); ln, p = leb(body, p)
                        names[idx] = body[p:p + ln].decode('utf8', 'replace'); p += ln
                k += sz
    elif sid == 2:
        cnt, p = leb(body, 0)
        for _ in range(cnt):
            l, p = leb(body, p); p += l
            l, p = leb(body, p); p += l
            kind = body[p]; p += 1
            if kind == 0: _, p = leb(body, p); imports_funcs += 1
            elif kind == 1:
                p += 1; fl = body[p]; p += 1; _, p = leb(body, p)
                if fl & 1: _, p = leb(body, p)
            elif kind == 2:
                fl = body[p]; p += 1; _, p = leb(body, p)
                if fl & 1: _, p = leb(body, p)
            elif kind == 3: p += 2
            elif kind == 4: p += 1; _, p = leb(body, p)
    elif sid == 10:
        code = body
    i += n
cnt, p = leb(code, 0)
funcs = []
for f in range(cnt):
    sz, q = leb(code, p); funcs.append((names.get(imports_funcs + f, '?'), q - p + sz, code[q:q + sz])); p = q + sz

FEATURES = [
    ('std sorts', r'core::slice::sort::|slice::sort::|::sort::(stable|unstable|shared|select)|insertion_sort|heapsort|driftsort|quicksort|smallsort|stable_partition'),
    ('serde/postcard', r'serde|postcard|Deserialize|Visitor|Serializ'),
    ('formatting', r'core::fmt|alloc::fmt|::fmt::h|as core::fmt::|fmt::Display|fmt::Debug|float_to_|flt2dec|dragon|grisu|alloc::string::ToString|to_string'),
    ('hash maps', r'hashbrown|core::hash|std::hash|RandomState|SipHasher|hash_map|hash_set|BuildHasher'),
    ('btree', r'collections::btree'),
    ('leptos (tachys)', r'tachys'),
    ('leptos (reactive_graph)', r'reactive_graph'),
    ('leptos (other)', r'leptos|any_spawner|throw_error|or_poisoned|wasm_split|send_wrapper|slotmap|futures'),
    ('wasm-bindgen/js-sys/web-sys', r'wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen|externref'),
    ('app: overview', r'parallax_app::pages::overview'),
    ('app: compare page code', r'parallax_app::pages::compare'),
    ('app: url_state', r'parallax_app::url_state'),
    ('app: shards/fetch', r'parallax_app::(shards|fetch)'),
    ('app: local (your articles)', r'parallax_app::local'),
    ('app: export', r'parallax_app::export'),
    ('app: other pages', r'parallax_app::pages'),
    ('app: components', r'parallax_app::components'),
    ('app: shell/other', r'parallax_app'),
    ('core: bundle', r'parallax_core::bundle'),
    ('core: search', r'parallax_core::search'),
    ('core: compare', r'parallax_core::compare'),
    ('core: entities/aliases/variants', r'parallax_core::(entities|aliases|variants|label)'),
    ('core: other', r'parallax_core'),
    ('allocator', r'dlmalloc|__rust_alloc|__rust_dealloc|__rust_realloc|alloc::alloc|raw_vec|RawVec'),
    ('strings/unicode', r'core::str|alloc::str|unicode|char::methods|to_lowercase|to_uppercase'),
    ('panics', r'panic'),
    ('core/alloc/std other', r'^(core|alloc|std)::|^<(core|alloc|std)::'),
]
def feature(n):
    for name, rx in FEATURES:
        if re.search(rx, n): return name
    return 'other'
def crate(n):
    m = re.match(r'<?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)', n)
    return m.group(1) if m else n[:20]
if grep:
    rows = [(sz, n) for n, sz, _ in funcs if re.search(grep, n)]
    rows.sort(reverse=True)
    print('matching', len(rows), 'bytes', sum(s for s, _ in rows))
    for sz, n in rows[:top or 50]: print(f'{sz:8d} {n[:200]}')
    sys.exit()
tot = sum(sz for _, sz, _ in funcs)
print(f'{sys.argv[1]}: {len(funcs)} functions, {tot} code bytes, {len(b)} file bytes, {len(zlib.compress(b, 9))} zlib-9')
for title, key in (('by feature', feature), ('by crate', crate)):
    agg = collections.Counter(); body = collections.defaultdict(bytearray); cnt = collections.Counter()
    for n, sz, bd in funcs:
        k = key(n); agg[k] += sz; body[k] += bd; cnt[k] += 1
    print(f'\n{title}:  code bytes   share  zlib-9  functions')
    for k, s in agg.most_common(top or 30):
        print(f'  {k:34s} {s:9d} {100*s/tot:5.1f}% {len(zlib.compress(bytes(body[k]), 9)):8d} {cnt[k]:6d}')
