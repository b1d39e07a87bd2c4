#!/usr/bin/env bash
# Inserts per second with and without the audit trigger, measured in one run (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! java -version 2>&1 | grep -qE 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
mvn -q -B -ntp test -Pbench -Dtest=AuditOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/audit-overhead.txt
