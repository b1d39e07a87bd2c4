#!/usr/bin/env bash
# Start-up time and memory of the jar with its built-in database (see BENCHMARKS.md, "Start-up"):
#   bench/startup.sh [rounds] [extra JVM options...]
# Builds the jar unless SKIP_BUILD=1, then, in a fresh directory under target/startup:
# - one first start of `java -jar` (initdb, migrations, demo load);
# - the jar extracted (java -Djarmode=tools -jar ... extract) and JDK 25's AOT cache trained by one
#   start of the extracted jar that exits after refresh (-XX:AOTCacheOutput=app.aot);
# - [rounds] (default 3) rounds of restarts on the same data, each round one restart of every way
#   to start, interleaved so that all see the same machine: "jar" (java -jar the fat jar),
#   "extracted" (java -jar on the extracted jar), "aot" (extracted, -XX:AOTCache=app.aot).
# Each start runs until Spring logs "Started", sits 5 s, and is stopped with SIGTERM. Printed for
# each: the JVM's "process running for", the resident memory of the JVM, the load average; then
# the median of each way. Extra options go to every start. Nothing needs to exist beforehand.
# The training start uses a database of its own (training/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! java -version 2>&1 | grep -qE 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
rounds="${1:-3}"
shift || true
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -o -q -B -ntp package -DskipTests
fi
jar=$(realpath "$(ls target/carebook-*.jar | head -1)")
run=target/startup/$(date +%Y%m%d-%H%M%S)
mkdir -p "$run"
cd "$run"
extracted=app/$(basename "$jar")
common=(--server.port=0 --carebook.embedded-database.port=0)

start() { # $1: label, then the java arguments
  local label=$1 pid line rss jvm
  shift
  echo "launched at $(date +%H:%M:%S.%N)" >"$label.log"
  CAREBOOK_DEV=true java "$@" "${common[@]}" >>"$label.log" 2>&1 &
  pid=$!
  until line=$(grep -m1 'Started CarebookApplication' "$label.log"); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$label: the application ended; see $run/$label.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  if [ "$label" = first ]; then # the demo loads after "Started": let it finish
    until grep -q 'Demo organization loaded' "$label.log"; do sleep 0.5; done
    grep -o 'Demo organization loaded in [0-9]* ms' "$label.log"
  fi
  sleep 5 # as a server sits after start
  # resident: all, anonymous (heap, metaspace, code), file-backed (the jar's classes, the AOT cache)
  rss=$(awk '/^(VmRSS|RssAnon|RssFile):/ {m[$1]=int($2/1024)} END {printf "%d MB (anonymous %d, file %d)", m["VmRSS:"], m["RssAnon:"], m["RssFile:"]}' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid" || true
  jvm=$(sed -E 's/.*process running for ([0-9.]+)\).*/\1/' <<<"$line")
  echo "$label: started in $jvm s, JVM resident $rss, load average $(cut -d' ' -f1 /proc/loadavg)"
  echo "$jvm" >>"times-$label"
}

start first "$@" -jar "$jar"
java -Djarmode=tools -jar "$jar" extract --destination app >/dev/null
echo "training the AOT cache (one start of the extracted jar that exits after refresh)..."
CAREBOOK_DEV=true java "$@" -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
  -jar "$extracted" "${common[@]}" --carebook.embedded-database.directory=training/postgres \
  >training.log 2>&1
# exiting on refresh leaves the built-in PostgreSQL running: stop it (fast shutdown)
if [ -f training/postgres/postmaster.pid ]; then
  kill -INT "$(head -1 training/postgres/postmaster.pid)" 2>/dev/null || true
fi
echo "AOT cache: $(du -m app.aot | cut -f1) MB"
for i in $(seq 1 "$rounds"); do
  start jar "$@" -jar "$jar"
  start extracted "$@" -jar "$extracted"
  start aot "$@" -XX:AOTCache=app.aot -jar "$extracted"
done
for way in jar extracted aot; do
  sort -n "times-$way" | awk -v w="$way" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%-9s median of %d restarts: %.2f s\n", w, NR, m}'
done
