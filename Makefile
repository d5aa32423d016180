# Convenience aliases for the two scripts the README names.
.PHONY: demo test
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh

# Executes the notebooks (venv with matplotlib, nbclient, nbformat, ipykernel from PyPI):
# `notebooks` regenerates their committed outputs (release build, ~12 min); `notebooks-check`
# is CI's quick run (debug build, smaller sizes, copies, nothing written; part of scripts/test.sh).
.PHONY: notebooks notebooks-check
notebooks:
	bash scripts/notebooks.sh
notebooks-check:
	bash scripts/notebooks.sh --check
