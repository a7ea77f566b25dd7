"""Code-section bytes of a wasm file summed by the crate in each function name (its name section); a stand-in for `twiggy top` where twiggy is not installed.

Usage: python3 docs/wasm-code-by-crate.py target/wasm-bindgen/release/metricscope_bg.wasm [N]
"""
import sys, re, collections
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
data = open(sys.argv[1], 'rb').read()
i = 8; imports = 0; bodies = []; names = {}
while i < len(data):
    sid = data[i]; i += 1; size, i = leb(data, i); end = i + size
    if sid == 2:
        n, j = leb(data, i)
        for _ in range(n):
            l, j = leb(data, j); j += l; l, j = leb(data, j); j += l
            kind = data[j]; j += 1
            if kind == 0: _, j = leb(data, j); imports += 1
            elif kind == 1: j += 1; fl = data[j]; j += 1; _, j = leb(data, j); j = leb(data, j)[1] if fl & 1 else j
            elif kind == 2: fl = data[j]; j += 1; _, j = leb(data, j); j = leb(data, j)[1] if fl & 1 else j
            elif kind == 3: j += 2
            else: j += 2
    elif sid == 10:
        n, j = leb(data, i)
        for _ in range(n):
            l, j = leb(data, j); bodies.append(l); j += l
    elif sid == 0:
        l, j = leb(data, i); nm = data[j:j+l].decode(); j += l
        if nm == 'name':
            while j < end:
                sub = data[j]; j += 1; sl, j = leb(data, j); se = j + sl
                if sub == 1:
                    n, k = leb(data, j)
                    for _ in range(n):
                        idx, k = leb(data, k); l, k = leb(data, k); names[idx] = data[k:k+l].decode('utf8', 'replace'); k += l
                j = se
    i = end
tot = collections.Counter()
for f, size in enumerate(bodies):
    name = names.get(f + imports, '?')
    m = re.findall(r'(?:_ZN|^)(?:\d+)?([a-z_][a-z0-9_]*)', name)
    crate = '?'
    mm = re.match(r'_ZN\d+([A-Za-z_][A-Za-z0-9_]*)', name) or re.match(r'<?([a-z_][a-z0-9_]*)::', name)
    if mm: crate = mm.group(1)
    elif name.startswith('<'):
        mm = re.match(r'<+([a-z_][a-z0-9_]*)', name); crate = mm.group(1) if mm else '?'
    tot[crate] += size
print('total code bytes', sum(bodies), 'functions', len(bodies), 'named', len(names))
for c, s in tot.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 25):
    print(f'{s:>9} {c}')
