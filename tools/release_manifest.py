#!/usr/bin/env python3
"""Writes SHA256SUMS and the release manifest for the books of one version.

Usage: release_manifest.py --dist DIR --name STEM --version V --commit SHA --paths-json FILE
The manifest lists, per book: file, format, path, bytes, sha256, pages (PDF,
from pdfinfo) or spine items (EPUB, from its package document), chapters,
version and source commit. Output is sorted and carries no timestamps, so two
runs on the same books give byte-identical files.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

OPF = "{http://www.idpf.org/2007/opf}"


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise SystemExit(f"{path}: pdfinfo reports no page count")


def epub_spine_items(path):
    with zipfile.ZipFile(path) as z:
        container = ET.fromstring(z.read("META-INF/container.xml"))
        rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
        opf = ET.fromstring(z.read(rootfile))
    return len(opf.findall(f"{OPF}spine/{OPF}itemref"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--commit", required=True)
    ap.add_argument("--paths-json", required=True)
    a = ap.parse_args()
    with open(a.paths_json, encoding="utf-8") as f:
        paths = {p["id"].lower(): p for p in json.load(f)}
    books = []
    for pid in sorted(paths):
        for fmt in ("epub", "pdf"):
            fname = f"{a.name}-path-{pid}.{fmt}"
            full = os.path.join(a.dist, fname)
            if not os.path.exists(full):
                raise SystemExit(f"error: {full} is missing")
            data = open(full, "rb").read()
            entry = {
                "file": fname,
                "format": fmt,
                "path": paths[pid]["id"],
                "path_name": paths[pid]["name"],
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
            if fmt == "pdf":
                entry["pages"] = pdf_pages(full)
            else:
                entry["spine_items"] = epub_spine_items(full)
            entry["chapters"] = [c["title"] for c in paths[pid]["chapters"]]
            entry["version"] = a.version
            entry["source_commit"] = a.commit
            books.append(entry)
    manifest = {"name": a.name, "version": a.version, "source_commit": a.commit, "books": books}
    mname = f"{a.name}-manifest.json"
    with open(os.path.join(a.dist, mname), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2, sort_keys=False)
        f.write("\n")
    files = [b["file"] for b in books] + [mname]
    with open(os.path.join(a.dist, "SHA256SUMS"), "w", encoding="utf-8") as f:
        for name in sorted(files):
            digest = hashlib.sha256(open(os.path.join(a.dist, name), "rb").read()).hexdigest()
            f.write(f"{digest}  {name}\n")
    print(f"wrote {mname} and SHA256SUMS for {len(books)} books")


if __name__ == "__main__":
    sys.exit(main())
