#!/usr/bin/env bash
# Native throughput and peak memory of the CLI on one 10 MB document made
# by concatenating PolNeAR article texts (written to a temporary file, never
# into the project).
#
#   bash bench/native.sh [DATA] [LEDE]
set -euo pipefail
DATA=${1:-../shared/data}
LEDE=${2:-target/release/lede}
SRC="$DATA/polnear/train.jsonl"
if [ ! -f "$SRC" ]; then
  echo "bench: $SRC not found: the PolNeAR articles live in ../shared/data (set DATA=…)" >&2
  exit 2
fi
DOC=$(mktemp /tmp/lede-bench-XXXXXX.txt)
trap 'rm -f "$DOC" "$DOC.time"' EXIT
python3 - "$SRC" "$DOC" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
texts = [json.loads(l)["text"] for l in open(src, encoding="utf-8") if l.strip()]
out, size, i = [], 0, 0
while size < 10_000_000:
    t = texts[i % len(texts)]
    out.append(t)
    size += len(t.encode("utf-8")) + 2
    i += 1
open(dst, "w", encoding="utf-8").write("\n\n".join(out))
PY
BYTES=$(wc -c < "$DOC")
best=""
for run in 1 2 3; do
  /usr/bin/time -f '%e %M' -o "$DOC.time" "$LEDE" "$DOC" > /dev/null
  read -r secs kb < "$DOC.time"
  echo "  run $run: ${secs} s, peak ${kb} KB" >&2
  if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; peak=$kb; fi
done
awk -v b="$BYTES" -v s="$best" -v k="$peak" 'BEGIN {
  printf "native: one %.1f MB document, best of 3: %.2f MB/s, peak memory %.0f MB (max RSS)\n", b/1e6, (s > 0 ? b/1e6/s : 0), k/1024 }'
