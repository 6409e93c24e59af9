#!/usr/bin/env bash
# Installs a real VS Code (code-server from npm) for `npm start` and the editor tests, and with
# --browser Debian's Chromium for the browser tests and screenshots.
#
# Usage: bash scripts/install-code-server.sh [--browser]
#
# Only the Debian packages that are missing are installed (apt-get, --no-install-recommends),
# after saying which and why; on a terminal it asks first (IMR_ASSUME_YES=1 or CI=true do not).
# code-server goes into a tools folder outside the repository,
#   ${IMR_TOOLS_DIR:-$HOME/.cache/imr-tools}/code-server-<version>
# with a marker written once everything is built and loads, so a second run returns at once.
#
# Output: a few lines of progress on stderr (one line per step, redrawn in place on a terminal);
# everything the tools print goes to $TOOLS_ROOT/install-code-server.log, whose path is shown
# only when a step fails. The last (and only) line on stdout is the code-server executable:
#   CODE_SERVER="$(bash scripts/install-code-server.sh)"
#
# Why not `npm install -g code-server`? Its postinstall refuses root without --unsafe-perm and
# downloads ripgrep and prebuilt native modules from GitHub, which may not be reachable. So its
# postinstall.sh is replayed by hand: --ignore-scripts everywhere, ripgrep from Debian, native
# modules compiled here with npm's own node-gyp.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
WITH_BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --browser) WITH_BROWSER=1 ;;
    -h | --help)
      sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
      exit 0
      ;;
    *)
      printf 'install-code-server: unknown option %s (try --help)\n' "$arg" >&2
      exit 2
      ;;
  esac
done

