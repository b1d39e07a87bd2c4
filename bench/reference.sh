#!/usr/bin/env bash
# Issue 18's numbers side by side in one run (see BENCHMARKS.md, "The reference run"):
#   bench/reference.sh [organizations] [doctors per organization] [appointments per doctor]
# defaults to a quick 20 x 5 x 200; the reference run is 1000 x 5 x 1000 on an idle machine.
# One loaded database, one application: bookings and availability in-process and over HTTP,
# availability at 70 % of its measured capacity, the mixed open-model load, plain transactions and
# pgbench's exclusion inserts, and the ratios between them. Through BENCH_OPTS:
#   -Dbench.dataDirectory=target/bench-data   keep the loaded database there; a later run of the same
#                                             size skips the loading (new migrations are applied)
#   -Dbench.startWhen=/tmp/go                 load, then wait until that file exists to measure
#   -Dbench.warmUpSeconds=30 -Dbench.seconds=60 -Dbench.rate=50   warm-ups, open-model windows, the
#                                             mix's rate
#   -Dbench.organizationLimit=600             the per-organization limit, requests a minute (a quick
#                                             size has few organizations: raise it there)
#   -Dcarebook.embedded-database.statement-statistics=true -Dbench.jfr=true   where the time goes
set -euo pipefail
cd "$(dirname "$0")/.."
if ! java -version 2>&1 | grep -qE 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
mvn -q -B -ntp test -Pbench -Dtest=ReferenceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.organizations="${1:-20}" -Dbench.doctors="${2:-5}" -Dbench.appointments="${3:-200}" \
  ${BENCH_OPTS:-}
# (Maven passes these user properties on to the test JVM as system properties.)
cat target/bench/reference.txt
