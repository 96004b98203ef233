#!/usr/bin/env bash
# Runs benchmarks on an earlier commit and on this tree in one run, alternating, so both meet the
# same machine: `scripts/bench-before-after.sh REV [BENCH…]` (default: schedule queue). The earlier
# commit is checked out in a temporary worktree beside this one, sharing node_modules, and built.
# Each side's output goes to bench/out/before-after-<side>-<round>.md; the rows are printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?give the commit to compare with, e.g. scripts/bench-before-after.sh 1aee8e4}"
shift
benches=("$@")
[ ${#benches[@]} -eq 0 ] && benches=(schedule queue)
rounds="${ROUNDS:-2}"
before="$(mktemp -d)/before"
git worktree add --detach "$before" "$rev" >/dev/null
trap 'git worktree remove --force "$before" >/dev/null 2>&1 || true' EXIT
ln -s "$PWD/node_modules" "$before/node_modules"
(cd "$before" && npm run build >/dev/null)
npm run build >/dev/null
mkdir -p bench/out
echo "# before: $(git rev-parse --short "$rev") · after: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted') · load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for side in before after; do
    dir=$([ "$side" = before ] && echo "$before" || echo "$PWD")
    out="$PWD/bench/out/before-after-$side-$round.md"
    (cd "$dir" && node --import tsx bench/run.ts "${benches[@]}") >"$out"
    echo
    echo "## $side, round $round (load $(cut -d' ' -f1-3 /proc/loadavg))"
    grep '^|' "$out" || true
  done
done
