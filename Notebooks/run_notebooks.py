"""Execute the notebooks in this folder in place, so their committed outputs are current.

Usage: python Notebooks/run_notebooks.py [NOTEBOOK ...]   (default: every *.ipynb here)
The notebooks find the binary through $GAMESOLVE (scripts/notebooks.sh sets it).
"""
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient

here = pathlib.Path(__file__).resolve().parent
paths = [pathlib.Path(p) for p in sys.argv[1:]] or sorted(here.glob("*.ipynb"))
for path in paths:
    start = time.time()
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=1800, kernel_name="python3",
                   resources={"metadata": {"path": str(here)}}).execute()
    nbformat.write(nb, path)
    print(f"{path.name}: executed in {time.time() - start:.0f} s", file=sys.stderr)
