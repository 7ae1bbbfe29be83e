#!/usr/bin/env bash
# Regenerates the Langium output (AST, grammar, module, TextMate grammar) and fails if it differs from
# what is committed, so the committed files always match grammar/credal.langium.
set -euo pipefail
cd "$(dirname "$0")/.."
GENERATED=(language-server/src/generated syntaxes)
npm run --silent langium:generate </dev/null
# `git status` also sees generated files that are new (untracked) or deleted, which `git diff` alone misses.
changes=$(git status --porcelain --untracked-files=all -- "${GENERATED[@]}")
if [ -n "$changes" ]; then
  echo "Generated files differ from the committed ones; run 'npm run langium:generate' and commit:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat -- "${GENERATED[@]}" >&2
  exit 1
fi
echo "generated files are up to date"
