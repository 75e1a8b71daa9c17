#!/usr/bin/env python3
"""Check that the plan and cycle schemas and oapgraph's loader agree on every fixture.

usage: validate_fixtures.py PLAN_SCHEMA CYCLE_SCHEMA FIXTURES_DIR

- Both schemas must be valid draft-07 schemas.
- Every FIXTURES_DIR/*.oap.json and *.cycle.json must validate.
- A file is checked against the cycle schema when the loader reads it as a cycle
  file: its top level has "cycle" and no "plan", or has neither and its name
  ends in .cycle.json; against the plan schema otherwise.
- A case folder is a folder below FIXTURES_DIR that holds an expected.txt; its
  *.oap.json and *.cycle.json files (also in its subfolders) are checked against the findings
  listed there (FILE:LINE:COL: SEVERITY: MESSAGE [RULE], FILE relative to the
  case folder):
    * a file Python cannot parse as JSON must have a [syntax] finding;
    * otherwise the schema must reject it if and only if a [schema] or
      [unknown-key] finding names it;
    * a file whose [schema] findings are all about duplicate keys is skipped:
      Python's json keeps the last value, the schema cannot see duplicates;
    * a [schema] finding about what no JSON Schema can say (SCHEMA_BLIND: two
      items of an array that differ in one member, what only several files
      show) does not ask the schema to reject the file: a file with only such
      findings must be valid.
- Folders of FIXTURES_DIR with no expected.txt at any depth are ignored.

Prints one line per file and "N passed, M failed"; exits 1 on any failure,
2 when SCHEMA or FIXTURES_DIR does not exist.
"""

import json
import os
import re
import sys

from jsonschema import Draft7Validator
from jsonschema.exceptions import SchemaError, best_match

PLAN_SUFFIX = ".oap.json"
CYCLE_SUFFIX = ".cycle.json"
EXPECTED = "expected.txt"
REJECTING_RULES = ("schema", "unknown-key")

# [schema] findings the loader makes and no JSON Schema can express, with why.
SCHEMA_BLIND = (
    # two rounds of one month: uniqueItems compares whole items, not one member
    re.compile(r": error: action \S+ reports round \S+ twice, "),
    # a plan's "cycle" against the cycle files loaded with it
    re.compile(r": error: \"cycle\" of \"plan\" is .*(lies? in cycle|does not hold the plan)"),
    # cycle files whose years overlap
    re.compile(r": error: cycle \S+ runs from \d+ to \d+, which overlaps cycle "),
)

FILE_RE = re.compile(r"^(.*?):\d+:")
RULE_RE = re.compile(r"\[([^\[\]]*)\]\s*$")


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, path, what):
        self.passed += 1
        print(f"ok   {path} ({what})")

    def fail(self, path, why):
        self.failed += 1
        print(f"FAIL {path}: {why}")


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")


def load_json(path):
    """Returns (document, None), or (None, reason) when the file is not JSON."""
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8-sig")
        return json.loads(text, parse_constant=_no_constant), None
    except (UnicodeDecodeError, ValueError) as e:
        return None, str(e)


def json_path(error):
    path = getattr(error, "json_path", None)
    if path is not None:
        return path
    out = "$"
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def first_error(validator, doc):
    """Returns "message at $.path" for the most relevant error, or None."""
    error = best_match(validator.iter_errors(doc))
    if error is None:
        return None
    return f"{error.message} at {json_path(error)}"


