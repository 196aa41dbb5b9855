#!/usr/bin/env python3
"""Runs every ```python block of the series and compares printed output.

Conventions (documented in README.md, "Writing code examples"):
  ```python            runnable, self-contained; run with this python3
  ```python {norun}    a fragment on purpose, or needs another Python
                       version / a network / a third-party package: not run
  ```text              right after a runnable python block: its expected
                       stdout, compared line by line (trailing spaces ignored)
  ```text {unchecked}  output shown but not compared (timings, addresses)
  ```toml              must parse with tomllib
  ```c {file=fast.c}   any block with {file=NAME} is written to NAME in the
                       chapter's working directory before its python blocks
                       run, so a python block can compile and load it
                       (ctypes, an extension module, Cython, pybind11)
"""
import os
import re
import subprocess
import sys
import tempfile
import tomllib

FENCE = re.compile(r'^( {0,3})(`{3,}|~{3,})[ \t]*(.*?)[ \t]*$')
PY_LANGS = {"python", "py", "python3"}
MAX_NORUN_SHARE = 0.2


def code_blocks(path):
    """Yields (line, lang, flags, text) for each fenced block (CommonMark fences)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m or (m.group(2)[0] == "`" and "`" in m.group(3)):
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3)
        start = i + 1
        body = []
        i += 1
        while i < len(lines):
            close = re.match(r'^ {0,3}(' + re.escape(fence[0]) + '{' + str(len(fence)) + r',})[ \t]*$', lines[i])
            if close:
                break
            line = lines[i]
            # strip up to the opening fence's indentation, as CommonMark does
            strip = min(indent, len(line) - len(line.lstrip(" ")))
            body.append(line[strip:])
            i += 1
        end = i
        i += 1
        words = info.split()
        lang = words[0].lower() if words else ""
        lang = lang.split(",")[0]
        flags = set(re.findall(r'\{([a-z-]+(?:=[^}\s]+)?)\}', info))
        yield start, end, lang, flags, "\n".join(body) + "\n"


def example_env():
    """The environment a reader's shell would have: the build's own settings
    (make exports SOURCE_DATE_EPOCH) must not change what an example prints."""
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONPATH")}
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    return env


def normalise(text):
    return "\n".join(l.rstrip() for l in text.strip("\n").split("\n"))


def main(argv):
    root = argv[1] if len(argv) > 1 else "content"
    only = argv[2:]  # optional: restrict to these files
    files = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith(".md"):
                files.append(os.path.join(d, n))
    files.sort()
    if only:
        files = [f for f in files if any(f.endswith(o) or o in f for o in only)]
    passed = failed = norun = 0
    toml_ok = toml_bad = 0
    print(f"python: {sys.executable} {sys.version.split()[0]}")
    for path in files:
        blocks = list(code_blocks(path))
        with open(path, encoding="utf-8") as f:
            src_lines = f.read().split("\n")
        chapter_files = {}
        for _, _, _, flags, code in blocks:
            for flag in flags:
                if flag.startswith("file="):
                    chapter_files[flag[5:]] = code
        for k, (line, end, lang, flags, code) in enumerate(blocks):
            if lang == "toml":
                try:
                    tomllib.loads(code)
                    toml_ok += 1
                except tomllib.TOMLDecodeError as e:
                    print(f"{path}:{line}: error: invalid TOML: {e}")
                    toml_bad += 1
                continue
            if lang not in PY_LANGS:
                continue
            if "norun" in flags:
                norun += 1
                continue
            expected = None
            if k + 1 < len(blocks):
                nline, _, nlang, nflags, ntext = blocks[k + 1]
                between = src_lines[end + 1:nline - 1]
                if nlang == "text" and all(not l.strip() for l in between) and "unchecked" not in nflags:
                    expected = ntext
            with tempfile.TemporaryDirectory() as tmp:
                for name, text in chapter_files.items():
                    target = os.path.join(tmp, name)
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "w", encoding="utf-8") as f:
                        f.write(text)
                try:
                    r = subprocess.run([sys.executable, "-X", "utf8", "-"], input=code, cwd=tmp,
                                       capture_output=True, text=True, timeout=120,
                                       env=example_env())
                except subprocess.TimeoutExpired:
                    print(f"{path}:{line}: error: example timed out after 120 s")
                    failed += 1
                    continue
            if r.returncode != 0:
                print(f"{path}:{line}: error: example exited {r.returncode}\n{r.stderr.strip()[-2000:]}")
                failed += 1
            elif expected is not None and normalise(r.stdout) != normalise(expected):
                print(f"{path}:{line}: error: output differs from the ```text block that follows\n"
                      f"--- expected\n{normalise(expected)}\n--- actual\n{normalise(r.stdout)}")
                failed += 1
            else:
                passed += 1
    total = passed + failed + norun
    share = norun / total if total else 0.0
    print(f"python blocks: {total}, run: {passed + failed}, marked {{norun}}: {norun} ({share:.0%})")
    print(f"toml blocks: {toml_ok + toml_bad}, invalid: {toml_bad}")
    if share >= MAX_NORUN_SHARE and not only:
        print(f"error: {{norun}} blocks are {share:.0%} of all python blocks (limit {MAX_NORUN_SHARE:.0%})")
        failed += 1
    passed += toml_ok
    failed += toml_bad
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
