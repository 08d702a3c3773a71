#!/usr/bin/env bash
# The benchmark run of issue 9: everything side by side in one run, about 10 minutes on a 2-core machine, results
# in bench/RESULTS.md. Also reachable as `./feedbackbot bench`.
#
#   bench/run.sh                     the whole run
#   BENCH_QUICK=1 bench/run.sh       shorter phases (a smoke test of the harness; numbers not for publishing)
#   BENCH_SERVER_OPTS="-XX:+UseG1GC" bench/run.sh     other JVM options for the server
#   BENCH_CAMPAIGN_RECIPIENTS=… BENCH_CAMPAIGN_SECONDS=… bench/run.sh   campaign audience and sending cap (1000000, 90)
#   BENCH_LANES=… BENCH_CONNECTIONS=… BENCH_WARMUP=… BENCH_DURATION=…   engine lanes, load connections, phase seconds
#   BENCH_SERVER_JAR=… BENCH_RUN_DIR=… BENCH_RESULTS=… bench/run.sh   another server build (before/after)
#
# Starts (all on 127.0.0.1, free ports): a Redis (Debian's redis-server, append-only, appendfsync always like the
# embedded default), a provider stub (WeChat API and SMS provider), the server with a benchmark configuration, the
# bare Netty ceiling server; then runs the load generator against each, redis-benchmark against the same Redis,
# the memory probe, and JMH. Every process it starts is stopped at the end, also on failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/bench"
run=${BENCH_RUN_DIR:-"$bench/target/run"}
results=${BENCH_RESULTS:-"$bench/RESULTS.md"}
jar="$bench/target/benchmarks.jar"
server_jar=${BENCH_SERVER_JAR:-"$root/server/target/feedbackbot.jar"}   # another build to compare against

quick=${BENCH_QUICK:-0}
warmup=${BENCH_WARMUP:-5}
duration=${BENCH_DURATION:-15}
connections=${BENCH_CONNECTIONS:-128}
lanes=${BENCH_LANES:-32}
campaign_recipients=${BENCH_CAMPAIGN_RECIPIENTS:-1000000}
campaign_seconds=${BENCH_CAMPAIGN_SECONDS:-90}
server_opts=${BENCH_SERVER_OPTS:-"-Xms2g -Xmx2g -XX:+UseParallelGC"}
if [ "$quick" = 1 ]; then warmup=2; duration=4; campaign_recipients=20000; campaign_seconds=20; fi

say() { printf '\n== %s (%s)\n' "$*" "$(date +%H:%M:%S)"; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "${redis_port:-}" ]; then redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  say "installing Debian's redis-server and redis-tools"
  apt-get install -y redis-server redis-tools >/dev/null
fi

say "building server and bench"
started=$(date +%s)
"$root/mvnw" -B -q -DskipTests -pl server,bench -am package
rm -rf "$run" && mkdir -p "$run/redis" "$run/data"

mapfile -t ports < <(java -cp "$jar" io.feedbackbot.bench.setup.FreePorts 4)
redis_port=${ports[0]}; http_port=${ports[1]}; ceiling_port=${ports[2]}; stub_port=${ports[3]}

say "machine"
{
  echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "ram=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME") $(uname -r)"
  echo "jdk=$(java -version 2>&1 | head -2 | tail -1)"
  echo "redis=$(redis-server --version | sed 's/ sha=.*malloc=/, malloc=/')"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "server_opts=$server_opts"
  echo "lanes=$lanes"
  echo "connections=$connections"
  echo "warmup=$warmup"
  echo "duration=$duration"
  echo "campaign_recipients=$campaign_recipients"
  echo "campaign_seconds=$campaign_seconds"
  echo "commit=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo '+changes')"
} > "$run/machine.properties"
cat "$run/machine.properties"

say "starting Redis (appendonly yes, appendfsync always), stub, server, ceiling"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$run/redis" --appendonly yes --appendfsync always \
  --save '' --daemonize yes --logfile "$run/redis/redis.log" --pidfile "$run/redis/redis.pid"
redis_url="redis://127.0.0.1:$redis_port"
java -cp "$jar" io.feedbackbot.bench.setup.BenchConfig "$run/bench.yaml" "$http_port" "$redis_url" \
  "http://127.0.0.1:$stub_port" "$run/data" "$root/config/surveys" "$lanes"
java -Xmx128m -cp "$jar" io.feedbackbot.bench.setup.ProviderStub "$stub_port" > "$run/stub.log" 2>&1 & pids+=($!)
java $server_opts -jar "$server_jar" serve --config "$run/bench.yaml" > "$run/server.log" 2>&1 & server_pid=$!
pids+=("$server_pid")
java -Xms512m -Xmx512m -cp "$jar" io.feedbackbot.bench.ceiling.BareNettyServer "$ceiling_port" > "$run/ceiling.log" 2>&1 &
ceiling_pid=$!
pids+=("$ceiling_pid")
for _ in $(seq 240); do
  curl -sf "http://127.0.0.1:$http_port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! curl -sf "http://127.0.0.1:$http_port/readyz" >/dev/null; then
  echo "server did not start within 2 minutes:"; tail -20 "$run/server.log"
  jstack "$server_pid" > "$run/server-stuck.txt" 2>&1 && echo "its threads: $run/server-stuck.txt"
  exit 1
