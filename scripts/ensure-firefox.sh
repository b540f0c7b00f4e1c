#!/usr/bin/env bash
# The Firefox smoke test (npm run test:firefox) drives Debian's Firefox ESR over WebDriver BiDi, with no
# downloaded browser or driver. Install it when missing, or say how.
set -euo pipefail

FIREFOX="${LIQLENS_FIREFOX:-/usr/bin/firefox-esr}"

if [ -x "$FIREFOX" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  echo "ensure-firefox: $FIREFOX is missing; installing Debian's firefox-esr package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y firefox-esr
  if [ ! -x "$FIREFOX" ]; then
    echo "ensure-firefox: apt-get installed firefox-esr but $FIREFOX is still missing" >&2
    exit 1
  fi
  exit 0
fi

cat >&2 <<MSG
ensure-firefox: $FIREFOX is missing and this is not root, so it cannot be installed here.
Install Debian's Firefox ESR (it needs WebDriver BiDi's webExtension.install; 153 has it), then run the tests again:

  sudo apt-get update && sudo apt-get install -y firefox-esr

Or point LIQLENS_FIREFOX at an existing Firefox binary.
MSG
exit 1
