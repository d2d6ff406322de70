#!/usr/bin/env bash
# Tests/Runtime must run on Unity's NUnit, a 3.5 build (com.unity.ext.nunit). Tools~/mono-tests.sh compiles and runs
# them against NUnit 3.6.0, the oldest NuGet serves; this finds the framework API that 3.6 added (its release notes:
# Assert.Multiple, Warn.If/Warn.Unless/Assert.Warn, NonTestAssemblyAttribute). Exits non-zero when one is used.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if grep -rnE --include='*.cs' '\bAssert\.(Multiple|Warn)\b|\bWarn\.(If|Unless)\b|\bNonTestAssembly' "$ROOT/Tests/Runtime" "$ROOT/Tests/Unity"; then
  echo "nunit35-check: the lines above use NUnit 3.6 API that Unity's NUnit 3.5 lacks" >&2
  exit 1
fi
echo "nunit35-check: Tests/Runtime and Tests/Unity use no NUnit 3.6 API"
