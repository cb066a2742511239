#!/usr/bin/env python3
"""How much of a history scan could skip modified blobs whose changes hold no rule keyword.

Usage: bench/history-changed-lines.py REPO RULES_DIR [CONTEXT]
For each distinct blob a one-parent commit modified (blob B at path P whose parent had blob A
at P), the lines of B not in A and of A not in B (line-set difference), plus CONTEXT lines
around each (default 0), are searched for any rule keyword (case-insensitive; committed-dotenv's
only in .env files). Prints how many blobs and bytes have no such hit: an upper bound, by bytes,
of what a history scan could carry over from the parent instead of scanning (bench/README.md).
"""
import json, glob, re, subprocess, sys, fnmatch
repo = sys.argv[1]; rules_dir = sys.argv[2]
K = int(sys.argv[3]) if len(sys.argv) > 3 else 0
kw_all = set(); kw_dotenv = set()
for f in glob.glob(rules_dir + '/*.json'):
    if f.endswith('schema.json'): continue
    r = json.load(open(f))
    ks = [k.lower() for k in r.get('keywords', [])]
    if r['id'] == 'committed-dotenv': kw_dotenv.update(ks)
    else: kw_all.update(ks)
def rx(ks): return re.compile('|'.join(re.escape(k) for k in sorted(ks, key=len, reverse=True)))
rx_all = rx(kw_all); rx_env = rx(kw_all | kw_dotenv)
def is_env(path):
    base = path.rsplit('/', 1)[-1]
    return any(fnmatch.fnmatch(base, g) for g in ['.env', '.env.*', '*.env'])
cat = subprocess.Popen(['git', 'cat-file', '--batch'], cwd=repo, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def blob(oid):
    cat.stdin.write((oid + '\n').encode()); cat.stdin.flush()
    h = cat.stdout.readline().split()
    n = int(h[2]); data = cat.stdout.read(n + 1)[:-1]
    return h[1], data
log = subprocess.run(['git', 'log', '--all', '--date-order', '--reverse', '-c', '--raw', '-z', '--no-abbrev',
    '--no-renames', '--root', '--format=%x01%H'], cwd=repo, capture_output=True).stdout
fields = log.split(b'\0'); i = 0
seen = set()
st = dict(blobs=0, bytes=0, mod=0, modbytes=0, quiet_add=0, quiet_add_bytes=0, quiet_both=0, quiet_both_bytes=0,
          binary=0)
sizes = []
while i < len(fields):
    f = fields[i].lstrip(b'\n'); i += 1
    if not f or f.startswith(b'\x01'): continue
    if f.startswith(b':'):
        path = fields[i].decode('utf-8', 'replace'); i += 1
        parents = len(f) - len(f.lstrip(b':'))
        parts = f[parents:].split(b' ')
        mode = parts[parents].decode(); new = parts[2 * parents + 1].decode()
        if mode in ('000000', '160000', '120000') or set(new) == {'0'}: continue
        if new in seen: continue
        seen.add(new)
        kind, b = blob(new)
        if b'\0' in b[:8000]: st['binary'] += 1; continue
        st['blobs'] += 1; st['bytes'] += len(b)
        if parents != 1: continue
        old = parts[parents + 1].decode()
        oldmode = parts[0].decode()
        if set(old) == {'0'} or oldmode in ('160000', '120000'): continue
        _, a = blob(old)
        st['mod'] += 1; st['modbytes'] += len(b)
        r = rx_env if is_env(path) else rx_all
        la = a.lower().split(b'\n'); lb = b.lower().split(b'\n')
        sa = set(la); sb = set(lb)
        def near(lines, other):
            marks = set()
            for i, l in enumerate(lines):
                if l not in other: marks.update(range(max(0, i-K), min(len(lines), i+K+1)))
            return [lines[i] for i in marks]
        added = near(lb, sa); removed = near(la, sb)
        hit_add = any(r.search(l.decode('utf-8', 'replace')) for l in added)
        hit_rem = any(r.search(l.decode('utf-8', 'replace')) for l in removed)
        if not hit_add:
            st['quiet_add'] += 1; st['quiet_add_bytes'] += len(b)
            if not hit_rem: st['quiet_both'] += 1; st['quiet_both_bytes'] += len(b)
print(json.dumps(st, indent=1))
print('modified share of blobs %.1f%% bytes %.1f%%' % (100*st['mod']/st['blobs'], 100*st['modbytes']/st['bytes']))
print('no hit on added lines: %.1f%% of blobs, %.1f%% of bytes' % (100*st['quiet_add']/st['blobs'], 100*st['quiet_add_bytes']/st['bytes']))
print('no hit on added or removed lines: %.1f%% of blobs, %.1f%% of bytes' % (100*st['quiet_both']/st['blobs'], 100*st['quiet_both_bytes']/st['bytes']))
