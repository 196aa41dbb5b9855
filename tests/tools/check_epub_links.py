#!/usr/bin/env python3
"""Checks an EPUB as a reader's device would follow it: every href and src in
every XHTML file (and the NCX) points at a file of the manifest and, where it
has a fragment, at an element id in that file; nothing executable is inside.
Prints one line per problem and exits 1 if there is any."""
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"


def main(path):
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    problems = []
    ids = {}
    docs = {}
    for n in names:
        if n.endswith(".xhtml") or n.endswith(".ncx"):
            root = ET.fromstring(z.read(n))
            docs[n] = root
            ids[n] = {e.get("id") for e in root.iter() if e.get("id")}
    for n, root in docs.items():
        base = posixpath.dirname(n)
        for e in root.iter():
            tag = e.tag.split("}")[-1]
            if tag in ("script", "iframe", "object", "embed"):
                problems.append(f"{n}: <{tag}> element")
            for attr, value in e.attrib.items():
                if attr.lower().startswith("on"):
                    problems.append(f"{n}: event handler attribute {attr}")
                if attr in ("href", "src") and value.strip().lower().startswith("javascript:"):
                    problems.append(f"{n}: javascript: URL")
            ref = e.get("href") if tag in ("a", "link") else e.get("src") if tag in ("img", "content") else None
            if not ref or ref.startswith(("http://", "https://", "mailto:")):
                continue
            file, _, frag = ref.partition("#")
            target = posixpath.normpath(posixpath.join(base, file)) if file else n
            if target not in names:
                problems.append(f"{n}: {ref} -> missing file {target}")
            elif frag and frag not in ids.get(target, set()):
                problems.append(f"{n}: {ref} -> no id '{frag}' in {target}")
    for p in problems:
        print(p)
    print(f"{path}: {len(docs)} documents checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(max(main(p) for p in sys.argv[1:]))
