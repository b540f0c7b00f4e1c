#!/usr/bin/env bash
# The browser tests drive Debian's own browsers: Chromium for the end-to-end tests and the demo (Playwright's
# browser download is not reachable here, and Google Chrome ignores --load-extension), Firefox ESR for the Firefox
# smoke test (over WebDriver BiDi, no driver download). Installs the one asked for when missing, or says how.
#   usage: scripts/ensure-browser.sh chromium|firefox-esr
set -euo pipefail

case "${1:-}" in
  chromium) PACKAGE=chromium BINARY="${LIQLENS_CHROMIUM:-/usr/bin/chromium}" VARIABLE=LIQLENS_CHROMIUM ;;
  firefox-esr) PACKAGE=firefox-esr BINARY="${LIQLENS_FIREFOX:-/usr/bin/firefox-esr}" VARIABLE=LIQLENS_FIREFOX ;;
  *)
    echo "ensure-browser: name the browser, chromium or firefox-esr (got '${1:-}')" >&2
    exit 2
    ;;
esac

if [ -x "$BINARY" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  echo "ensure-browser: $BINARY is missing; installing Debian's $PACKAGE package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "$PACKAGE"
  if [ ! -x "$BINARY" ]; then
    echo "ensure-browser: apt-get installed $PACKAGE but $BINARY is still missing" >&2
    exit 1
  fi
  exit 0
fi

cat >&2 <<MSG
ensure-browser: $BINARY is missing and this is not root, so it cannot be installed here.
Install Debian's $PACKAGE package, then run the tests again:

  sudo apt-get update && sudo apt-get install -y $PACKAGE

Or point $VARIABLE at an existing binary.
MSG
exit 1
