#!/usr/bin/env python3
"""Candidate miner for the labelled pair set in tests/data/matching/ (see its README).

Standard library only. Reads ../shared/data/news/news_articles_dev.csv, finds multi-outlet
stories by shared rare words within a few days, picks stories with a fixed seed and prints
candidate sentence pairs (with char offsets into the article text) for a person to label.
Usage: python3 examples/matching/mine.py SHARED_DIR stories|candidates|write|append
"""
import csv, math, random, re, sys, collections, json, hashlib

csv.field_size_limit(10**9)
SHARED = sys.argv[1]
MODE = sys.argv[2]
rows = list(csv.DictReader(open(SHARED + "/data/news/news_articles_dev.csv", encoding="utf-8")))
STOP = set("""a an the and or but of to in on at for from by with as is are was were be been being
it its this that these those he she they we you i his her their our your him them us not no
said says say will would could should can may might has have had do does did than then there
here who whom which what when where why how all any some more most other into over after before
about also just one two new up out if so such only very s t mr mrs ms""".split())
WORD = re.compile(r"[a-z0-9]+")

def words(t):
    return [w for w in WORD.findall(t.lower()) if w not in STOP and len(w) > 2]

def date(r):
    y, m, d = (int(x) for x in r["publish_date"].split()[0].split("/"))
    return y * 400 + m * 31 + d

def outlet(r):
    return r["article_source_link"].split("/")[2]

SENT = re.compile(r"[^\n]+?(?:[.!?](?:[\"'\u201d\u2019?])?(?=\s+[\"\u201c\u2018(]?[A-Z0-9])|$)", re.S)

def sentences(text):
    """(start, end) char offsets of sentences of 8..60 words."""
    out = []
    for m in SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        n = len(text[s:e].split())
        if 8 <= n <= 60:
            out.append((s, e))
    return out

df = collections.Counter()
bags = []
for r in rows:
    ws = set(words(r["title"] + " " + r["text"]))
    bags.append(ws)
    df.update(ws)
N = len(rows)

def vec(ws, lo=2, hi=40):
    v = {w: math.log(N / df[w]) for w in ws if lo <= df[w] <= hi}
    n = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / n for w, x in v.items()}

def cos(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())

vecs = [vec(b) for b in bags]
inv = collections.defaultdict(list)
for i, v in enumerate(vecs):
    for w in v:
        inv[w].append(i)
# article pairs from different outlets within 3 days with cosine >= 0.30
parent = list(range(N))
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
edges = []
for i in range(N):
    cand = set()
    for w in vecs[i]:
        cand.update(j for j in inv[w] if j > i)
    for j in cand:
        if outlet(rows[i]) == outlet(rows[j]) and cos(vecs[i], vecs[j]) < 0.6:
            continue
        if abs(date(rows[i]) - date(rows[j])) > 3:
            continue
        c = cos(vecs[i], vecs[j])
        if c >= 0.30:
            edges.append((c, i, j))
edges.sort(reverse=True)
size = collections.Counter()
for c, i, j in edges:
    a, b = find(i), find(j)
    if a != b and size[a] + size[b] < 12:  # keep stories small and on one event
        parent[b] = a
        size[a] = (size[a] or 1) + (size[b] or 1)
groups = collections.defaultdict(list)
for i in range(N):
    groups[find(i)].append(i)
stories = [sorted(g, key=lambda i: int(rows[i]["article_id"])) for g in groups.values()
           if len({outlet(rows[i]) for i in g}) >= 2]
stories.sort(key=lambda g: int(rows[g[0]]["article_id"]))
rng = random.Random(20261201)
rng.shuffle(stories)

if MODE == "stories":
    for k, g in enumerate(stories):
        print(k, len(g), [(rows[i]["article_id"], outlet(rows[i])[:8]) for i in g], rows[g[0]]["title"][:70])
    sys.exit()

