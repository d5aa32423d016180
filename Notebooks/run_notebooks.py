"""Execute the notebooks in this folder.

Usage: python Notebooks/run_notebooks.py [--check] [NOTEBOOK ...]   (default: every *.ipynb here)

Without --check each notebook is executed in place, so its committed outputs are current.
With --check (CI) copies are executed in a temporary directory and nothing is written into
Notebooks/; the exit status is 1 when any cell raises, and that cell's error is printed.
Either way one line per notebook gives its time. The notebooks find the binary through
$GAMESOLVE (scripts/notebooks.sh sets it) and read $GAMESOLVE_NOTEBOOKS_QUICK (smaller runs).
"""
import os
import pathlib
import re
import shutil
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

here = pathlib.Path(__file__).resolve().parent
repo = here.parent
args = sys.argv[1:]
check = "--check" in args
paths = [pathlib.Path(p).resolve() for p in args if p != "--check"] or sorted(here.glob("*.ipynb"))

workdir = here
if check:
    # A scratch copy of the repository's top level: Notebooks/ is a fresh directory (the notebooks'
    # temporary files and images/ land there), everything else is a symlink, so the notebooks'
    # relative paths (../Examples, ../Tests, ../.build) still resolve.
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="gamesolve-notebooks-"))
    for entry in repo.iterdir():
        if entry.name not in ("Notebooks", ".git"):
            (scratch / entry.name).symlink_to(entry)
    workdir = scratch / "Notebooks"
    workdir.mkdir()
    # The kernels' temporary files (quick mode's figures, gamesolve's peer files) go in there too.
    (scratch / "tmp").mkdir()
    os.environ["TMPDIR"] = str(scratch / "tmp")

failed = []
for path in paths:
    start = time.time()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600 if check else 1800, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
        failed.append(path.name)
        print(f"{path.name}: FAILED after {time.time() - start:.0f} s", flush=True)
        # The traceback without the terminal colour codes, so CI logs read plainly.
        print(re.sub(r"\x1b\[[0-9;]*m", "", str(error)), file=sys.stderr, flush=True)
        continue
    if check:
        nbformat.write(nb, workdir / path.name)
    else:
        nbformat.write(nb, path)
    print(f"{path.name}: {'ok' if check else 'executed'} in {time.time() - start:.0f} s", flush=True)

if check:
    shutil.rmtree(workdir.parent, ignore_errors=True)
if failed:
    print(f"notebooks: {len(failed)} failed: {', '.join(failed)}", flush=True)
    sys.exit(1)
