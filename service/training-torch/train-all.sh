#!/usr/bin/env bash
# The default pack's whole training, in one command (not part of CI; about an hour on 2 cores):
#   npm run train:all -w service -- ../shared/datasets
# tail inputs -> torch port check -> tail fine-tune -> encoder build -> heads, PCA, calibration -> learned projection.
# Needs Debian's python3-torch (apt-get install python3-torch); seeded throughout.
set -euo pipefail
# npm runs workspace scripts in service/; a relative path means relative to where npm was run.
DATASETS=$(cd "${INIT_CWD:-$PWD}" && realpath "${1:-../shared/datasets}")
cd "$(dirname "$0")/.."
PACK=packs/kalas-fashion-mnv2
PY=/usr/bin/python3   # Debian's python, where python3-torch is installed (not a pyenv one)
"$PY" -c "import torch" 2>/dev/null || { echo "python3-torch is missing: apt-get install python3-torch" >&2; exit 1; }

node --import tsx src/training/extract-tail-inputs.ts --datasets "$DATASETS" --out .cache/tail
# The torch tail must reproduce the stock ONNX encoder before it may be trained.
"$PY" training-torch/check_tail.py --cache .cache/tail
# Photo and mirror only: the cached zoomed crops (views 3-4) cost article-type accuracy (training-torch/README.md).
"$PY" training-torch/finetune_tail.py --cache .cache/tail --pack "$PACK" --views 2
node bin/kalas-iris.js model build --only kalas-fashion-mnv2 --record-sha
node --import tsx src/training/train-pack.ts --datasets "$DATASETS"
# Last, the search projection: PCA (written by train-pack) is replaced by a learned one only if it
# finds more same-kind, same-colour neighbours on the calibration slice.
sha=$(node -p "require('./$PACK/manifest.json').encoder.sha256.slice(0, 12)")
"$PY" training-torch/train_projection.py --features ".cache/features/kalas-fashion-mnv2-$sha" --meta .cache/tail/meta.json --pack "$PACK"
