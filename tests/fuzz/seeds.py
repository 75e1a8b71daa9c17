#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made from the fixtures (tests/fuzz/README.md).

usage: seeds.py FIXTURES_DIR OUT_DIR

Writes OUT_DIR/<target>/<sha1 of the input> for the targets load, dot, import, refs and
timing, replacing what OUT_DIR held:
  load, dot  every plan and cycle file as it is; the plans and cycles of one folder
             joined by "#file" lines (cross-plan references, duplicate ids, plans'
             cycles); for dot also every view, focus
             kind and highlighting of the bigger plans as options ("#fuzz" line); for
             load a few overlap thresholds and small load limits
  import     every table and Council text of fixtures/council, as it is and with the
             format, priority and year given as options
  refs       every refs and needs element, every I/D SG and I/D OA cell of the tables,
             and every title and description (mentions), one per file
  timing     every timing of the plans and tables, in their plan's years (a period as
             four option bytes) and in a few other years (a year below 0 and one above
             9999 among them), and the forms of issues 16 and 19 in plans of several years
Inputs are small; nothing here needs to be committed.
"""

import csv
import hashlib
import io
import json
import os
import shutil
import sys

MARK = b"\n#fuzz "
FILE_MARK = b"\n#file\n"


class Corpus:
    def __init__(self, root, name):
        self.dir = os.path.join(root, name)
        os.makedirs(self.dir)
        self.count = 0

    def add(self, data, opts=None):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if opts is not None:
            data = data + MARK + bytes(opts)
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(self.dir, name)
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
            self.count += 1


def walk(root, suffix):
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        out.extend(os.path.join(dirpath, f) for f in sorted(files) if f.endswith(suffix))
    return out


def strings_at(doc, keys):
    """Every string value of the given keys anywhere in doc, and string items of lists."""
    stack = [doc]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            for k, x in v.items():
                if k in keys:
                    if isinstance(x, str):
                        yield x
                    elif isinstance(x, list):
                        yield from (s for s in x if isinstance(s, str))
                stack.append(x)
        elif isinstance(v, list):
            stack.extend(v)


def main(argv):
    if len(argv) != 3:
        print("usage: seeds.py FIXTURES_DIR OUT_DIR", file=sys.stderr)
        return 2
    fixtures, out = argv[1], argv[2]
    if not os.path.isdir(fixtures):
        print(f"seeds.py: {fixtures}: no such folder", file=sys.stderr)
        return 2
    shutil.rmtree(out, ignore_errors=True)
    c = {t: Corpus(out, t) for t in ("load", "dot", "import", "refs", "timing")}

    plans = walk(fixtures, ".oap.json") + walk(fixtures, ".cycle.json")
    by_dir = {}
    for path in plans:
        with open(path, "rb") as f:
            data = f.read()
        by_dir.setdefault(os.path.dirname(path), []).append(data)
        c["load"].add(data)
        c["dot"].add(data)
        try:
            doc = json.loads(data.decode("utf-8-sig"))
        except ValueError:
            continue
        plan = doc.get("plan") if isinstance(doc, dict) else None
        year = plan.get("year") if isinstance(plan, dict) else None
        year = year if isinstance(year, int) and 0 <= year < 32768 else 2012
        period = plan.get("period") if isinstance(plan, dict) else None
        years = [year >> 8, year & 0xFF]
        if (isinstance(period, list) and len(period) == 2
                and all(isinstance(y, int) and 0 <= y < 32768 for y in period)):
            years = [period[0] >> 8, period[0] & 0xFF, period[1] >> 8, period[1] & 0xFF]
        for s in strings_at(doc, {"refs", "needs", "overlaps", "priority"}):
            c["refs"].add(s)
        for s in strings_at(doc, {"title", "description", "timing", "note", "notes"}):
            c["refs"].add(s)
        for s in strings_at(doc, {"timing"}):
            c["timing"].add(s, years)
        # Every view, focus kind and highlighting of the bigger plans (the top-level ones,
        # hostile-labels/ and views/); the others with the defaults only.
        if os.path.dirname(path) != fixtures.rstrip("/") and not any(
                part in path for part in ("hostile-labels", os.sep + "views" + os.sep)):
            continue
        for view in range(3):
            for flags in (0, 1, 2, 3):
                kinds = range(5) if flags & 2 else (0,)
                for kind in kinds:
                    c["dot"].add(data, [view, flags, 0, kind, 1])
    # The plans and cycles of one folder together.
    for folder, datas in sorted(by_dir.items()):
        if len(datas) > 1:
            joined = FILE_MARK.join(datas)
            c["load"].add(joined)
            c["dot"].add(joined)
            c["dot"].add(joined, [1, 1])
    # Options of the loader: thresholds and small limits, on the reference plan.
    ref = os.path.join(fixtures, "2012-C.oap.json")
    if os.path.isfile(ref):
        with open(ref, "rb") as f:
            data = f.read()
        for opts in ([0], [64], [128], [255], [128, 1, 3, 8, 2], [128, 1, 8, 200, 7]):
            c["load"].add(data, opts)

    for y in (2011, 2012, 2013, 0, 9999, -1, 10000):
        yy = y & 0xFFFF
        for s in ("September", "April/May/June", "2nd quarter 2012", "December/January",
                  "whole year", "H1", "Q4 2011 - Q1 2012"):
            c["timing"].add(s, [yy >> 8, yy & 0xFF])
    # Plans of several years (and a period that ends before it starts), with the forms
    # of issues 16 and 19.
    for first, last in ((2024, 2025), (2012, 2013), (2022, 2025), (2025, 2024), (9998, 9999)):
        yy = [first >> 8 & 0xFF, first & 0xFF, last >> 8 & 0xFF, last & 0xFF]
        for s in ("Q3 2025", "Q1 2024 - Q4 2025", "March 2024 - June 2025",
                  "September - October 2025", "Throughout 2025", "2024-2025", "01/2025-06/2025",
                  "04.2013 - 06.2013", "March", "from May 2024", "until the end of June 2025",
                  "mid-Q3 2024", "Octobre"):
            c["timing"].add(s, yy)
    for s in ("from May", "until June", "by the end of Q2", "early H2", "Febuary to June",
              "2013", "Throughout 2013"):
        c["timing"].add(s, [2012 >> 8, 2012 & 0xFF])

    tables = [p for p in walk(os.path.join(fixtures, "council"), "")
              if not os.path.basename(p).startswith(("README", "."))]
    for path in tables:
        with open(path, "rb") as f:
            data = f.read()
        c["import"].add(data)
        for fmt in range(4):
            c["import"].add(data, [fmt, 3, 112, 0])
        c["import"].add(data, [0, 1, 0, 1])
        c["import"].add(data, [0, 2, 112, 0])
        if path.endswith((".tsv", ".csv")):
            text = data.decode("utf-8-sig", errors="replace")
            delim = "\t" if path.endswith(".tsv") else ","
            rows = list(csv.reader(io.StringIO(text), delimiter=delim))
            header = None
            for row in rows:
                if header is None:
                    if any(cell.strip() in ("#", "No", "No.") for cell in row):
                        header = [cell.strip() for cell in row]
                    continue
                for name, cell in zip(header, row):
                    if name.startswith("I/D"):
                        c["refs"].add(cell)
                    elif name == "Timing":
                        c["timing"].add(cell, [2012 >> 8, 2012 & 0xFF])
                    elif name in ("Activity", "Description"):
                        c["refs"].add(cell)

    for t in sorted(c):
        print(f"{t}: {c[t].count} seeds in {c[t].dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
