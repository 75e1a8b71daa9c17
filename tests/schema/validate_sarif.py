#!/usr/bin/env python3
"""validate_sarif: oapgraph's SARIF output against the official SARIF 2.1.0 JSON Schema.

usage: validate_sarif.py OAPGRAPH SOURCE_DIR SARIF_SCHEMA

The schema is not kept in the repository: CMake passes the path given with
-DOAP_SARIF_SCHEMA=..., and when there is none the test is skipped (exit 77, which
CTest reports as skipped) with a message saying how to give it.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    program, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    schema_path = sys.argv[3] if len(sys.argv) > 3 else ""
    if not schema_path:
        print("SKIP: no SARIF schema given (-DOAP_SARIF_SCHEMA=...)")
        return SKIP
    try:
        import jsonschema
    except ImportError:
        print("FAIL: python3-jsonschema is not installed")
        return 1
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    # The official schema declares draft-07; pick the validator it asks for.
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    checker = getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
    validator = cls(schema, format_checker=checker)
    print("schema %s, validator %s" % (schema.get("$schema"), cls.__name__))

    fixtures = os.path.join(source, "fixtures")
    work = tempfile.mkdtemp(prefix="oapgraph-sarif-")
    failed = 0

    def run(name, args, cwd=fixtures):
        nonlocal failed
        proc = subprocess.run([program, "check", "-q", "--no-config", "--format", "sarif"] + args,
                              cwd=cwd, capture_output=True)
        if proc.returncode not in (0, 1):
            print("FAIL %s: exit status %d: %s" % (name, proc.returncode, proc.stderr.decode()))
            failed += 1
            return
        try:
            doc = json.loads(proc.stdout.decode("utf-8"))
        except ValueError as e:
            print("FAIL %s: not JSON: %s" % (name, e))
            failed += 1
            return
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        problems = ["%s: %s" % ("/".join(map(str, e.absolute_path)), e.message)
                    for e in errors[:10]]
        # What code scanning relies on beyond the schema.
        run0 = doc["runs"][0]
        driver = run0["tool"]["driver"]
        rules = [r["id"] for r in driver["rules"]]
        if len(set(rules)) != len(rules):
            problems.append("a rule is listed twice")
        # What the Microsoft SARIF validator asks beyond the schema: the tool's
        # informationUri (SARIF2005), a name that is not the id in another case
        # (SARIF1001), a helpUri (SARIF2012); and the rule's explanation.
        if not driver.get("informationUri"):
            problems.append("tool.driver has no informationUri")
        for r in driver["rules"]:
            if r.get("name", "").lower() == r["id"].lower():
                problems.append("rule %s: name %s is the id" % (r["id"], r["name"]))
            if not r.get("helpUri") or not r.get("fullDescription", {}).get("text"):
                problems.append("rule %s: no helpUri or fullDescription" % r["id"])
        for i, r in enumerate(run0["results"]):
            if rules[r["ruleIndex"]] != r["ruleId"]:
                problems.append("results/%d: ruleIndex does not name ruleId" % i)
            if not r.get("partialFingerprints", {}).get("oapgraph/v2"):
                problems.append("results/%d: no partialFingerprints" % i)
            region = r["locations"][0]["physicalLocation"].get("region")
            if region is not None and region.get("startLine", 0) < 1:
                problems.append("results/%d: startLine below 1" % i)
        if problems:
            print("FAIL %s:" % name)
            for p in problems:
                print("  " + p)
            failed += 1
        else:
            print("ok   %s: %d results valid" % (name, len(run0["results"])))

    try:
        run("reference plan", ["2012-C.oap.json"])
        run("several files", ["duplicate-id/across-files", "unknown-key/misspelled"])
        run("every fixture", ["."])
        run("absolute paths", [os.path.join(fixtures, "2012-C.oap.json")], cwd=work)
        # A baseline with a stale entry, and a run with every finding known.
        plan = os.path.join(work, "p.oap.json")
        shutil.copy(os.path.join(fixtures, "unknown-key", "misspelled", "plan.oap.json"), plan)
        base = os.path.join(work, "base.json")
        subprocess.run([program, "check", "-q", "--no-config", "--write-baseline", base, plan],
                       check=True)
        run("all findings known", ["--baseline", base, "p.oap.json"], cwd=work)
        with open(plan, encoding="utf-8") as f:
            text = f.read()
        with open(plan, "w", encoding="utf-8") as f:
            f.write(text.replace('"yaer"', '"year"'))
        run("stale baseline entry", ["--baseline", base, "p.oap.json"], cwd=work)
    finally:
        shutil.rmtree(work)
    print("%s" % ("all valid" if not failed else "%d invalid" % failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
