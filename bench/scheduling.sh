#!/usr/bin/env bash
# Scheduling at scale (see BENCHMARKS.md):
#   bench/scheduling.sh [organizations] [doctors per organization] [appointments per doctor]
# defaults to a quick 20 x 5 x 200; the reported run is 1000 x 5 x 1000 (5,000,000 appointments).
# Where the time goes (written to target/bench/), through BENCH_OPTS:
#   BENCH_OPTS="-Dcarebook.embedded-database.statement-statistics=true"  statements-*.txt, the 40
#                                                    costliest statements of each measured phase
#   BENCH_OPTS="-Dbench.jfr=true"                    a JFR recording of each phase
#   BENCH_OPTS="-Dbench.warmUpSeconds=40"            a longer warm-up (default 8 s)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! java -version 2>&1 | grep -qE 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
mvn -q -B -ntp test -Pbench -Dtest=SchedulingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.organizations="${1:-20}" -Dbench.doctors="${2:-5}" -Dbench.appointments="${3:-200}" \
  ${BENCH_OPTS:-}
# (Maven passes these user properties on to the test JVM as system properties.)
cat target/bench/scheduling.txt
