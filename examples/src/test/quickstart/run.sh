#!/usr/bin/env bash
# Checks docs/quickstart.md as a new user follows it: installs CloudTwin into the local Maven
# repository (step 1), copies the page's whole pom.xml (step 2) and first test (step 3) into an
# empty folder, and runs `mvn test` there with the machine's own Maven (when there is one) and with
# the Maven Wrapper, then again with the page's JUnit 6 change. Each run must execute at least one
# test and pass. Run by .ci/run.
# MAVEN_REPO_LOCAL=/path uses that local repository instead of ~/.m2 (a private one keeps other
# builds on the machine from seeing the SNAPSHOTs installed here).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
page="$root/docs/quickstart.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo_args=()
[ -n "${MAVEN_REPO_LOCAL:-}" ] && repo_args=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")

# 1. what the page tells users to do first (the BOM, the parent and the JUnit module with its deps)
(cd "$root" && ./mvnw -B -q "${repo_args[@]}" install -DskipTests -Djavadoc.skip=true -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -pl bom,junit-extension -am)

# 2. the page's blocks: the fenced block after each marker line
block() { # $1 = marker regex
  awk -v marker="$1" '
    $0 ~ marker { armed = 1; next }
    armed && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$page"
}
pom="$(block '<!-- quickstart: pom -->')"
junit6="$(block '<!-- quickstart: junit6 -->')"
test_source="$(block '<!-- snippet: .*QuickStartTest.java#quickstart -->')"
[ -n "$pom" ] || { echo "quickstart: no pom block in $page" >&2; exit 1; }
[ -n "$junit6" ] || { echo "quickstart: no JUnit 6 block in $page" >&2; exit 1; }
[ -n "$test_source" ] || { echo "quickstart: no QuickStartTest block in $page" >&2; exit 1; }
bom_version() { sed -n '/<artifactId>junit-bom<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' | head -n 1; }
junit5_version="$(printf '%s\n' "$pom" | bom_version)"
junit6_version="$(printf '%s\n' "$junit6" | bom_version)"
[ -n "$junit5_version" ] && [ -n "$junit6_version" ] || { echo "quickstart: no junit-bom version in the page" >&2; exit 1; }

# 3. an empty project per run; the page's pom verbatim (the JUnit 6 run changes only the BOM version)
run() { # $1 = name, $2 = maven command, $3 = JUnit BOM version
  local dir="$work/$1"
  mkdir -p "$dir/src/test/java/com/example"
  { echo "package com.example;"; echo; printf '%s\n' "$test_source"; } > "$dir/src/test/java/com/example/QuickStartTest.java"
  printf '%s\n' "$pom" | sed "/<artifactId>junit-bom<\/artifactId>/,/<\/version>/s:<version>$junit5_version</version>:<version>$3</version>:" > "$dir/pom.xml"
  grep -q "<version>$3</version>" "$dir/pom.xml" || { echo "quickstart: could not set JUnit $3" >&2; exit 1; }
  (cd "$dir" && $2 -B -q "${repo_args[@]}" test) || { echo "quickstart: $1: '$2 test' failed" >&2; exit 1; }
  local report="$dir/target/surefire-reports/TEST-com.example.QuickStartTest.xml"
  [ -f "$report" ] || { echo "quickstart: $1: no test report: Surefire ran no test" >&2; exit 1; }
  local tests
  tests="$(sed -n 's/.*<testsuite[^>]* tests="\([0-9]*\)".*/\1/p' "$report" | head -n 1)"
  [ "${tests:-0}" -gt 0 ] && grep -q 'failures="0"' "$report" && grep -q 'errors="0"' "$report" \
    || { echo "quickstart: $1: expected passing tests, got tests=${tests:-none}; see the report:" >&2; cat "$report" >&2; exit 1; }
  echo "quickstart: $1: $tests test(s) ran and passed"
}
if command -v mvn >/dev/null 2>&1; then
  run "stock-mvn-junit-$junit5_version" mvn "$junit5_version"
else
  echo "quickstart: no mvn on the PATH: the stock-Maven run is left out"
fi
run "wrapper-junit-$junit5_version" "$root/mvnw" "$junit5_version"
run "wrapper-junit-$junit6_version" "$root/mvnw" "$junit6_version"
echo "quickstart: docs/quickstart.md works as written in empty Maven projects"
