#!/bin/sh
# The whole test suite on a fresh Debian or Ubuntu machine: installs the Debian packages the
# tests need (real DAV servers, Chromium) and the npm packages, then runs every check CI runs.
set -eu
cd "$(dirname "$0")/.."

# Radicale and Xandikos (CalDAV/CardDAV), Apache mod_dav (WebDAV), htpasswd for their users,
# Chromium for the end-to-end tests, fonts so screenshots show real letters.
packages="radicale xandikos apache2 apache2-utils python3-passlib python3-bcrypt chromium fonts-dejavu-core"
missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing="$missing $package"
done
if [ -n "$missing" ]; then
  echo "Installing Debian packages:$missing" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

npm ci --no-audit --no-fund
npm run typecheck
npm run lint
npm test
