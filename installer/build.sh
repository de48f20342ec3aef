#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller and smoke-test it; on Linux also pack a .tar.gz.
# Usage: installer/build.sh   (from anywhere; needs `pip install pyinstaller`)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(python3 -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
python3 -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build installer/tribunal.spec
installer/smoke_test.sh dist/tribunal/tribunal
if [ "$(uname -s)" = Linux ]; then
  tar -C dist -czf "dist/tribunal-${version}-linux-$(uname -m).tar.gz" tribunal
  echo "built dist/tribunal-${version}-linux-$(uname -m).tar.gz"
fi
