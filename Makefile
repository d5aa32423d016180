# Convenience aliases for the two scripts the README names.
.PHONY: demo test
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh

# Executes the notebooks (venv with matplotlib, nbclient, nbformat, ipykernel from PyPI).
.PHONY: notebooks
notebooks:
	bash scripts/notebooks.sh
