#!/usr/bin/env bash
# Mutation testing of the rules, one module at a time (CPU-heavy: never in CI).
#
#   tools/mutation.sh engine/siena             # every mutant of trafficking_sim/engine/siena.py
#   tools/mutation.sh play/saves               # ... of trafficking_sim/play/saves.py
#   SAMPLE=0.1 tools/mutation.sh engine/core   # a seeded random 10% of engine/core.py's mutants
#   SAMPLE=40 SEED=7 tools/mutation.sh engine/state   # 40 of them, drawn with seed 7
#
# Only the named module's mutants run (mutmut gets their names, not a bare run). SAMPLE up to
# 1 is a fraction of the module's mutants, above 1 a count; SEED (default 12) makes the draw
# repeatable, so the same command runs the same mutants and the score can be reproduced.
# A mutant already killed is not run again (mutmut forgets a result itself when the function
# it mutates changes, and tests are only added); RERUN=all runs every selected mutant.
# MUTMUT_CHILDREN (default 1) mutants run at once; on a shared machine keep it at 1.
# mutmut maps which tests reach which function once, and again only for new tests: after
# changing the body of a test already in the selection, FRESH_MAP=1 drops the map so
# mutmut builds it again (about a minute), or it keeps running that test only where its
# old body reached.
#
# Configuration: [tool.mutmut] in pyproject.toml. Results: `python -m mutmut results`,
# one survivor's diff: `python -m mutmut show NAME`. Record the score in docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
module="${1:?which module? e.g. engine/siena}"
module="${module%.py}"
name="trafficking_sim.${module//\//.}"
python="${PYTHON:-python}"
children="${MUTMUT_CHILDREN:-1}"
sample="${SAMPLE:-}"
seed="${SEED:-12}"
meta="mutants/trafficking_sim/${module}.py.meta"

if [[ ! -f "trafficking_sim/${module}.py" ]]; then
  echo "no module trafficking_sim/${module}.py" >&2
  exit 2
fi

# mutmut copies the package into mutants/ once and never refreshes a file that is already
# there, so a catalogue (.po) or data file changed since then would fail the clean run.
# Bring every non-Python file of the package up to date (the .py files are mutmut's own).
"$python" - <<'PY'
import filecmp
import shutil
from pathlib import Path

src = Path("trafficking_sim")
dst = Path("mutants") / src
if dst.is_dir():
    for path in src.rglob("*"):
        if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
            continue
        target = dst / path.relative_to(src)
        if not target.is_file() or not filecmp.cmp(path, target, shallow=False):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
PY

if [[ -n "${FRESH_MAP:-}" ]]; then
  rm -f mutants/mutmut-stats.json
fi

if [[ ! -f "$meta" || "trafficking_sim/${module}.py" -nt "$meta" ]]; then
  # The first run generates every mutant (and the per-test stats); asking for a name that
  # matches nothing makes mutmut stop right after that, before it runs any mutant. After
  # the module changed, the same brings its list of mutants up to date before the draw
  # (drawn from the old list, a sample named mutants that no longer exist).
  echo "generating the mutants first ..."
  "$python" -m mutmut run --max-children "$children" "${name}.__nothing__" >/dev/null 2>&1 || true
  [[ -f "$meta" ]] || { echo "mutmut did not generate $meta" >&2; exit 1; }
fi

list="mutants/selection-${module//\//.}${sample:+-$sample-$seed}.txt"
todo="${list%.txt}.todo"
"$python" - "$meta" "${sample:-1}" "$seed" "$list" "$todo" "${RERUN:-}" <<'PY'
import json
import random
import sys

meta, sample, seed, out, todo, rerun = sys.argv[1:]
results = json.load(open(meta, encoding="utf-8"))["exit_code_by_key"]
names = sorted(results)
size = float(sample)
count = round(size * len(names)) if size <= 1 else int(size)
count = max(1, min(count, len(names)))
chosen = names if count == len(names) else sorted(random.Random(int(seed)).sample(names, count))
# mutmut's exit codes for a killed mutant: a test failed (1, 3), a timeout, the type check.
killed = {1, 3, 36, 37, -24, 24, 152, 255}
run = [n for n in chosen if rerun == "all" or results[n] not in killed]
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(n + "\n" for n in chosen))
with open(todo, "w", encoding="utf-8") as f:
    f.write("".join(n + "\n" for n in run))
what = "all" if count == len(names) else f"a sample of {count} (seed {seed})"
print(f"{what} of {len(names)} mutants, listed in {out}; {len(run)} to run")
PY
mapfile -t selection <"$todo"

if ((${#selection[@]})); then
  "$python" -m mutmut run --max-children "$children" "${selection[@]}"
fi
"$python" -m mutmut results --all true 2>/dev/null | sed 's/^ *//' | grep -F -f <(sed 's/$/:/' "$list") |
  awk -v m="$name" -v s="${sample:+ (sample $sample, seed $seed)}" '
  { total++ } /: killed/ || /: timeout/ || /: caught by type check/ { killed++ }
  /: survived/ || /: no tests/ || /: not checked/ || /: suspicious/ || /: segfault/ { print }
  END { printf "%s%s: %d of %d mutants killed (%.1f%%)\n", m, s, killed, total, total ? 100 * killed / total : 0 }'