TOOLS_ROOT="${IMR_TOOLS_DIR:-$HOME/.cache/imr-tools}"
case "$TOOLS_ROOT" in /*) ;; *) TOOLS_ROOT="$PWD/$TOOLS_ROOT" ;; esac
DEST="$TOOLS_ROOT/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.imr-install-complete"
EXECUTABLE="$DEST/node_modules/.bin/code-server"
LOG="$TOOLS_ROOT/install-code-server.log"
STEP_LOG="$TOOLS_ROOT/install-code-server.step.log"
mkdir -p "$TOOLS_ROOT"

# Native modules are compiled against the running Node's ABI, so the ABI is part of the marker.
NODE_ABI="$(node -p 'process.versions.modules')"
MARKER_CONTENT="code-server@$CODE_SERVER_VERSION node-abi=$NODE_ABI"

TTY=0
[ -t 2 ] && TTY=1
say() { printf '%s\n' "$*" >&2; }
die() {
  say "install-code-server: $*"
  exit 1
}

# step LABEL COUNTER COMMAND...: runs COMMAND with its output in the log and shows one line of
# progress; COUNTER is a function printing what has been done so far ("" for none).
step() {
  local label="$1" counter="$2"
  shift 2
  local start=$SECONDS frame=0 frames='|/-\' rc=0 detail
  : >"$STEP_LOG"
  printf '\n===== %s: %s\n' "$(date '+%F %T')" "$label" >>"$LOG"
  "$@" >>"$STEP_LOG" 2>&1 &
  local pid=$!
  if [ "$TTY" = 1 ]; then
    while kill -0 "$pid" 2>/dev/null; do
      detail="$([ -n "$counter" ] && "$counter" || true)"
      printf '\r\033[K%s %s%s (%d s)' "${frames:frame++%4:1}" "$label" "${detail:+: $detail}" $((SECONDS - start)) >&2
      sleep 0.25
    done
  fi
  wait "$pid" || rc=$?
  cat "$STEP_LOG" >>"$LOG"
  detail="$([ -n "$counter" ] && "$counter" || true)"
  [ "$TTY" = 1 ] && printf '\r\033[K' >&2
  if [ "$rc" != 0 ]; then
    say "$label: failed (exit $rc). Last lines of its output:"
    tail -n 15 "$STEP_LOG" | sed 's/^/    /' >&2
    say "Full log: $LOG"
    rm -f "$STEP_LOG"
    exit 1
  fi
  say "$label: done${detail:+, $detail} ($((SECONDS - start)) s)"
  rm -f "$STEP_LOG"
}

# --- 1. Debian packages: only the missing ones, said before installing -------
declare -A WHY=(
  [ripgrep]="VS Code's search in files (code-server would download it from GitHub)"
  [libkrb5-dev]="headers to compile VS Code's kerberos module (sign-in through proxies)"
  [g++]="compiles VS Code's native modules"
  [make]="compiles VS Code's native modules"
  [python3]="runs node-gyp, which compiles VS Code's native modules"
  [chromium]="the headless browser the browser tests and screenshots drive"
)
NEEDED=(ripgrep libkrb5-dev)
# Compilers may come from elsewhere than Debian: the commands are what counts.
for tool in g++ make python3; do command -v "$tool" >/dev/null || NEEDED+=("$tool"); done
[ "$WITH_BROWSER" = 1 ] && NEEDED+=(chromium)

is_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
MISSING=()
for p in "${NEEDED[@]}"; do is_installed "$p" || MISSING+=("$p"); done

count_set_up() { printf '%s/%s set up' "$(grep -c '^Setting up ' "$STEP_LOG" || true)" "$APT_TOTAL"; }

if [ "${#MISSING[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null || die "missing Debian packages ${MISSING[*]}, and this system has no apt-get: install them, then run again"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null ||
      die "missing Debian packages ${MISSING[*]}; as root, run: apt-get install --no-install-recommends ${MISSING[*]}"
    SUDO=(sudo)
    # Ask for the password now, not under the progress line.
    sudo -v
  fi
  APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get -q -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
  say "These Debian packages are missing; they will be installed with apt-get (without recommended packages):"
  for p in "${MISSING[@]}"; do printf '    %-12s %s\n' "$p" "${WHY[$p]}" >&2; done
  step "apt-get update" "" "${APT[@]}" update
  # What apt will really do, dependencies included, from its own dry run.
  PLAN="$(LC_ALL=C apt-get -s install --no-install-recommends "${MISSING[@]}" 2>&1)" ||
    die "apt-get cannot install ${MISSING[*]}:$(printf '\n%s' "$PLAN" | tail -n 5)"
  # "Inst name (version ...)" is a new package, "Inst name [installed] (version ...)" an upgrade.
  NEW=$(grep -cE '^Inst [^ ]+ \(' <<<"$PLAN" || true)
  UPGRADED=$(grep -cE '^Inst [^ ]+ \[' <<<"$PLAN" || true)
  APT_TOTAL=$((NEW + UPGRADED))
  DISK="$("${APT[@]}" install --assume-no --no-install-recommends "${MISSING[@]}" 2>/dev/null |
    sed -n 's/^After this operation, \(.*\) of additional disk space will be used\./\1/p' || true)"
  summary="apt-get will install $NEW packages (these and their dependencies${DISK:+, $DISK on disk})"
  [ "$UPGRADED" -gt 0 ] && summary+=" and upgrade $UPGRADED installed ones to matching versions"
  say "$summary."
  say "(To list them: apt-get -s install --no-install-recommends ${MISSING[*]})"
  if [ -t 0 ] && [ -z "${CI:-}" ] && [ "${IMR_ASSUME_YES:-}" != 1 ]; then
    printf 'Install them now? [Y/n] ' >&2
    read -r answer || answer=n
    case "$answer" in
      "" | [Yy]*) ;;
      *) die "nothing installed; to install them yourself: apt-get install --no-install-recommends ${MISSING[*]}" ;;
    esac
  fi
  step "apt-get install ${MISSING[*]}" count_set_up "${APT[@]}" install -y --no-install-recommends "${MISSING[@]}"
  for p in "${MISSING[@]}"; do is_installed "$p" || die "$p is still not installed; see $LOG"; done
fi
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing (Debian package ripgrep)"
[ "$WITH_BROWSER" = 0 ] || [ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing (Debian package chromium)"

# --- 2. Cached fast path -----------------------------------------------------
installed() { [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$MARKER_CONTENT" ] && [ -x "$EXECUTABLE" ]; }
if installed; then
  say "code-server $CODE_SERVER_VERSION is installed in $DEST"
  echo "$EXECUTABLE"
  exit 0
fi
mkdir -p "$DEST"
# Serialise concurrent runs (two test jobs on one machine).
if command -v flock >/dev/null; then
  exec 9>"$DEST/.lock"
  flock 9
  if installed; then
    echo "$EXECUTABLE"
    exit 0
  fi
fi
rm -f "$MARKER"
START=$SECONDS
say "Installing code-server $CODE_SERVER_VERSION (VS Code in the browser) into $DEST"

# --- 3. code-server and VS Code's JavaScript dependencies, from npm ---------
NPM=(npm --no-audit --no-fund --no-update-notifier --loglevel=http)
count_packages() { printf '%s packages' "$(grep -cE 'http (fetch GET 200|cache) .*\.tgz' "$STEP_LOG" || true)"; }
download() {
  cd "$DEST"
  # A package.json pins npm's prefix to this folder (else npm walks up the tree).
  [ -f package.json ] || printf '{\n  "name": "imr-code-server-tools",\n  "private": true\n}\n' >package.json
  "${NPM[@]}" install --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION"
  [ -f "$DEST/node_modules/code-server/out/node/entry.js" ] || {
    echo "code-server's out/node/entry.js is missing after npm install"
    return 1
  }
  cd "$DEST/node_modules/code-server/lib/vscode"
  "${NPM[@]}" install --omit=dev --ignore-scripts
  cd extensions
  "${NPM[@]}" install --omit=dev --ignore-scripts
}
step "Download code-server and VS Code's modules from npm" count_packages download

CS="$DEST/node_modules/code-server"
VSCODE="$CS/lib/vscode"

# --- 4. Native modules, compiled by npm's node-gyp as their install scripts would ---
NPM_ROOT="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)"
GYP_BIN="$NPM_ROOT/bin/node-gyp-bin"
[ -x "$GYP_BIN/node-gyp" ] || die "npm's node-gyp not found in $GYP_BIN"
# Node's headers: npm's nodedir setting, else beside this node; never a download.
NODEDIR="$(npm config get nodedir 2>/dev/null || true)"
if [ -z "$NODEDIR" ] || [ "$NODEDIR" = undefined ] || [ "$NODEDIR" = null ]; then
  NODEDIR="$(node -p 'require("path").resolve(process.execPath, "../..")')"
fi
[ -f "$NODEDIR/include/node/common.gypi" ] || [ -f "$NODEDIR/common.gypi" ] ||
  die "Node's headers are not in $NODEDIR (set npm's nodedir to a folder that has include/node)"

NATIVE=("$VSCODE/node_modules/@vscode/spdlog" "$VSCODE/node_modules/native-watchdog" "$VSCODE/node_modules/node-pty" "$VSCODE/node_modules/kerberos" "$DEST/node_modules/argon2")
count_built() { printf '%s/%s modules' "$(grep -c '^built ' "$STEP_LOG" || true)" "${#NATIVE[@]}"; }
compile() {
  export PATH="$GYP_BIN:$PATH" npm_config_nodedir="$NODEDIR" npm_config_node_gyp="$NPM_ROOT/node_modules/node-gyp/bin/node-gyp.js"
  local dir
  for dir in "${NATIVE[@]}"; do
    cd "$dir"
    # argon2 is built by node-pre-gyp (it sets the output folder); the others by plain node-gyp.
    if [ "$(basename "$dir")" = argon2 ]; then
      "$DEST/node_modules/.bin/node-pre-gyp" rebuild
    else
      node-gyp rebuild
    fi
    echo "built $dir"
  done
  # @parcel/watcher ships prebuilt (its optional dependency @parcel/watcher-linux-*), like Debian's rg below.
  mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
  cp -f /usr/bin/rg "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
  cd "$VSCODE"
  # Loading them is the real test (ABI, missing shared libraries).
  node -e '
    for (const m of ["@vscode/spdlog", "native-watchdog", "kerberos", "node-pty", "@parcel/watcher"]) {
      try { require(m); } catch (e) { console.error("cannot load " + m + ": " + e.message); process.exit(1); }
    }'
  cd "$DEST"
  node -e 'require("argon2")'
  # The links code-server's postinstall.sh makes.
  cd "$VSCODE"
  ln -sfn node_modules node_modules.asar
  ln -sfn code-linux.sh bin/remote-cli/code-server
  ln -sfn browser-linux.sh bin/helpers/browser.sh
  # code-server writes a config.yaml and logs under the XDG folders even for --version.
  XDG_CONFIG_HOME="$DEST/.xdg/config" XDG_DATA_HOME="$DEST/.xdg/data" "$EXECUTABLE" --version
}
step "Compile VS Code's native modules (node-gyp)" count_built compile

echo "$MARKER_CONTENT" >"$MARKER"
say "code-server $CODE_SERVER_VERSION is ready ($((SECONDS - START)) s)"
echo "$EXECUTABLE"
