#!/usr/bin/env bash
# Start-up time and memory of the jar with its built-in database (see BENCHMARKS.md, "Start-up"):
#   bench/startup.sh [rounds] [extra JVM options...]
# Builds the jar unless SKIP_BUILD=1, then, in a fresh directory under target/startup:
# - one first start of `java -jar` on an empty directory (initdb, migrations, the demo: readiness,
#   and so health, waits for the demo's load);
# - the way bin/run starts: the jar extracted, on the bean definitions the build computed ahead of
#   time (-Dspring.aot.enabled=true), JDK 25's AOT cache trained by one start on a throw-away
#   database stopped once healthy, heap capped at -Xmx128m (MALLOC_ARENA_MAX=2 for all);
# - [rounds] (default 5) rounds of restarts on the first start's data, each round one restart of
#   each way, interleaved so that both see the same machine: "jar" (java -jar the fat jar, default
#   heap) and "run" (bin/run's: extracted, -Dspring.aot.enabled=true, -XX:AOTCache, -Xmx128m).
# Each start is timed from its launch until /actuator/health answers 200 (UP: the database
# reachable and the application ready, i.e. after its start-up runners), then sits 5 s and is
# stopped with SIGTERM. Printed for each: healthy (ms from launch, by this script), the JVM's own
# "process running for" at "Started", the JVM's CPU time until healthy (user + system, all
# threads: the work, which a busy machine disturbs less than the wall time), classes loaded (and
# from the AOT cache), the built-in PostgreSQL's start (ms from its launch to ready, and how long
# the start-up waited for it), the JVM's resident memory 5 s after healthy (all / anonymous /
# file-backed), the load average; then the medians of each way. Extra options go to every start.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! java -version 2>&1 | grep -qE 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
rounds="${1:-5}"
shift || true
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -o -q -B -ntp package -DskipTests
fi
jar=$(realpath "$(ls -t target/carebook-*.jar | head -1)")
run=target/startup/$(date +%Y%m%d-%H%M%S)
mkdir -p "$run"
cd "$run"
extracted=app/$(basename "$jar")
export CAREBOOK_DEV=true MALLOC_ARENA_MAX=2
tick=$(getconf CLK_TCK)

free_port() {
  local port=0
  until [ "$port" != 0 ] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((20000 + RANDOM % 20000))
  done
  echo "$port"
}

start() { # $1: label, then the java arguments
  local label=$1 pid port launched healthy cpu line classes shared pg rss
  shift
  port=$(free_port)
  launched=$(date +%s%N)
  java "$@" --server.port="$port" --carebook.embedded-database.port=0 >"$label.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$label: the application ended; see $run/$label.log" >&2
      exit 1
    fi
    sleep 0.05
  done
  healthy=$((($(date +%s%N) - launched) / 1000000))
  cpu=$(awk -v t="$tick" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat")
  classes=$(jcmd "$pid" PerfCounter.print 2>/dev/null | sed -n 's/^java.cls.loadedClasses=//p')
  shared=$(jcmd "$pid" PerfCounter.print 2>/dev/null | sed -n 's/^java.cls.sharedLoadedClasses=//p')
  line=$(grep -m1 -o 'process running for [0-9.]*' "$label.log" | grep -o '[0-9.]*$')
  pg=$(grep -m1 -oE 'ready on port [0-9]+, [0-9]+ ms after it was launched, the start-up waited [0-9]+' "$label.log" |
    sed -E 's/.*, ([0-9]+) ms after.*waited ([0-9]+)/\1 ms, waited \2 ms/')
  if [ "$label" = first ]; then
    grep -o 'Demo organization loaded in [0-9]* ms' "$label.log" || true
  fi
  sleep 5 # as a server sits after start
  # resident: all, anonymous (heap, metaspace, code, the AOT cache's heap), file-backed (classes)
  rss=$(awk '/^(VmRSS|RssAnon|RssFile):/ {m[$1]=int($2/1024)} END {printf "%d MB (%d / %d)", m["VmRSS:"], m["RssAnon:"], m["RssFile:"]}' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid" || true
  echo "$label: healthy in $healthy ms (Started at $line s), JVM CPU $cpu s, classes $classes (${shared:-0} from a CDS/AOT archive), PostgreSQL $pg, resident $rss, load average $(cut -d' ' -f1 /proc/loadavg)"
  echo "$healthy" >>"healthy-$label"
  echo "$cpu" >>"cpu-$label"
}

start first "$@" -jar "$jar" --carebook.embedded-database.directory=data/postgres
java -Djarmode=tools -jar "$jar" extract --destination app >/dev/null
echo "training the AOT cache as bin/run does (one start on a throw-away database, stopped once healthy)..."
port=$(free_port)
java "$@" -Xmx128m -Dspring.aot.enabled=true -XX:AOTCacheOutput=app.aot -jar "$extracted" \
  --server.port="$port" --carebook.embedded-database.directory=temporary \
  --carebook.embedded-database.port=0 >training.log 2>&1 &
training=$!
until curl -sf -o /dev/null "http://localhost:$port/actuator/health"; do sleep 0.5; done
kill -TERM "$training"
wait "$training" || true
echo "AOT cache: $(du -m app.aot | cut -f1) MB"
for i in $(seq 1 "$rounds"); do
  start jar "$@" -jar "$jar" --carebook.embedded-database.directory=data/postgres
  start run "$@" -Xmx128m -Dspring.aot.enabled=true -XX:AOTCache=app.aot -jar "$extracted" \
    --carebook.embedded-database.directory=data/postgres
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%s", (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
for way in jar run; do
  echo "$way: median of $(wc -l <"healthy-$way") restarts: healthy in $(median "healthy-$way") ms, JVM CPU $(median "cpu-$way") s"
done
