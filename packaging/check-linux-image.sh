#!/usr/bin/env bash
# Packaging check for CI: builds the Linux app image with `mvn -Ppackage package` (jlink,
# jpackage, AppCDS archive) and proves that its launcher works: `Envoi send --wait` must put a
# .eml in a pickup folder, with the AppCDS archive mapped (-Xshare:on fails otherwise).
#
#   packaging/check-linux-image.sh           # from the project folder, or anywhere
#
# Exits 0 when the check passed, 1 when it failed, and 0 with "SKIPPED: reason" when this machine
# cannot package at all (not Linux, or no jpackage in the JDK); it never skips quietly.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() { echo "check-linux-image: SKIPPED: $*"; exit 0; }
fail() { echo "check-linux-image: FAILED: $*" >&2; exit 1; }

[ "$(uname -s)" = Linux ] || skip "not Linux ($(uname -s)); this check builds the Linux app image"
# Maven runs the JDK of JAVA_HOME, or else the one whose java is on the PATH.
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin}
jdk_bin=${jdk_bin:-$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")}
[ -x "$jdk_bin/jpackage" ] || skip "$jdk_bin has no jpackage (Debian: apt-get install openjdk-17-jdk)"

# What jpackage needs on a fresh Debian machine: objcopy (binutils) to strip the runtime, and
# fakeroot for the .deb. The app image needs only the first, but install both as the .deb would.
missing=()
command -v objcopy >/dev/null || missing+=(binutils)
command -v fakeroot >/dev/null || missing+=(fakeroot)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    skip "${missing[*]} missing and cannot be installed here (needs apt-get as root)"
  fi
fi

started=$(date +%s)
mvn -B -q -Ppackage package -DskipTests -Denvoi.installers=false \
  || fail "mvn -Ppackage package did not build the app image"

launcher=target/jpackage/image/Envoi/bin/Envoi
[ -x "$launcher" ] || fail "$launcher was not built"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" send --profile "$profile" \
  --from a@example.org --to b@example.org --subject x --body y --undo-seconds 0 --wait \
  || fail "$launcher send --wait exited with $?"

eml=$(find "$profile/pickup" -maxdepth 1 -name '*.eml' | head -n 1)
[ -n "$eml" ] || fail "no .eml in $profile/pickup"
grep -q '^Subject: x' "$eml" || fail "$eml has no 'Subject: x' line"
grep -q '^To: b@example.org' "$eml" || fail "$eml has no 'To: b@example.org' line"

# bin/envoi (what the desktop entry and /usr/bin/envoi start) must map the same archive.
JAVA_TOOL_OPTIONS=-Xshare:on target/jpackage/image/Envoi/bin/envoi --help >/dev/null \
  || fail "bin/envoi --help with the AppCDS archive exited with $?"

echo "check-linux-image: passed in $(( $(date +%s) - started )) s: the app image's launcher sent $(basename "$eml")," \
  "image $(du -sh target/jpackage/image/Envoi | cut -f1)"
