# shellcheck shell=bash
# What every benchmark launcher shares: building the bench module (and what it needs) from this checkout
# through the reactor, and running one of its programs on the class path that build resolved.
#   bench_build [extra Maven args...]      mvn -pl bench -am package -DskipTests (never installs anything);
#                                          skipped with BENCH_NO_BUILD=1 when the reactor was just built
#   bench_java MAIN-CLASS [args...]        java on bench/target/classes + bench/target/bench.classpath, with
#                                          $BENCH_JAVA_OPTS (e.g. -Xmx4g)
#   private_repo DIR                       a local Maven repository for consumer projects: ~/.m2/repository
#                                          hard-linked into DIR once, so installing there leaves ~/.m2 alone
# Expects $root (the checkout).

bench_build() {
  if [ "${BENCH_NO_BUILD:-}" = 1 ] && [ -f "$root/bench/target/bench.classpath" ]; then return 0; fi
  echo "[bench] building the bench module and what it needs (mvn -pl bench -am package -DskipTests)" >&2
  mvn -B -q -f "$root/pom.xml" -pl bench -am package -DskipTests "$@" >&2
}

bench_java() {
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of JVM options
  java ${BENCH_JAVA_OPTS:-} -cp "$root/bench/target/classes:$(cat "$root/bench/target/bench.classpath")" "$@"
}

private_repo() { # dir
  local repo="$1" shared="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
  if [ ! -d "$repo" ]; then
    mkdir -p "$(dirname "$repo")"
    cp -al "$shared" "$repo"
  fi
  # Snapshots installed by an earlier run are replaced, never linked back into ~/.m2.
  rm -rf "$repo/dev/poolguard"
}
