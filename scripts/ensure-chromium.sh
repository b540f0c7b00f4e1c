#!/usr/bin/env bash
# The end-to-end tests and the demo drive Debian's Chromium (Playwright's own browser download is not
# reachable here, and Google Chrome ignores --load-extension). Install it when missing, or say how.
set -euo pipefail

CHROMIUM="${LIQLENS_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
  if [ ! -x "$CHROMIUM" ]; then
    echo "ensure-chromium: apt-get installed chromium but $CHROMIUM is still missing" >&2
    exit 1
  fi
  exit 0
fi

cat >&2 <<MSG
ensure-chromium: $CHROMIUM is missing and this is not root, so it cannot be installed here.
Install Debian's Chromium (not Playwright's download), then run the tests again:

  sudo apt-get update && sudo apt-get install -y chromium

Or point LIQLENS_CHROMIUM at an existing Chromium binary that accepts --load-extension.
MSG
exit 1
