#!/usr/bin/env bash
# The API under an open-model load (see BENCHMARKS.md, "HTTP load"):
#   bench/http.sh [organizations] [doctors per organization] [appointments per doctor]
# defaults to a quick 20 x 5 x 200; the reference run is 1000 x 5 x 1000 on an idle machine.
# The application runs on a real port with the bulk-loaded data, an API key per organization and
# the organization rate limit at its production value; a load generator in a JVM of its own sends
# mixed traffic at a constant rate. Through BENCH_OPTS:
#   -Dbench.rate=100 -Dbench.seconds=20 -Dbench.warmUpSeconds=10   arrival rate and durations
#   -Dbench.mix=availability=100                   only availability reads (default: the mixed
#                                                  availability=60,book=15,book_idempotent=15,cancel=10)
#   -Dbench.jfr=true                               a JFR profile of the application: target/bench/http.jfr
#   -Dbench.yardsticks=false                       skip the plain transactions and pgbench (A/B runs)
#   -Dbench.organizationLimit=600                  the per-organization limit, requests a minute
#   -Dbench.startWhen=/tmp/go       load, then wait until that file exists to measure (the reference
#                                   size loads for half an hour; only the measuring needs quiet)
#   -Dcarebook.embedded-database.statement-statistics=true   target/bench/statements-http.txt
set -euo pipefail
cd "$(dirname "$0")/.."
if ! java -version 2>&1 | grep -qE 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
mvn -q -B -ntp test -Pbench -Dtest=HttpLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.organizations="${1:-20}" -Dbench.doctors="${2:-5}" -Dbench.appointments="${3:-200}" \
  ${BENCH_OPTS:-}
# (Maven passes these user properties on to the test JVM as system properties.)
cat target/bench/http.txt