fi

load() { # target port out [extra args]
  local target=$1 port=$2 out=$3; shift 3
  java -Xms3g -Xmx3g -cp "$jar" io.feedbackbot.bench.load.LoadGenerator --target "$target" --port "$port" \
    --connections "$connections" --warmup "$warmup" --duration "$duration" --run "$out" --out "$run/load-$out.json" "$@"
}
cpu() { # pid: CPU seconds (user + system) the process has used so far
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"
}
measured() { # target port out pid: a load run, with the CPU that the target process and Redis spent on it
  local target=$1 port=$2 out=$3 pid=$4 redis_pid
  redis_pid=$(cat "$run/redis/redis.pid")
  local t0 r0; t0=$(cpu "$pid"); r0=$(cpu "$redis_pid")
  load "$target" "$port" "$out"
  awk -v t0="$t0" -v t1="$(cpu "$pid")" -v r0="$r0" -v r1="$(cpu "$redis_pid")" \
    'BEGIN {printf "target_cpu_s=%.2f\nredis_cpu_s=%.2f\n", t1 - t0, r1 - r0}' > "$run/cpu-$out.properties"
}
heap() { # out: samples the server heap every second until stopped
  jstat -gc "$server_pid" 1000 > "$run/heap-$1.txt" 2>/dev/null & echo $!
}

say "warming up the server: every channel for a while, not measured"
# The first minute of a fresh JVM is spent compiling; without this the first channel measured pays for it.
for channel in wechat sms webchat; do
  java -Xmx1g -cp "$jar" io.feedbackbot.bench.load.LoadGenerator --target "$channel" --port "$http_port" \
    --connections 32 --warmup 0 --duration "$(( warmup * 3 ))" --fraction 0 --customers 5000 --run "warm$channel" | tail -1
done

say "ceiling: bare Netty"
measured ceiling "$ceiling_port" ceiling "$ceiling_pid"
for channel in wechat sms webchat; do
  say "full path: $channel"
  sampler=$(heap "$channel")
  measured "$channel" "$http_port" "$channel" "$server_pid"
  kill "$sampler" 2>/dev/null || true
done

say "memory: MEMORY USAGE after the load"
java -cp "$jar" io.feedbackbot.bench.memory.RedisMemoryProbe "$redis_url" "$run/memory.json" 1000 > /dev/null

say "redis-benchmark SET on the same Redis (appendfsync always)"
redis-benchmark -p "$redis_port" -t set -n 200000 -c 50 -r 100000000 --csv > "$run/redis-benchmark-always.csv"
cat "$run/redis-benchmark-always.csv"

say "WeChat again with appendfsync everysec"
redis-cli -p "$redis_port" config set appendfsync everysec > /dev/null
redis-benchmark -p "$redis_port" -t set -n 200000 -c 50 -r 100000000 --csv > "$run/redis-benchmark-everysec.csv"
measured wechat "$http_port" wechat-everysec "$server_pid"
redis-cli -p "$redis_port" config set appendfsync always > /dev/null

say "campaign dispatch: $campaign_recipients web chat recipients, pacing off, at most $campaign_seconds s of sending"
# Through the campaign API of the benchmark server, on the same Redis (appendfsync always) as redis-benchmark above.
# The driver cancels the campaign when the cap ends it, so nothing is still sending while JMH runs.
set_rate=$(awk -F'"' 'NR == 2 {print $4}' "$run/redis-benchmark-always.csv")
java -cp "$jar" io.feedbackbot.bench.campaign.CampaignDriver "http://127.0.0.1:$http_port" \
  bench-admin-token-0123456789 "$campaign_recipients" "$campaign_seconds" "$set_rate" "$run/campaign.json" \
  > "$run/campaign.log" 2>&1 || {
  tail -5 "$run/campaign.log"
  echo '{"measured": false, "reason": "the campaign driver failed (bench/target/run/campaign.log)"}' > "$run/campaign.json"
}
cat "$run/campaign.json"

say "JMH: answer parsing and complaint classification"
jmh_args=(-f 1 -wi 3 -w 2 -i 5 -r 2)
[ "$quick" = 1 ] && jmh_args=(-f 1 -wi 1 -w 1 -i 2 -r 1)
java -jar "$jar" 'AnswerParserBenchmark|ComplaintClassifierBenchmark.assess|WechatCodecBenchmark' "${jmh_args[@]}" \
  -rf json -rff "$run/jmh.json" > "$run/jmh.log" 2>&1
# sed, not head: head would close the pipe early and, with pipefail, end the whole run here.
grep -E '^(Benchmark|[A-Za-z].*(sample|p0\.50|p0\.99) )' "$run/jmh.log" | grep -E 'p0.50|p0.99|Benchmark' | sed -n '1,20p'

echo "stub_calls=$(curl -sf "http://127.0.0.1:$stub_port/calls" || echo '?')" >> "$run/machine.properties"
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$run/machine.properties"
echo "total_seconds=$(( $(date +%s) - started ))" >> "$run/machine.properties"

say "writing bench/RESULTS.md"
java -cp "$jar" io.feedbackbot.bench.report.ResultsReport "$run" "$bench/FINDINGS.md" "$results"
echo "done in $(( $(date +%s) - started )) s: $results"
