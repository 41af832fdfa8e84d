#!/usr/bin/env python3
"""baton's SARIF against the SARIF 2.1.0 schema, and what GitHub code scanning
requires on top of it (non-empty rule help and descriptions, regions with
start and end, partialFingerprints).

Usage: sarif_schema_test.py BATON SCHEMA SOURCE_DIR
Exits 0 when every log validates, 1 when one does not, 77 (skipped) when the
Python package jsonschema is not installed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (Debian: python3-jsonschema); skipped")
    sys.exit(77)


def run(baton, args, cwd):
    done = subprocess.run([baton, "check", "--format", "sarif", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)
    if done.returncode == 2:
        raise SystemExit(f"baton {' '.join(args)} failed: {done.stderr}")
    return json.loads(done.stdout)


def github_problems(log):
    """The GitHub ingestion rules the schema leaves optional."""
    problems = []
    run = log["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            text = rule.get(key, {}).get("text", "")
            if not text or len(text) > (1024 if key != "help" else 10**9):
                problems.append(f"rule {rule.get('id')}: {key}.text is empty or too long")
        if not rule.get("helpUri", "").startswith("https://"):
            problems.append(f"rule {rule.get('id')}: no https helpUri")
    for result in run["results"]:
        if not result.get("message", {}).get("text"):
            problems.append("a result without message text")
        if "primaryLocationLineHash" not in result.get("partialFingerprints", {}):
            problems.append(f"result {result.get('ruleId')}: no primaryLocationLineHash")
        region = result["locations"][0]["physicalLocation"]["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            if key not in region:
                problems.append(f"result {result.get('ruleId')}: region without {key}")
    return problems


def main():
    baton, schema_path, source_dir = (os.path.abspath(arg) for arg in sys.argv[1:4])
    with open(schema_path, encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    validator = jsonschema.Draft4Validator(schema)
    broken = os.path.join(source_dir, "fixtures", "examples", "broken-handoff.md")
    work = tempfile.mkdtemp(prefix="baton-sarif-")
    try:
        # A copy with an inline suppression, and a baseline of all but one finding.
        with open(broken, encoding="utf-8") as original:
            text = original.read()
        text = text.replace("Continue the workflow from the last task.",
                            "Continue the workflow from the last task. "
                            "<!-- baton-disable-line HP103 -- prose is fine here -->")
        handoff = os.path.join(work, "x-handoff.md")
        with open(handoff, "w", encoding="utf-8") as copy:
            copy.write(text)
        baseline = os.path.join(work, "baseline.json")
        subprocess.run([baton, "check", "--baseline-write", baseline, "x-handoff.md"], cwd=work,
                       capture_output=True, timeout=60)
        with open(handoff, "a", encoding="utf-8") as copy:
            copy.write('\n```\nRead("relative/new.md")\n```\n')
        cases = {
            "plain": ["x-handoff.md"],
            "fixes": ["--home", "/home/u", "x-handoff.md"],
            "suppressed": ["--include-suppressed", "x-handoff.md"],
            "baseline": ["--baseline", baseline, "x-handoff.md"],
            "baseline+suppressed": ["--baseline", baseline, "--include-suppressed", "--home", "/home/u",
                                    "x-handoff.md"],
            "clean": [os.path.join(source_dir, "fixtures", "examples", "clean-handoff.md")],
        }
        failures = 0
        for name, args in cases.items():
            log = run(baton, args, work)
            errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
            problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10]]
            problems += github_problems(log)
            results = log["runs"][0]["results"]
            print(f"{name}: {len(results)} results, "
                  f"{sum('fixes' in r for r in results)} with fixes, "
                  f"{sum('suppressions' in r for r in results)} suppressed: "
                  f"{'invalid' if problems else 'valid'}")
            for problem in problems:
                print(f"  {problem}")
            failures += bool(problems)
        # The cases must exercise what they are named after.
        expectations = [
            ("fixes", lambda rs: any("fixes" in r for r in rs)),
            ("suppressed", lambda rs: any(s["kind"] == "inSource" for r in rs for s in r.get("suppressions", []))),
            ("baseline+suppressed", lambda rs: any(s["kind"] == "external" for r in rs for s in r.get("suppressions", []))),
            ("baseline", lambda rs: rs and all(r.get("baselineState") == "new" for r in rs)),
        ]
        for name, holds in expectations:
            if not holds(run(baton, cases[name], work)["runs"][0]["results"]):
                print(f"{name}: the log does not show what the case is for")
                failures += 1
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