def read_expected(path, tally):
    """Returns {file relative to the case: [(rule, message, line)]}, or None
    after reporting a malformed expected.txt."""
    findings = {}
    bad = []
    with open(path, encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            file_m = FILE_RE.match(line)
            rule_m = RULE_RE.search(line)
            if not file_m or not rule_m:
                bad.append(number)
                continue
            name = os.path.normpath(file_m.group(1))
            findings.setdefault(name, []).append((rule_m.group(1), line, number))
    if bad:
        lines = ", ".join(str(n) for n in bad)
        tally.fail(path, f"line {lines} not of the form FILE:LINE:COL: SEVERITY: MESSAGE [RULE]")
        return None
    return findings


def is_input(name):
    return name.endswith(PLAN_SUFFIX) or name.endswith(CYCLE_SUFFIX)


def plan_files(folder, skip_dirs=()):
    """*.oap.json and *.cycle.json below folder, sorted, not descending into skip_dirs."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if os.path.join(root, d) not in skip_dirs)
        out.extend(os.path.join(root, f) for f in sorted(files) if is_input(f))
    return out


def validator_for(validators, doc, path):
    """The plan or the cycle validator, as the loader tells the two files apart."""
    plan, cycle = validators
    if isinstance(doc, dict) and "plan" in doc:
        return plan
    if isinstance(doc, dict) and "cycle" in doc:
        return cycle
    return cycle if path.endswith(CYCLE_SUFFIX) else plan


def check_case(case, validators, tally):
    expected = read_expected(os.path.join(case, EXPECTED), tally)
    if expected is None:
        return
    nested = {
        root for root, _, files in os.walk(case) if root != case and EXPECTED in files
    }
    seen = set()
    for path in plan_files(case, nested):
        name = os.path.normpath(os.path.relpath(path, case))
        seen.add(name)
        findings = expected.get(name, [])
        rules = {rule for rule, _, _ in findings}

        doc, reason = load_json(path)
        if reason is not None:
            if "syntax" in rules:
                tally.ok(path, "skipped: not JSON, [syntax] expected")
            else:
                tally.fail(path, f"not JSON ({reason}) but expected.txt has no [syntax] finding")
            continue

        schema_lines = [line for rule, line, _ in findings if rule == "schema"]
        if schema_lines and all("duplicate key" in line for line in schema_lines):
            tally.ok(path, "skipped: duplicate keys, which the schema cannot express")
            continue

        wanted = [line for rule, line, _ in findings if rule in REJECTING_RULES
                  and not any(p.search(line) for p in SCHEMA_BLIND)]
        error = first_error(validator_for(validators, doc, path), doc)
        if wanted and error:
            tally.ok(path, "rejected as expected")
        elif not wanted and not error:
            tally.ok(path, "valid")
        elif error:
            tally.fail(path, f"schema rejects it ({error}), but expected.txt has no "
                       "[schema] or [unknown-key] finding for it")
        else:
            tally.fail(path, f"schema accepts it but expected.txt says: {wanted[0]}")

    for name in sorted(set(expected) - seen):
        rules = {rule for rule, _, _ in expected[name]}
        if rules & {"syntax", *REJECTING_RULES} and not os.path.exists(os.path.join(case, name)):
            tally.fail(os.path.join(case, EXPECTED), f"names {name}, which is not in the case folder")


def check_group(group, validators, tally):
    """A folder of FIXTURES_DIR: its case folders, and plan files outside any."""
    cases = sorted(
        root for root, _, files in os.walk(group) if root != group and EXPECTED in files
    )
    if os.path.isfile(os.path.join(group, EXPECTED)):
        cases.insert(0, group)
    if not cases:
        return
    # A case folder nested in another is a case of its own: the outer case
    # does not descend into it.
    for case in cases:
        check_case(case, validators, tally)
    case_set = set(cases)
    if group in case_set:
        return  # the group is a case itself: every plan in it belongs to a case
    for path in plan_files(group, case_set):
        tally.fail(path, "plan file outside any case folder (no expected.txt beside or above it)")


def load_schema(path, tally):
    """A draft-07 validator for the schema at path, or None after reporting why not."""
    schema, reason = load_json(path)
    if reason is None:
        try:
            Draft7Validator.check_schema(schema)
        except SchemaError as e:
            reason = f"not a valid draft-07 schema: {e.message} at {json_path(e)}"
    if reason is not None:
        tally.fail(path, reason)
        return None
    tally.ok(path, "valid")
    return Draft7Validator(schema)


def main(argv):
    if len(argv) != 4:
        print("usage: validate_fixtures.py PLAN_SCHEMA CYCLE_SCHEMA FIXTURES_DIR", file=sys.stderr)
        return 2
    schemas, fixtures = argv[1:3], argv[3]
    for path in schemas:
        if not os.path.isfile(path):
            print(f"validate_fixtures.py: {path}: no such file", file=sys.stderr)
            return 2
    if not os.path.isdir(fixtures):
        print(f"validate_fixtures.py: {fixtures}: no such folder", file=sys.stderr)
        return 2

    tally = Tally()
    validators = tuple(load_schema(path, tally) for path in schemas)
    if None in validators:
        print(f"{tally.passed} passed, {tally.failed} failed")
        return 1

    entries = sorted(os.listdir(fixtures))
    for entry in entries:
        path = os.path.join(fixtures, entry)
        if not is_input(entry) or not os.path.isfile(path):
            continue
        doc, reason = load_json(path)
        if reason is not None:
            error = f"not JSON: {reason}"
        else:
            error = first_error(validator_for(validators, doc, path), doc)
        if error:
            tally.fail(path, error)
        else:
            tally.ok(path, "valid")

    for entry in entries:
        path = os.path.join(fixtures, entry)
        if os.path.isdir(path):
            check_group(path, validators, tally)

    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
