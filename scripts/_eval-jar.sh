# Sourced by scripts/generate and scripts/eval: builds target/nianbao-ingest.jar when it is missing
# or older than the sources, then sets JAR. Offline build (all dependencies are in ~/.m2).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/nianbao-ingest.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]; then
  echo "building $JAR ..." >&2
  (cd "$ROOT" && mvn -q -B -o package -DskipTests) >&2 || { echo "build failed" >&2; exit 1; }
fi
