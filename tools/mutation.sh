#!/usr/bin/env bash
# Mutation testing of the rules, one module at a time (CPU-heavy: never in CI).
#
#   tools/mutation.sh engine/siena        # mutants of trafficking_sim/engine/siena.py
#   tools/mutation.sh play/saves          # ... of trafficking_sim/play/saves.py
#   tools/mutation.sh content/logic
#
# Configuration: [tool.mutmut] in pyproject.toml. Results: `python -m mutmut results`,
# one survivor's diff: `python -m mutmut show NAME`. Record the score in docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
module="${1:?which module? e.g. engine/siena}"
name="trafficking_sim.${module//\//.}"
python="${PYTHON:-python}"
children="${MUTMUT_CHILDREN:-1}"
"$python" -m mutmut run --max-children "$children" "${name}.*"
"$python" -m mutmut results --all true 2>/dev/null | grep -F "${name}." | awk -v m="$name" '
  { total++ } /: killed/ || /: timeout/ || /: caught by type check/ { killed++ }
  /: survived/ || /: no tests/ { print }
  END { printf "%s: %d of %d mutants killed (%.1f%%)\n", m, killed, total, total ? 100 * killed / total : 0 }'
