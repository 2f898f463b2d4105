# Sourced by scripts/run and scripts/test: find Python >= 3.12 and make .venv current.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }

find_python() {
    local c
    for c in "${PYTHON:-}" python3.14 python3.13 python3.12 python3; do
        [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && python_ok "$c" && { command -v "$c"; return; }
    done
    # pyenv installs: the shims fail for versions that are not selected, so use the prefixes directly.
    if command -v pyenv >/dev/null 2>&1; then
        for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9]|[2-9][0-9])' | sort -rV); do
            c="$(pyenv prefix "$v" 2>/dev/null)/bin/python"
            python_ok "$c" && { echo "$c"; return; }
        done
    fi
    for c in "$HOME"/.pyenv/versions/3.*/bin/python /usr/local/bin/python3.* /usr/bin/python3.*; do
        [ -x "$c" ] && python_ok "$c" && { echo "$c"; return; }
    done
    return 1
}

# This machine's pip configuration names local mirrors that may be absent; their warnings are noise.
pip_quiet() {
    .venv/bin/python -m pip --quiet --disable-pip-version-check "$@" 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }
}

# The venv is current when it exists with a good Python and was built from these requirement files.
stamp_of() { cat "$@" | sha256sum | cut -c1-16; }

ensure_venv() {
    local files=("$@") want
    want="$(stamp_of "${files[@]}")"
    if [ -x .venv/bin/python ] && python_ok .venv/bin/python && grep -qx "$want" .venv/.requirements-stamp 2>/dev/null; then
        return
    fi
    if ! [ -x .venv/bin/python ] || ! python_ok .venv/bin/python; then
        local py
        py="$(find_python)" || { echo "error: Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)" >&2; exit 1; }
        echo "Creating .venv with $py ($("$py" --version))"
        rm -rf .venv
        "$py" -m venv .venv
    fi
    pip_quiet install --upgrade pip
    for f in "${files[@]}"; do
        pip_quiet install -r "$f"
    done
    echo "$want" > .venv/.requirements-stamp
}
