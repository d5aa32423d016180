#!/usr/bin/env python3
"""Runs every example in README.md and compares its output with what the README shows.

An example is a line starting with `$ ` inside a fenced code block; the lines after it, up to the
next `$ ` line or the end of the block, are its expected output: standard output, preceded by
standard error when the command fails (notes and progress on standard error are not compared). A line `...` in the expected output stands for any
number of lines. JSON `"elapsedSeconds"` values are ignored (they are measured times).

Markers, on the line just before a block's opening fence:
  <!-- readme-check: skip REASON -->   the block is not run (timings, peer tools); REASON is printed
  <!-- readme-check: before COMMAND --> COMMAND runs first (e.g. writes the malformed file shown)
  <!-- readme-check: in-repo -->        the block's examples run in the repository's root rather than
                                        in the scratch directory (e.g. `swift run --package-path
                                        Examples/LibraryDemo`, whose package depends on `../..`)
  <!-- readme-check: file PATH -->      the block (not run) must equal the file PATH of the
                                        repository, e.g. a program whose run is shown below it

Examples run in order in one scratch directory holding links to Examples/ and Tests/, with
`gamesolve` on PATH the binary given as the first argument. An example that calls a peer tool
that is not installed (lrsnash) is skipped and reported.

Usage: python3 scripts/check-readme.py PATH/TO/gamesolve [README.md]
Exit status: 0 when every example that ran matched, 1 otherwise.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

PEER_TOOLS = ["lrsnash", "glpsol", "gambit-enumpoly"]
ELAPSED = re.compile(r'("elapsedSeconds"\s*:\s*)[0-9.eE+-]+')


def blocks(lines):
    """Yields (start line number, marker list, block lines) for each fenced block."""
    i = 0
    while i < len(lines):
        if lines[i].startswith("```"):
            markers = []
            j = i - 1
            while j >= 0 and lines[j].startswith("<!-- readme-check:"):
                markers.insert(0, lines[j][len("<!-- readme-check:"):].rstrip().removesuffix("-->").strip())
                j -= 1
            k = i + 1
            while k < len(lines) and not lines[k].startswith("```"):
                k += 1
            yield i + 1, markers, lines[i + 1:k]
            i = k + 1
        else:
            i += 1


def examples(block):
    """Splits a block into (command, expected lines) pairs."""
    out = []
    i = 0
    while i < len(block):
        if block[i].startswith("$ "):
            command = block[i][2:]
            while command.endswith("\\") and i + 1 < len(block):
                i += 1
                command = command + "\n" + block[i]
            expected = []
            i += 1
            while i < len(block) and not block[i].startswith("$ "):
                expected.append(block[i])
                i += 1
            while expected and expected[-1].strip() == "":
                expected.pop()
            out.append((command, expected))
        else:
            i += 1
    return out


def matches(expected, actual):
    """True when `actual` (lines) matches `expected`, where `...` matches any run of lines."""
    segments, current = [], []
    for line in expected:
        if line.strip() == "...":
            segments.append(current)
            current = []
        else:
            current.append(line)
    segments.append(current)
    if len(segments) == 1:
        return expected == actual
    first, last = segments[0], segments[-1]
    if actual[:len(first)] != first:
        return False
    if last and actual[len(actual) - len(last):] != last:
        return False
    position = len(first)
    end = len(actual) - len(last)
    for segment in segments[1:-1]:
        found = False
        while position + len(segment) <= end:
            if actual[position:position + len(segment)] == segment:
                position += len(segment)
                found = True
                break
            position += 1
        if not found:
            return False
    return position <= end


def normalise(lines):
    return [ELAPSED.sub(r"\g<1>0", line.rstrip()) for line in lines]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    readme = sys.argv[2] if len(sys.argv) > 2 else "README.md"
    root = os.path.dirname(os.path.abspath(readme))
    lines = open(readme, encoding="utf-8").read().split("\n")
    scratch = tempfile.mkdtemp(prefix="readme-check-")
    bindir = os.path.join(scratch, ".bin")
    os.makedirs(bindir)
    os.symlink(binary, os.path.join(bindir, "gamesolve"))
    for folder in ("Examples", "Tests"):
        os.symlink(os.path.join(root, folder), os.path.join(scratch, folder))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""), COLUMNS="100", NO_COLOR="1")
    ran = failed = skipped = 0
    try:
        for start, markers, block in blocks(lines):
            for m in markers:
                if m.startswith("file "):
                    path = m[len("file "):].strip()
                    ran += 1
                    text = open(os.path.join(root, path), encoding="utf-8").read().rstrip("\n").split("\n")
                    if block != text:
                        failed += 1
                        print(f"README.md:{start}: the block differs from {path}")
            cases = examples(block)
            if not cases:
                continue
            skip = [m for m in markers if m.startswith("skip")]
            if skip:
                skipped += len(cases)
                print(f"README.md:{start}: skipped {len(cases)} example(s): {skip[0][4:].strip()}")
                continue
            for m in markers:
                if m.startswith("before "):
                    subprocess.run(m[len("before "):], shell=True, cwd=scratch, env=env, check=True,
                                   executable="/bin/bash")
            cwd = root if "in-repo" in markers else scratch
            for command, expected in cases:
                missing = [t for t in PEER_TOOLS if re.search(rf"\b{t}\b", command) and shutil.which(t) is None]
                if missing:
                    skipped += 1
                    print(f"README.md:{start}: skipped `{command}`: {', '.join(missing)} not installed")
                    continue
                ran += 1
                try:
                    r = subprocess.run(command, shell=True, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, timeout=300, executable="/bin/bash")
                    actual_text = r.stdout.decode("utf-8", "replace")
                    if r.returncode != 0:
                        actual_text = r.stderr.decode("utf-8", "replace") + actual_text
                except subprocess.TimeoutExpired:
                    actual_text = "(timed out after 300 s)"
                actual = normalise(actual_text.rstrip("\n").split("\n"))
                if not actual_text.strip():
                    actual = []
                if not matches(normalise(expected), actual):
                    failed += 1
                    print(f"README.md:{start}: `{command}` printed something else. Expected:")
                    print("\n".join("    " + x for x in expected))
                    print("  Got:")
                    print("\n".join("    " + x for x in actual))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"README examples: {ran} run, {ran - failed} matched, {failed} differ, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
