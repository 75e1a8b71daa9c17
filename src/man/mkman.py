#!/usr/bin/env python3
"""mkman: the man pages of oapgraph, made at build time from what defines each thing.

usage: mkman.py OAPGRAPH PLAN_SCHEMA CYCLE_SCHEMA CONFIG_SCHEMA OUTDIR

Writes into OUTDIR:
  oapgraph.1         every command, its options and exit status: the help tables the
                     freshly built program prints with 'oapgraph help --dump-json'
  oapgraph-format.5  the plan file, the cycle file and the config file: every key of
                     the three JSON Schemas with its description, the grammar of
                     references and the reading of timing (the plan schema's
                     $comment), their examples
  oapgraph-rules.7   every rule of the registry: 'oapgraph rules --format json'

Nothing here describes the program, a key or a rule itself: each text comes from the
source that defines it, so the pages cannot drift from the program. The pages carry no
date, so the same sources make the same bytes. CMakeLists.txt runs this on every build
that changes an input; tests/man/check_man.py checks the pages cover every command, key
and rule, and that groff reads them without a warning.
"""
import json
import os
import re
import subprocess
import sys

# Rule families as section names, in the registry's order of first appearance.
MANUAL = "oapgraph manual"


def esc(text):
    """Text as troff input: backslashes, dashes, quotes escaped, non-ASCII as \\[uXXXX],
    and a line that would start with a control character made safe."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\e")
        elif ch == "-":
            out.append("\\-")
        elif ch == "'":
            out.append("\\(aq")
        elif ch == "`":
            out.append("\\(ga")
        elif ord(ch) > 126:
            out.append("\\[u%04X]" % ord(ch))
        else:
            out.append(ch)
    s = "".join(out)
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in s.split("\n"))


def bold(text):
    return "\\fB" + esc(text) + "\\fR"


def italic(text):
    return "\\fI" + esc(text) + "\\fR"


def literal(lines):
    """Lines shown as they are: an indented example."""
    return [".RS 4", ".EX"] + [esc(line) if line else "" for line in lines] + [".EE", ".RE"]


def paragraphs(text):
    """A help text as troff: paragraphs, blank lines between, lines indented by two spaces
    kept as examples, the other lines filled."""
    out = []
    for para in text.split("\n\n"):
        out.append(".PP")
        lines = para.split("\n")
        i = 0
        while i < len(lines):
            if lines[i].startswith("  "):
                block = []
                while i < len(lines) and lines[i].startswith("  "):
                    block.append(lines[i][2:])
                    i += 1
                out += literal(block)
            else:
                out.append(esc(lines[i]))
                i += 1
    return out


def command_line(line, command=None):
    """A usage line: the program and its command bold, options bold, placeholders italic."""
    out = []
    for tok in re.findall(r"\s+|\[|\]|\||\.\.\.|[^\s\[\]|]+", line):
        if tok.isspace() or tok in "[]|" or tok == "...":
            out.append(esc(tok))
        elif tok == "oapgraph" or tok == command or tok.startswith("-"):
            out.append(bold(tok))
        elif re.fullmatch(r"[A-Z][A-Z_]*", tok):
            out.append(italic(tok))
        else:
            out.append(esc(tok))
    return "".join(out)


def option_name(name):
    """"-o, --output FILE": the flags bold, the argument italic."""
    parts = []
    for flag in name.split(", "):
        word, _, arg = flag.partition(" ")
        parts.append(bold(word) + (" " + italic(arg) if arg else ""))
    return ", ".join(parts)


def header(name, section, version, summary):
    # Ragged right and no hyphenation: the pages are full of ids and file names that a
    # hyphen or a stretched space would misquote. HY is what .EE and others restore.
    return ['.\\" Made by src/man/mkman.py from the sources; do not edit.',
            '.TH %s %s "" "oapgraph %s" "%s"' % (name.upper(), section, version, MANUAL),
            ".nr HY 0", ".nh", ".ad l",
            ".SH NAME", "%s \\- %s" % (esc(name), esc(summary))]


def compact_json(value, indent=0, width=68):
    """value as JSON the way people write plans: an object or array on one line when it
    fits (indent being where it starts), else one member a line."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) + indent <= width or not isinstance(value, (dict, list)) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = []
        for k, v in value.items():
            key = "%s%s: " % (pad, json.dumps(k, ensure_ascii=False))
            items.append(key + compact_json(v, len(key), width).replace("\n" + " " * len(key), "\n" + pad))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + compact_json(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


# --- oapgraph(1) -------------------------------------------------------------------------

def page_program(dump, config_schema):
    prog = dump["program"]
    first = prog["description"].rstrip(".")
    out = header("oapgraph", 1, prog["version"], first[0].lower() + first[1:])
    out += [".SH SYNOPSIS", ".nf"]
    out += [command_line(u) for u in prog["usage"]]
    out += [".fi", ".SH DESCRIPTION"] + paragraphs(prog["description"])
    out += [".PP", "The commands:", ".PD 0"]
    for c in dump["commands"]:
        out += [".TP 10", bold(c["name"]), esc(c["summary"])]
    out += [".PD"]
    out += [".SH COMMANDS"]
    for c in dump["commands"]:
        out += [".SS %s" % esc(c["name"]), ".nf"]
        out += [command_line(u, c["name"]) for u in c["usage"]]
        out += [".fi"] + paragraphs(c["description"])
        if c["options"]:
            out += [".PP", "Options:"]
            for o in c["options"]:
                out += [".TP", option_name(o["names"][0])]
                for more in o["names"][1:]:
                    out += [".TQ", option_name(more)]
                out.append(esc(o["text"]))
        if c["notes"]:
            out += paragraphs(c["notes"])
        if c["exit_status"]:
            out += [".PP", "Exit status: " + esc(c["exit_status"])]
    out += [".SH EXIT STATUS"] + paragraphs(prog["exit_status"])
    out += [".SH FILES", ".TP", bold(".oapgraph.json")]
    out += [esc(config_schema["description"]), "Its keys are in", bold("oapgraph-format") + "(5)."]
    out += [".SH SEE ALSO",
            bold("oapgraph-format") + "(5), " + bold("oapgraph-rules") + "(7), " +
            bold("dot") + "(1)"]
    return out


# --- oapgraph-format(5) ------------------------------------------------------------------

def resolve(schema, node):
    """node with its $ref (directly or as allOf's only member) followed; the definition's
    name when it came through one."""
    name = None
    while True:
        ref = node.get("$ref")
        if ref is None and len(node.get("allOf", [])) == 1 and "$ref" in node["allOf"][0]:
            merged = {k: v for k, v in node.items() if k != "allOf"}
            ref = node["allOf"][0]["$ref"]
            target = dict(schema["definitions"][ref.split("/")[-1]])
            target.update({k: v for k, v in merged.items() if k != "description"})
            target["description"] = merged.get("description", target.get("description"))
            name = ref.split("/")[-1]
            return target, name
        if ref is None:
            return node, name
        name = ref.split("/")[-1]
        desc = node.get("description")
        node = dict(schema["definitions"][name])
        if desc:
            node["description"] = desc


def words(defname):
    """"actorArray" -> "actor array"."""
    return re.sub(r"(?<=[a-z])([A-Z])", lambda m: " " + m.group(1).lower(), defname)


def is_record(node):
    return node.get("type") == "object" and "properties" in node


def plural(text):
    return text + "s" if re.fullmatch(r"[a-z]+", text) else text


def type_text(schema, node, defname=None):
    """What a value is, in a word or two: "string", "array of objects", "ref array"."""
    if "anyOf" in node:
        return " or ".join(type_text(schema, *resolve(schema, alt)) for alt in node["anyOf"])
    if defname and not is_record(node):
        return words(defname)
    t = node.get("type", "any value")
    if t == "array":
        items, itemdef = resolve(schema, node.get("items", {}))
        if "anyOf" in items:
            alts = [type_text(schema, *resolve(schema, alt)) for alt in items["anyOf"]]
            return "array of " + " or ".join(plural(a) for a in alts)
        return "array of " + ("objects" if is_record(items) else
                              plural(type_text(schema, items, itemdef)))
    if t == "object" and "additionalProperties" in node and not is_record(node):
        return "object of " + plural(type_text(schema, node["additionalProperties"]))
    return t


def constraints(node):
    """What a value must be beyond its type, as a sentence, or ""."""
    if node.get("type") == "object" and isinstance(node.get("additionalProperties"), dict):
        inner = constraints(node["additionalProperties"])
        return "Each value is " + inner[0].lower() + inner[1:] if inner else ""
    said = []
    if "const" in node:
        said.append("Always %s." % json.dumps(node["const"]))
    if "enum" in node:
        said.append("One of: %s." % ", ".join(node["enum"]))
    if "minimum" in node and "maximum" in node:
        said.append("From %s to %s." % (node["minimum"], node["maximum"]))
    elif "minimum" in node:
        said.append("At least %s." % node["minimum"])
    if node.get("minLength") == 1:
        said.append("Not empty.")
    if "minItems" in node:
        said.append("At least %d item%s." % (node["minItems"], "s" if node["minItems"] > 1 else ""))
    return " ".join(said)


def records(schema):
    """The objects of a schema as sections: (title, object), the top level first, then
    each record reached through a key, depth first in the order of the keys ("actions[]",
    then "actions[].phases[]"); a definition reached twice has one section."""
    out, seen = [], set()

    def visit(path, node):
        out.append((path or "Top level", node))
        for key, prop in node.get("properties", {}).items():
            value, defname = resolve(schema, prop)
            # A key may take one of several shapes (an object, or an array of them).
            shapes = [resolve(schema, alt) for alt in value["anyOf"]] if "anyOf" in value else \
                [(value, defname)]
            candidates = []
            for shape, sname in shapes:
                if shape.get("type") == "array":
                    items = shape.get("items", {})
                    alts = items.get("anyOf", [items])
                    candidates += [(key + "[]",) + resolve(schema, alt) for alt in alts]
                else:
                    candidates.append((key, shape, sname))
            for sub, target, tname in candidates:
                if not is_record(target) or (tname and tname in seen):
                    continue
                if tname:
                    seen.add(tname)
                visit((path + "." if path else "") + sub, target)

    visit("", schema)
    return out


def keys_section(schema, title, node):
    """One record: its description and every key, with its type and whether it is
    required."""
    out = [".SS %s" % ('"' + esc(title) + '"' if " " in title else esc(title))]
    if node is not schema and node.get("description"):
        out += [".PP", esc(node["description"])]
    required = set(node.get("required", []))
    for key, prop in node.get("properties", {}).items():
        value, defname = resolve(schema, prop)
        kind = type_text(schema, value, defname)
        out += [".TP", bold(key) + " (" + esc(kind) + (", required" if key in required else "") + ")"]
        text = value.get("description") or ""
        rule = constraints(value)
        out.append(esc(text + (" " + rule if rule and text else rule)))
    if "^x-" in node.get("patternProperties", {}):
        out += [".TP", bold("x-") + italic("anything"), "Free for your own use; never reported."]
    return out


def value_types(schema):
    """The named value types the keys above use ("ref array"), each with its description."""
    out = []
    for name, node in schema.get("definitions", {}).items():
        if is_record(node) or not node.get("description"):
            continue
        out += [".TP", bold(words(name)), esc(node["description"])]
    return out


def comment_sections(text):
    """The plan schema's $comment: "# Heading" paragraphs start sections."""
    out = []
    for para in text.split("\n\n"):
        if para.startswith("# "):
            out.append(".SH %s" % esc(para[2:].upper()))
        else:
            out += paragraphs(para)
    return out


def page_format(version, plan, cycle, config):
    out = header("oapgraph-format", 5, version,
                 "the plan file, cycle file and config file formats of oapgraph")
    out += [".SH DESCRIPTION"] + paragraphs(plan["description"])
    out += [".PP", "The JSON Schema of plan files, for editors, is what", bold("oapgraph schema"),
            "prints; the cycle file's,", bold("oapgraph schema --cycle") + ";",
            "the config file's,", bold("oapgraph schema --config") + "."]
    out += [".SH PLAN FILES", ".PP", esc(plan["title"]) + "."]
    for title, node in records(plan):
        out += keys_section(plan, title, node)
    types = value_types(plan)
    if types:
        out += [".SS \"Value types\""] + types
    out += comment_sections(plan.get("$comment", ""))
    out += [".SH CYCLE FILES", ".PP", esc(cycle["title"]) + "."] + paragraphs(cycle["description"])
    for title, node in records(cycle):
        out += keys_section(cycle, title, node)
    out += [".SH CONFIG FILE", ".PP", esc(config["title"]) + "."] + paragraphs(config["description"])
    for title, node in records(config):
        out += keys_section(config, title, node)
    out += [".SH EXAMPLES", ".PP", "A plan file:"]
    for ex in plan.get("examples", []):
        out += literal(compact_json(ex).split("\n"))
    out += [".PP", "A cycle file:"]
    for ex in cycle.get("examples", []):
        out += literal(compact_json(ex).split("\n"))
    out += [".PP", "A config file:"]
    for ex in config.get("examples", []):
        out += literal(compact_json(ex).split("\n"))
    out += [".SH SEE ALSO", bold("oapgraph") + "(1), " + bold("oapgraph-rules") + "(7)"]
    return out


# --- oapgraph-rules(7) -------------------------------------------------------------------

def example_files(text):
    """The registry's example: one plan file, or several after "==> NAME <==" lines."""
    if not text.startswith("==> "):
        text = "==> plan.oap.json <==\n" + text
    return text.rstrip("\n").split("\n")


def page_rules(version, rules, config):
    out = header("oapgraph-rules", 7, version, "the rules oapgraph check applies to plan files")
    out += [".SH DESCRIPTION", ".PP",
            "Every finding of", bold("oapgraph check"),
            "names its rule, in brackets at the end of the line in the text format. A rule has a",
            "default severity, error, warning or info; the config file,", bold(".oapgraph.json") + ",",
            "changes it or turns the rule off:"]
    for ex in config.get("examples", []):
        out += literal([compact_json({"rules": ex["rules"]})])
    out += [".PP", bold("oapgraph rules"), "lists the rules, and", bold("oapgraph rules") + " " +
            italic("RULE"), "shows one as this page does. Each rule below has a real case: the",
            "files, the command that checks them, and the findings it prints."]
    family = None
    for r in rules:
        if r["family"] != family:
            family = r["family"]
            out.append(".SH %s" % esc(family.upper()))
        out += [".SS %s" % esc(r["id"]), ".PP",
                bold(r["severity"]) + " by default: " + esc(r["summary"]) + ".",
                ".PP", esc(r["explanation"]),
                ".PP", bold("How to fix it.") + " " + esc(r["fix"]),
                ".PP", bold("Example.")]
        out += literal(example_files(r["example"]) + ["$ " + r["example_command"]] +
                       r["example_finding"].split("\n"))
    out += [".SH SEE ALSO", bold("oapgraph") + "(1), " + bold("oapgraph-format") + "(5)"]
    return out


def run(program, *args):
    proc = subprocess.run([program] + list(args), capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("mkman: '%s %s' failed (exit %d): %s" % (program, " ".join(args),
                                                        proc.returncode, proc.stderr))
    return json.loads(proc.stdout)


def write(path, lines):
    """Writes a page atomically. The pages are ASCII: esc() wrote every other character
    as a troff escape."""
    with open(path + ".tmp", "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(path + ".tmp", path)


def main(argv):
    if len(argv) != 6:
        sys.exit(__doc__)
    program, plan_path, cycle_path, config_path, outdir = argv[1:]
    dump = run(program, "help", "--dump-json")
    rules = run(program, "rules", "--format", "json")["rules"]
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    with open(cycle_path, encoding="utf-8") as f:
        cycle = json.load(f)
    with open(config_path, encoding="utf-8") as f:
        config = json.load(f)
    version = dump["program"]["version"]
    os.makedirs(outdir, exist_ok=True)
    write(os.path.join(outdir, "oapgraph.1"), page_program(dump, config))
    write(os.path.join(outdir, "oapgraph-format.5"), page_format(version, plan, cycle, config))
    write(os.path.join(outdir, "oapgraph-rules.7"), page_rules(version, rules, config))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