if MODE == "candidates":
    lo, hi = int(sys.argv[3]), int(sys.argv[4])
    sdf = collections.Counter()
    allsent = {}
    for i in range(N):
        ss = sentences(rows[i]["text"])
        allsent[i] = ss
        for s, e in ss:
            sdf.update(set(words(rows[i]["text"][s:e])))
    M = sum(len(v) for v in allsent.values())
    def svec(t):
        ws = collections.Counter(words(t))
        v = {w: c * math.log(M / sdf[w]) for w, c in ws.items() if sdf[w]}
        n = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / n for w, x in v.items()}
    for k in range(lo, hi):
        g = stories[k]
        cands = []
        for x in range(len(g)):
            for y in range(x + 1, len(g)):
                i, j = g[x], g[y]
                for (s1, e1) in allsent[i]:
                    v1 = svec(rows[i]["text"][s1:e1])
                    for (s2, e2) in allsent[j]:
                        c = cos(v1, svec(rows[j]["text"][s2:e2]))
                        if c >= 0.22:
                            cands.append((c, i, s1, e1, j, s2, e2))
        cands.sort(reverse=True)
        used = collections.Counter()
        n = 0
        for c, i, s1, e1, j, s2, e2 in cands:
            if used[(i, s1)] >= 2 or used[(j, s2)] >= 2:
                continue
            used[(i, s1)] += 1
            used[(j, s2)] += 1
            a, b = rows[i], rows[j]
            print(json.dumps({"story": k, "c": round(c, 2),
                              "a": [a["article_id"], s1, e1], "b": [b["article_id"], s2, e2]}))
            print("  A:", a["text"][s1:e1])
            print("  B:", b["text"][s2:e2])
            n += 1
            if n >= 14:
                break
    sys.exit()

def labelled():
    """The numbered candidate lines of argv[3] ("#N {json}"), the labels of argv[4]
    ("N P" or "N N kind"), and the corpus rows by article id."""
    cands = {}
    for line in open(sys.argv[3], encoding="utf-8"):
        n, j = line.split(" ", 1)
        cands[int(n[1:])] = json.loads(j)
    labels = [l.split() for l in open(sys.argv[4], encoding="utf-8") if l.strip()]
    return cands, labels, {r["article_id"]: r for r in rows}

def label_of(l, c):
    """(label, kind) of a label line for candidate c: "N P" is the same claim (a copy
    when the sentence cosine is >= 0.85), "N N kind" a different one."""
    if l[1] == "P":
        return "same", ("copy" if c["c"] >= 0.85 else "paraphrase")
    return "different", l[2]

if MODE == "write":
    # python3 mine.py SHARED write CANDIDATES LABELS OUTDIR
    # CANDIDATES: the numbered candidate lines ("#N {json}"); LABELS: "N P" or "N N kind".
    cands, labels, by_id = labelled()
    out = sys.argv[5]
    # split by story with a fixed seed, before any tuning: ~2/3 dev, 1/3 test
    used_stories = sorted({cands[int(l[0])]["story"] for l in labels})
    srng = random.Random(11)
    order = used_stories[:]
    srng.shuffle(order)
    ndev = round(len(order) * 2 / 3)
    split = {s: ("dev" if i < ndev else "test") for i, s in enumerate(order)}
    stmts = {}
    def sid(art, s, e, role):
        key = (art, s, e)
        if key not in stmts:
            t = by_id[art]["text"][s:e]
            stmts[key] = (len(stmts) + 1, role, hashlib.sha256(t.encode("utf-8")).hexdigest()[:8])
        return stmts[key][0]
    pairs = []
    for l in sorted(labels, key=lambda l: int(l[0])):
        c = cands[int(l[0])]
        label, kind = label_of(l, c)
        a = sid(c["a"][0], c["a"][1], c["a"][2], "pair")
        b = sid(c["b"][0], c["b"][1], c["b"][2], "pair")
        pairs.append((c["story"], split[c["story"]], label, kind, a, b))
    # distractors: sentences of articles outside every labelled story, fixed seed
    story_articles = {rows[i]["article_id"] for k in used_stories for i in stories[k]}
    pool = []
    for r in rows:
        if r["article_id"] in story_articles:
            continue
        for s, e in sentences(r["text"]):
            pool.append((r["article_id"], s, e))
    drng = random.Random(5)
    for art, s, e in sorted(drng.sample(pool, 4000), key=lambda x: (int(x[0]), x[1])):
        sid(art, s, e, "distractor")
    with open(out + "/statements.tsv", "w", encoding="utf-8") as f:
        f.write("statement\trole\tarticle_id\tstart\tend\tsha256_8\n")
        for (art, s, e), (i, role, h) in sorted(stmts.items(), key=lambda kv: kv[1][0]):
            f.write(f"{i}\t{role}\t{art}\t{s}\t{e}\t{h}\n")
    with open(out + "/pairs.tsv", "w", encoding="utf-8") as f:
        f.write("pair\tstory\tsplit\tlabel\tkind\ta\tb\n")
        for n, (st, sp, la, ki, a, b) in enumerate(pairs, 1):
            f.write(f"{n}\t{st}\t{sp}\t{la}\t{ki}\t{a}\t{b}\n")
    print("statements", len(stmts), "pairs", len(pairs), "stories", len(used_stories),
          "dev stories", ndev, file=sys.stderr)

