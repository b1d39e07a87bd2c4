#!/usr/bin/env bash
# Notifications: time to drain a backlog of due reminders to a local fake provider (see
# BENCHMARKS.md):   bench/notifications.sh [messages]   (default 2,000; the reported run 100,000)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! java -version 2>&1 | grep -qE 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
mvn -q -B -ntp test -Pbench -Dtest=DrainBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.messages="${1:-2000}"
cat target/bench/notifications.txt
