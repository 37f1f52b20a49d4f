# The two commands of the quick start are `make reports` and `make test`;
# everything else here is a part of them.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KERNEL := service-analytics
STAMP := $(VENV)/.installed

.PHONY: venv kernel reports test constraints clean

venv: $(STAMP)

# Create the virtual environment, install the project with its test extras at
# the pinned versions, and register the Jupyter kernel the runner asks for by name.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	$(MAKE) kernel
	touch $(STAMP)

kernel:
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name 'Python (service analytics)' >/dev/null

reports: venv
	$(VENV)/bin/analysis run --lang all

test: venv
	$(PY) -m pytest

# Refresh the pins after changing dependencies in pyproject.toml.
constraints: venv
	{ echo '# Exact versions used for reports and CI (pip install -c constraints.txt -e ".[test]").'; \
	  echo '# Regenerate with: make constraints'; \
	  $(PY) -m pip freeze --exclude-editable | grep -v '^-e'; } > constraints.txt

clean:
	rm -rf $(VENV) reports/*/ reports/index.html
