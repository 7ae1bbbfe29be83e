#!/usr/bin/env bash
# Installs the programs the unit tests drive, through apt, and skips what is already there:
#   chromium  (the standalone pages and pictures in a real headless browser),
#   pdflatex  (every sample's LaTeX export compiled; texlive-latex-base and -recommended).
# .ci/run runs this before the tests; locally, a test that needs a missing tool is skipped and names this script.
# The dpkg lock timeout lets it wait for another install (a parallel run) instead of failing.
set -euo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v pdflatex >/dev/null 2>&1 || packages+=(texlive-latex-base texlive-latex-recommended)
if [ ${#packages[@]} -eq 0 ]; then
  echo "test tools: chromium and pdflatex are installed"
  exit 0
fi

SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
echo "test tools: installing ${packages[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${packages[@]}" </dev/null >/dev/null
command -v chromium >/dev/null && command -v pdflatex >/dev/null
