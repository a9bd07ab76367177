#!/usr/bin/env bash
# Installs the system packages the project needs and a fresh machine may lack: a JDK 17/21 and Maven (the local
# Neo4j) and, with --browser, Debian's chromium (the browser tests). Run by `npm test` (pretest) and .ci/run.
# As root it installs them with apt-get; otherwise it says what to install and fails.
set -euo pipefail

missing=()
# A Neo4j named by NEO4J_URI (or TEST_NEO4J_URI for the tests) needs no local JDK or Maven.
if [[ -z "${NEO4J_URI:-}${TEST_NEO4J_URI:-}" ]]; then
  command -v mvn >/dev/null || missing+=(maven)
  java_ok=false
  for java in java /usr/lib/jvm/*/bin/java; do
    if v=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1) && [[ "$v" == 17 || "$v" == 21 ]]; then
      java_ok=true
      break
    fi
  done
  $java_ok || missing+=(openjdk-17-jre-headless)
fi
if [[ "${1:-}" == "--browser" && ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then missing+=(chromium); fi

((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]}) and run again." >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
