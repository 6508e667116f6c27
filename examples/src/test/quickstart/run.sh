#!/usr/bin/env bash
# Checks docs/quickstart.md end to end: installs CloudTwin into the local Maven repository, copies
# the page's dependency block and first test into an empty Maven project, and runs that project's
# tests offline against the installed artifacts. Run by .ci/run after `./mvnw -B verify`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
page="$root/docs/quickstart.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. what the page tells users to do first
(cd "$root" && ./mvnw -B -q install -DskipTests -pl junit-extension -am)

# 2. the page's blocks: the xml after "<!-- quickstart: dependencies -->", the java after the
#    QuickStartTest snippet marker
block() { # $1 = marker regex, prints the fenced block after the marker line
  awk -v marker="$1" '
    $0 ~ marker { armed = 1; next }
    armed && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$page"
}
deps="$(block '<!-- quickstart: dependencies -->')"
test_source="$(block '<!-- snippet: .*QuickStartTest.java#quickstart -->')"
[ -n "$deps" ] || { echo "quickstart: no dependency block in $page" >&2; exit 1; }
[ -n "$test_source" ] || { echo "quickstart: no QuickStartTest block in $page" >&2; exit 1; }

mkdir -p "$work/src/test/java/com/example"
{
  echo "package com.example;"
  echo
  printf '%s\n' "$test_source"
} > "$work/src/test/java/com/example/QuickStartTest.java"
cat > "$work/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>quickstart</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
$deps
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
    </plugins>
  </build>
</project>
POM

# 3. the fresh project, offline: everything it needs is in the local repository now
"$root/mvnw" -B -q -o test -f "$work/pom.xml"
report="$work/target/surefire-reports/TEST-com.example.QuickStartTest.xml"
grep -q 'tests="1"' "$report" && grep -q 'failures="0"' "$report" && grep -q 'errors="0"' "$report" \
  || { echo "quickstart: expected 1 passing test, see $report" >&2; cat "$report" >&2; exit 1; }
echo "quickstart: docs/quickstart.md compiles and passes in a fresh Maven project"
