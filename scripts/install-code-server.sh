#!/usr/bin/env bash
# Installs a real VS Code (code-server from npm) plus headless Chromium for
# integration and browser tests.
#
# Idempotent and cached: code-server goes into a tools folder OUTSIDE the repo
#   ${IMR_TOOLS_DIR:-$HOME/.cache/imr-tools}/code-server-<version>
# and a marker file is written when everything is built and verified, so a
# second run on the same machine returns almost immediately.
#
# Output: progress goes to stderr; the LAST (and only) line on stdout is the
# path of the code-server executable, so callers can do
#   CODE_SERVER="$(bash scripts/install-code-server.sh)"
#
# Why not a plain `npm install -g code-server`? Its post-install refuses to run
# as root without --unsafe-perm and downloads ripgrep (and some prebuilt native
# modules) from GitHub, which is not reachable here. So we replay its
# postinstall.sh by hand: --ignore-scripts everywhere, ripgrep from Debian,
# native modules compiled locally with `npm rebuild`.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
TOOLS_ROOT="${IMR_TOOLS_DIR:-$HOME/.cache/imr-tools}"
case "$TOOLS_ROOT" in /*) ;; *) TOOLS_ROOT="$PWD/$TOOLS_ROOT" ;; esac
DEST="$TOOLS_ROOT/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.imr-install-complete"
APT_PACKAGES=(libkrb5-dev ripgrep chromium)

log() { printf '[install-code-server] %s\n' "$*" >&2; }
die() { printf '[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }

# Native modules are compiled against the running Node's ABI: a different Node
# (major) means they must be rebuilt, so the ABI is part of the marker.
NODE_ABI="$(node -p 'process.versions.modules')"
MARKER_CONTENT="code-server@$CODE_SERVER_VERSION node-abi=$NODE_ABI"
EXECUTABLE="$DEST/node_modules/.bin/code-server"

# --- 1. Debian packages (skipped when all are installed) ---------------------
apt_all_installed() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || return 1
  done
}
if apt_all_installed; then
  log "apt packages already installed: ${APT_PACKAGES[*]}"
else
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${APT_PACKAGES[*]}"
    SUDO="sudo"
  fi
  log "apt-get install ${APT_PACKAGES[*]} ..."
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y "${APT_PACKAGES[@]}" >&2
  apt_all_installed || die "apt packages still missing after apt-get install: ${APT_PACKAGES[*]}"
fi
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing (Debian package ripgrep)"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing (Debian package chromium)"

# --- 2. Cached fast path -----------------------------------------------------
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$MARKER_CONTENT" ] && [ -x "$EXECUTABLE" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $DEST"
  echo "$EXECUTABLE"
  exit 0
fi

mkdir -p "$DEST"
# Serialise concurrent runs (e.g. two test jobs on one machine).
if command -v flock >/dev/null; then
  exec 9>"$DEST/.lock"
  flock 9
  if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$MARKER_CONTENT" ] && [ -x "$EXECUTABLE" ]; then
    log "code-server installed by a concurrent run"
    echo "$EXECUTABLE"
    exit 0
  fi
fi
rm -f "$MARKER"
START=$SECONDS

# Plain npm settings for everything below: never prompt, no audit/fund noise.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_yes=true   # /root/.npmrc has yes=false; node-pty's postinstall runs `npx node-gyp`

# --- 3. code-server package (scripts off: its postinstall refuses root) ------
cd "$DEST"
# A package.json pins npm's prefix to this folder (else npm walks up the tree).
[ -f package.json ] || printf '{\n  "name": "imr-code-server-tools",\n  "private": true\n}\n' > package.json
log "npm install --ignore-scripts code-server@$CODE_SERVER_VERSION in $DEST"
npm install --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION" >&2

CS="$DEST/node_modules/code-server"
VSCODE="$CS/lib/vscode"
[ -f "$CS/out/node/entry.js" ] || die "code-server entry.js missing after npm install"

# --- 4. VS Code's own dependencies (replays code-server's postinstall.sh) ----
cd "$VSCODE"
log "npm install --omit=dev --ignore-scripts in lib/vscode"
npm install --omit=dev --ignore-scripts >&2

# @vscode/ripgrep's postinstall would download rg from GitHub: use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
cp -f /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
chmod +x node_modules/@vscode/ripgrep/bin/rg

# Native modules. npm 11 may print a notice that these install scripts are not
# covered by an allowScripts policy; they still run (strict-allow-scripts is
# off), and we verify the results below rather than trusting the exit status.
log "npm rebuild @vscode/spdlog native-watchdog @parcel/watcher (node-gyp; takes a minute)"
# @parcel/watcher uses its prebuilt npm package @parcel/watcher-linux-x64-*
# unless npm_config_build_from_source=true, so this is cheap for it.
npm rebuild @vscode/spdlog native-watchdog @parcel/watcher >&2 \
  || die "npm rebuild @vscode/spdlog native-watchdog @parcel/watcher failed"
# kerberos runs `prebuild-install || node-gyp rebuild`; build_from_source
# skips the (GitHub) prebuild download attempt. Needs libkrb5-dev.
log "npm rebuild kerberos"
npm_config_build_from_source=true npm rebuild kerberos >&2 || die "npm rebuild kerberos failed"
# node-pty: the default `node-gyp rebuild` install hook builds pty.node, then
# its postinstall runs `npx node-gyp configure -f compile_commands_json`, which
# only generates an IDE file and may fail (npx prompt / offline). Judge by the
# build output instead of the exit status.
log "npm rebuild node-pty"
if ! npm rebuild node-pty >&2; then
  log "npm rebuild node-pty exited non-zero (its postinstall's npx step); checking pty.node"
fi

for f in \
  node_modules/@vscode/spdlog/build/Release/spdlog.node \
  node_modules/native-watchdog/build/Release/watchdog.node \
  node_modules/kerberos/build/Release/kerberos.node \
  node_modules/node-pty/build/Release/pty.node; do
  [ -f "$f" ] || die "native module not built: $VSCODE/$f (see npm output above)"
done
# Loading them is the real test (ABI, missing shared libraries, ...).
node -e '
  for (const m of ["@vscode/spdlog", "native-watchdog", "kerberos", "node-pty", "@parcel/watcher"]) {
    try { require(m); } catch (e) { console.error("cannot load " + m + ": " + e.message); process.exit(1); }
  }' >&2 || die "a native module of lib/vscode does not load"

ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh

log "npm install --omit=dev --ignore-scripts in lib/vscode/extensions"
cd "$VSCODE/extensions"
npm install --omit=dev --ignore-scripts >&2

# --- 5. argon2 (code-server's password hashing; loaded at startup) ----------
cd "$DEST"
log "npm rebuild argon2"
# node-pre-gyp would try a GitHub download first; build from source directly.
npm_config_build_from_source=true npm rebuild argon2 >&2 || die "npm rebuild argon2 failed"
node -e 'require("argon2")' >&2 || die "argon2 does not load after npm rebuild"

[ -x "$EXECUTABLE" ] || die "$EXECUTABLE missing or not executable"
# code-server writes a default config.yaml and log files under the XDG dirs
# even for --version: keep them inside the tools folder.
XDG_CONFIG_HOME="$DEST/.xdg/config" XDG_DATA_HOME="$DEST/.xdg/data" \
  "$EXECUTABLE" --version >&2 || die "code-server --version failed"

echo "$MARKER_CONTENT" > "$MARKER"
log "done in $((SECONDS - START)) s: $EXECUTABLE"
echo "$EXECUTABLE"
