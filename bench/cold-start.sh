#!/usr/bin/env bash
# Cold start to healthy: runs the built jar on a fresh data directory (Elasticsearch not running)
# and reports the seconds until /actuator/health says UP. Build first: ./mvnw -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8097}
data=$(mktemp -d /tmp/jiefen-cold.XXXXXX)
chmod 755 "$data"
jar=$(ls target/jiefen-*.jar | grep -v original | head -1)
start=$(date +%s.%N)
"${JAVA_HOME:-/usr}/bin/java" -jar "$jar" --server.port="$port" --jiefen.data-dir="$data" \
  --jiefen.engine.port=0 --jiefen.mail.port=0 --jiefen.elasticsearch.port=9260 \
  --jiefen.elasticsearch.url=http://127.0.0.1:9260 >"${KEEP_LOG:-$data/app.log}" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 $pid 2>/dev/null || { echo "app died"; tail -50 "${KEEP_LOG:-$data/app.log}"; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)
printf 'cold start to healthy: %.1f s\n' "$(echo "$end - $start" | bc)"
