#!/usr/bin/env bash
# Live queue latency (see BENCHMARKS.md): open boards follow a steady stream of visit moves.
#   bench/queue-board.sh [boards] [moves per second] [seconds]
# defaults to the reported run: 50 boards, 5 moves a second, 60 seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! java -version 2>&1 | grep -qE 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
mvn -q -B -ntp test -Pbench -Dtest=QueueBoardBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.boards="${1:-50}" -Dbench.rate="${2:-5}" -Dbench.seconds="${3:-60}"
cat target/bench/queue-board.txt
