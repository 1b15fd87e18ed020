"""What the explorer found, as plain data (for --json and CI) and as text for authors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content.bundle import GameContent
from ..play.notation import as_script
from .search import (
    Search,
    alone,
    explore,
    known_at_start,
    special_tasks,
)


def explore_report(
    content: GameContent,
    roles: list[str],
    *,
    seed: int = 1,
    budget: int = 200_000,
    max_turns: int | None = None,
    cooperation_only: bool = False,
) -> dict[str, Any]:
    """Search each role (unless only the cooperation check is asked) and judge the results.

    Errors: a role that reaches its special task without any exchange; an ending or an
    objective that a complete search proves unreachable.
    """
    report: dict[str, Any] = {
        "scenario": content.id,
        "seed": seed,
        "budget": budget,
        "roles": [],
        "errors": [],
    }
    for role in roles:
        entry: dict[str, Any] = {"role": role}
        if not cooperation_only:
            search = explore(content, role, seed=seed, budget=budget, max_turns=max_turns)
            entry.update(_full(content, search))
            for ident, found in entry["objectives"].items():
                owner = content.objectives[ident].owner
                if found["verdict"] == "unreachable" and owner == role:
                    report["errors"].append(f"{role}: its objective '{ident}' cannot be reached")
        check = explore(content, role, seed=seed, budget=budget, max_turns=max_turns, allow=alone)
        tasks = special_tasks(content, role)
        won = {t: as_script(check.objectives[t]) for t in tasks if t in check.objectives}
        entry["cooperation"] = {
            "special_tasks": tasks,
            "reachable_alone": won,
            "complete": check.complete,
            "states": check.states,
            "seconds": round(check.seconds, 3),
        }
        if not tasks:
            report["errors"].append(f"{role}: no objective is marked as its special task")
        for task, script in won.items():
            report["errors"].append(
                f"{role}: the special task '{task}' can be done alone, without any exchange "
                f"({len(script)} actions: {'; '.join(script)})"
            )
        if tasks and not won and not check.complete:
            entry["cooperation"]["note"] = "not proved: the search ran out of budget"
        report["roles"].append(entry)
    if not cooperation_only and set(roles) == set(content.roles):
        _whole_scenario(content, report)
    return report


def _whole_scenario(content: GameContent, report: dict[str, Any]) -> None:
    """What no role reaches, uses or changes: errors and dead content of the scenario."""
    entries = report["roles"]
    summary: dict[str, Any] = {"endings_not_proved": []}
    for ending in content.endings:
        verdicts = {e["endings"][ending]["verdict"] for e in entries}
        if verdicts == {"unreachable"}:
            report["errors"].append(f"no role can reach the ending '{ending}'")
        elif "reachable" not in verdicts:
            summary.setdefault("endings_not_proved", []).append(ending)
    for key in (
        "facts_never_learned",
        "rules_never_fired",
        "injects_never_triggered",
        "actions_that_change_nothing",
    ):
        common = set(entries[0][key]) if entries else set()
        for entry in entries[1:]:
            common &= set(entry[key])
        summary[key] = sorted(common)
    summary["complete"] = all(e["complete"] for e in entries)
    report["scenario_summary"] = summary


def _full(content: GameContent, search: Search) -> dict[str, Any]:
    def outcome(found: list[Any] | None) -> dict[str, Any]:
        verdict = search.verdict(found is not None)
        result: dict[str, Any] = {"verdict": verdict}
        if found is not None:
            result["actions"] = len(found)
            result["script"] = as_script(found)
        return result

    scenario = content.scenario
    never_learned = sorted(set(content.facts) - search.facts_learned - known_at_start(content))
    return {
        "search": {
            "states": search.states,
            "expanded": search.expanded,
            "exhausted": search.exhausted,
            "seconds": round(search.seconds, 3),
            "beam_seconds": round(search.beam_seconds, 3),
            "states_per_second": round(search.states / search.seconds) if search.seconds else 0,
            "max_turns": search.max_turns,
        },
        # The player's own cooperation: the fewest own exchanges found on the way to a best
        # ending, and how many the best rating asks for.
        "fewest_exchanges_to_best": search.fewest_exchanges_to_best,
        "exchanges_for_best_rating": scenario.scoring.min_exchanges,
        "endings": {e.id: outcome(search.endings.get(e.id)) for e in scenario.endings},
        "objectives": {o.id: outcome(search.objectives.get(o.id)) for o in scenario.objectives},
        "facts_never_learned": never_learned,
        "rules_never_fired": sorted({r.id for r in scenario.rules} - search.rules_fired),
        "injects_never_triggered": sorted(set(content.injects) - search.injects_seen),
        "actions_that_change_nothing": sorted(search.actions_tried - search.actions_effective),
        "complete": search.complete,
    }


def print_explore_report(report: dict[str, Any]) -> None:
    print(
        f"Scenario '{report['scenario']}', seed {report['seed']}, budget "
        f"{report['budget']:,} states"
    )
    for entry in report["roles"]:
        print(f"\nRole {entry['role']}")
        if "search" in entry:
            s = entry["search"]
            state = "budget exhausted: 'not proved' is no proof" if s["exhausted"] else ("complete")
            print(
                f"  searched {s['states']:,} states up to turn {s['max_turns']} in "
                f"{s['seconds']:.1f} s ({s['states_per_second']:,}/s); {state}"
            )
            fewest = entry["fewest_exchanges_to_best"]
            print(
                "  own exchanges on the way to a best ending: "
                + (f"at least {fewest} found" if fewest is not None else "no best ending found")
                + f"; the best rating needs {entry['exchanges_for_best_rating']}"
            )
            for kind in ("endings", "objectives"):
                print(f"  {kind}:")
                for ident, found in entry[kind].items():
                    size = f" in {found['actions']} actions" if "actions" in found else ""
                    print(f"    {ident}: {found['verdict']}{size}")
            for label, key in (
                ("facts never learned", "facts_never_learned"),
                ("rules that never fired", "rules_never_fired"),
                ("injects never triggered", "injects_never_triggered"),
                ("actions that change nothing", "actions_that_change_nothing"),
            ):
                if entry[key]:
                    qualifier = "" if entry["complete"] else " (in the states searched)"
                    print(f"  {label}{qualifier}: {', '.join(entry[key])}")
        c = entry["cooperation"]
        if not c["special_tasks"]:
            verdict = "FAIL: no special task is marked"
        elif c["reachable_alone"]:
            verdict = "FAIL: reachable alone: " + ", ".join(c["reachable_alone"])
        elif c["complete"]:
            verdict = "ok: unreachable without exchange"
        else:
            verdict = "not proved (budget exhausted)"
        print(
            f"  cooperation check ({', '.join(c['special_tasks']) or '-'}; "
            f"{c['states']:,} states, {c['seconds']:.1f} s): {verdict}"
        )
    summary = report.get("scenario_summary")
    if summary:
        qualifier = "" if summary["complete"] else " (in the states searched)"
        print(f"\nFor every role{qualifier}:")
        for label, key in (
            ("facts never learned", "facts_never_learned"),
            ("rules that never fired", "rules_never_fired"),
            ("injects never triggered", "injects_never_triggered"),
            ("actions that change nothing", "actions_that_change_nothing"),
            ("endings not proved reachable", "endings_not_proved"),
        ):
            print(f"  {label}: {', '.join(summary.get(key, [])) or 'none'}")
    if report["errors"]:
        print("\nErrors:")
        for error in report["errors"]:
            print(f"  {error}")


def write_walkthroughs(report: dict[str, Any], folder: Path) -> list[Path]:
    """Each shortest path to an ending as a walkthrough file that CI can play."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in report["roles"]:
        for ending, found in entry.get("endings", {}).items():
            if "script" not in found:
                continue
            path = folder / f"{entry['role']}-explored-{ending}.txt"
            lines = [
                f"# expect: ending={ending}",
                f"# The shortest way found by 'trafficking-sim explore' (seed {report['seed']}).",
                *found["script"],
            ]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            written.append(path)
    return written
