#!/usr/bin/env python3
"""inspect: what an oapgraph HTML report holds, read with Python's own HTML parser.

usage: inspect.py PAGE.html   prints one JSON object: the markup it is made of (tags,
attributes that run script or fetch, links, scripts, ids), for the end-to-end test and
the browser test to assert on. Plan text that became markup shows here as a tag or an
attribute the writer never writes.
"""
import json
import sys
from html.parser import HTMLParser

# What the writer itself writes: HTML of the page, and Graphviz's SVG.
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "footer", "main",
             "h1", "h2", "h3", "nav", "a", "section", "div", "table", "thead", "tbody", "tr",
             "th", "td", "p", "br", "span", "script"}
SVG_TAGS = {"svg", "g", "title", "desc", "polygon", "polyline", "path", "ellipse", "text",
            "a", "defs", "lineargradient", "radialgradient", "stop", "image"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = {}
        self.unknown = []
        self.handlers = []
        self.links = []
        self.scripts = 0
        self.ids = {}
        self.rows = 0
        self.svgs = 0
        self.csp = None
        self.title = ""
        self.in_title = False
        self.depth_svg = 0
        self.banners = []
        self.in_banner = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "svg":
            self.depth_svg += 1
            self.svgs += 1
        allowed = SVG_TAGS if self.depth_svg else HTML_TAGS
        if tag not in allowed:
            self.unknown.append(tag)
        for k, v in attrs:
            if k.startswith("on") or k in ("src", "srcset", "formaction", "action", "background"):
                self.handlers.append([tag, k, v])
            if k in ("href", "xlink:href"):
                self.links.append(v)
            if k == "id":
                self.ids[v] = self.ids.get(v, 0) + 1
            if k == "style" and "url(" in (v or ""):
                self.handlers.append([tag, k, v])
        if tag == "script":
            self.scripts += 1
        if tag == "tr" and "data-severity" in a:
            self.rows += 1
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a.get("content")
        if tag == "title" and not self.depth_svg:
            self.in_title = True
        if tag in ("header", "footer") and a.get("class") == "banner":
            self.in_banner = ""

    def handle_endtag(self, tag):
        if tag == "svg":
            self.depth_svg -= 1
        if tag == "title":
            self.in_title = False
        if tag in ("header", "footer") and self.in_banner is not None:
            self.banners.append(self.in_banner)
            self.in_banner = None

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_banner is not None:
            self.in_banner += data


def main():
    p = Page()
    with open(sys.argv[1], encoding="utf-8") as f:
        p.feed(f.read())
    print(json.dumps({
        "title": p.title, "csp": p.csp, "banners": p.banners, "rows": p.rows,
        "svgs": p.svgs, "scripts": p.scripts, "unknown_tags": sorted(set(p.unknown)),
        "fetching_attributes": p.handlers,
        "outside_links": [l for l in p.links if not l.startswith("#")],
        "repeated_ids": sorted(k for k, n in p.ids.items() if n > 1),
        "broken_links": sorted(set(l[1:] for l in p.links if l.startswith("#")) - set(p.ids)),
    }, indent=1))


main()
