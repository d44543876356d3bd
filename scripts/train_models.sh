#!/usr/bin/env bash
# Trains the shipped models from the open corpora folder and writes them to
# models/, byte for byte what is committed when the corpora and code are the
# same. Prints each model's scores on the corpora's test splits.
#   scripts/train_models.sh CORPORA_DIR      (e.g. ../shared/corpora)
# The tagger/lemmatizer and parser (en-pos.bin, en-dep.bin; newsx_train,
# docs/models.md) take about half an hour on one core; training is seeded
# and single-threaded.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPORA=${1:?usage: scripts/train_models.sh CORPORA_DIR}
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" --target newsx_train_ner newsx_train
"$BUILD_DIR/pipelines/newsx_train_ner" "$CORPORA" models/en-ner.bin
"$BUILD_DIR/pipelines/newsx_train" "$CORPORA" --out models --tagger-prune 0.5 --parser-prune 1 \
  --folds 1 --parser-epochs 8
# The repository keeps the two language models in parts of at most 4 MiB
# (the build joins them: extract/CMakeLists.txt).
for model in en-pos en-dep; do
  rm -f models/$model.bin.part-*
  split -b 4M -d -a 2 models/$model.bin models/$model.bin.part-
  rm models/$model.bin
done