if MODE == "append":
    # python3 mine.py SHARED append CANDIDATES LABELS OUTDIR SPLIT
    # Adds the labelled candidates (same formats as `write`) to OUTDIR's statements.tsv
    # and pairs.tsv as one more split named SPLIT, leaving every existing row as it is:
    # new statement and pair ids continue the numbering, every labelled story goes to
    # SPLIT, no distractors are drawn. A pair side is always a new `pair` statement,
    # even where an existing distractor has the same offsets.
    cands, labels, by_id = labelled()
    out, split_name = sys.argv[5], sys.argv[6]
    old_s = open(out + "/statements.tsv", encoding="utf-8").read().splitlines()[1:]
    old_p = [l.split("\t") for l in open(out + "/pairs.tsv", encoding="utf-8").read().splitlines()[1:]]
    if any(p[2] == split_name for p in old_p):
        sys.exit(f"split {split_name} is already in {out}/pairs.tsv")
    used_stories = sorted({cands[int(l[0])]["story"] for l in labels})
    if set(used_stories) & {int(p[1]) for p in old_p}:
        sys.exit("some of these stories already have pairs")
    next_sid = max(int(l.split("\t")[0]) for l in old_s) + 1
    next_pid = max(int(p[0]) for p in old_p) + 1
    stmts = {}
    def sid(art, s, e):
        key = (art, s, e)
        if key not in stmts:
            t = by_id[art]["text"][s:e]
            stmts[key] = (next_sid + len(stmts), hashlib.sha256(t.encode("utf-8")).hexdigest()[:8])
        return stmts[key][0]
    pairs = []
    for l in sorted(labels, key=lambda l: int(l[0])):
        c = cands[int(l[0])]
        label, kind = label_of(l, c)
        a = sid(c["a"][0], c["a"][1], c["a"][2])
        b = sid(c["b"][0], c["b"][1], c["b"][2])
        pairs.append((c["story"], label, kind, a, b))
    with open(out + "/statements.tsv", "a", encoding="utf-8") as f:
        for (art, s, e), (i, h) in sorted(stmts.items(), key=lambda kv: kv[1][0]):
            f.write(f"{i}\tpair\t{art}\t{s}\t{e}\t{h}\n")
    with open(out + "/pairs.tsv", "a", encoding="utf-8") as f:
        for n, (st, la, ki, a, b) in enumerate(pairs, next_pid):
            f.write(f"{n}\t{st}\t{split_name}\t{la}\t{ki}\t{a}\t{b}\n")
    print("statements", len(stmts), "pairs", len(pairs), "stories", len(used_stories),
          "split", split_name, file=sys.stderr)
