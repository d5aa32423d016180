# Convenience aliases for the two scripts the README names.
.PHONY: demo test
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh
