#!/usr/bin/env bash
# The engine-free tests (Tests/Runtime) on Debian's Mono, the runtime family of Unity's editor and Mono players: the
# runtime's netstandard2.1 build with the managed dependencies as the package ships them. Exits non-zero on a failure.
#   Tools~/mono-tests.sh [MANAGED_DIR [NATIVE_DIR]]
# MANAGED_DIR  the dependency DLLs as shipped (default: Runtime/Plugins/Managed, renamed VoiceNpc.Vendor.*); the
#              runtime and the tests are compiled against them as Unity compiles them (Tools~/UnityCompile --emit)
# NATIVE_DIR   the native plugins (default: Runtime/Plugins/x86_64)
# Needs Debian's mono-runtime and mono-devel (mcs, sn, Mono.Cecil), installed by ./build.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MONO_TESTS="$ROOT/Tests/Mono~"
WORK="$ROOT/.artifacts/mono"
RUN="$WORK/run"
MANAGED=${1:-"$ROOT/Runtime/Plugins/Managed"}
NATIVE=${2:-"$ROOT/Runtime/Plugins/x86_64"}
CECIL=$(ls /usr/lib/mono/gac/Mono.Cecil/0.11.*/Mono.Cecil.dll 2>/dev/null | head -n 1 || true)
if [ -z "$CECIL" ] || ! command -v mcs >/dev/null; then
  echo "mono-tests: Debian's mono-devel (mcs, Mono.Cecil 0.11) is missing: ./build.sh installs it" >&2
  exit 1
fi
NETSTANDARD=/usr/lib/mono/4.5/Facades/netstandard.dll
NUGET=$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')
start=$(date +%s)

echo "==> Mono tests: compiling the runtime, the cloud providers and Tests/Runtime as Unity does (Tools~/UnityCompile)"
dotnet build "$ROOT/Tools~/UnityCompile/UnityCompile.csproj" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
rm -rf "$WORK/unity"
dotnet "$ROOT/.artifacts/bin/UnityCompile/release/UnityCompile.dll" "$ROOT" --emit "$WORK/unity" >/dev/null
TESTS_OUT="$WORK/unity/editor"

# Unity's profile supplies these as facades over its own types; a portable copy beside them collides with them.
for clash in System.Memory System.Buffers System.Threading.Tasks.Extensions; do
  if [ -f "$MANAGED/$clash.dll" ]; then
    echo "mono-tests: $MANAGED/$clash.dll must not be shipped: Unity's .NET Standard 2.1 profile provides $clash" >&2
    exit 1
  fi
done

rm -rf "$RUN" && mkdir -p "$RUN"
cp "$MANAGED"/*.dll "$RUN/"
cp "$TESTS_OUT"/VoiceNpc.Runtime.dll "$TESTS_OUT"/VoiceNpc.Cloud.dll "$TESTS_OUT"/VoiceNpc.Tests.dll "$RUN/"
# The NUnit the tests were compiled against (the oldest NuGet serves, nearest to Unity's NUnit 3.5), as its .NET 4.5 build.
NUNIT_VERSION=$(sed -n 's/.*PackageDownload Include="NUnit" Version="\[\([^]]*\)\]".*/\1/p' "$ROOT/Tools~/UnityCompile/UnityCompile.csproj")
cp "$NUGET/nunit/$NUNIT_VERSION/lib/net45/nunit.framework.dll" "$RUN/"

# The facades, with the public key of the assemblies they stand in for (taken from Mono's netstandard.dll, which has
# the same token); Mono does not verify strong-name signatures, so delay-signing is enough.
sn -q -e "$NETSTANDARD" "$WORK/cc7b13ffcd2ddd51.snk" >/dev/null
for facade in "$MONO_TESTS"/Facades/*.cs; do
  mcs -nologo -target:library -delaysign+ -keyfile:"$WORK/cc7b13ffcd2ddd51.snk" -r:"$NETSTANDARD" \
    -out:"$RUN/$(basename "$facade" .cs).dll" "$facade"
done

mcs -nologo -out:"$WORK/InModifierStripper.exe" -r:"$CECIL" -r:System.Core "$MONO_TESTS/InModifierStripper.cs"
mono "$WORK/InModifierStripper.exe" "$RUN"/*.dll
mcs -nologo -out:"$RUN/MonoTestHost.exe" -r:"$RUN/nunit.framework.dll" "$MONO_TESTS/MonoTestHost.cs"

# Mono resolves a bare DllImport name ("voicenpc_audio") as lib<name>.so through the loader's search path.
LIBS="$NATIVE"
if [ ! -f "$NATIVE/libonnxruntime.so" ]; then
  LIBS="$LIBS:$(ls -d "$NUGET"/microsoft.ml.onnxruntime/*/runtimes/linux-x64/native | tail -n 1)"
fi
echo "==> Mono tests: running on $(mono --version | head -n 1 | cut -d' ' -f1-5), managed DLLs from $MANAGED"
status=0
(cd "$RUN" && LD_LIBRARY_PATH="$LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" timeout 600 \
  mono --debug MonoTestHost.exe VoiceNpc.Tests.dll "$MONO_TESTS/exclusions.txt") || status=$?
echo "mono-tests: $(( $(date +%s) - start )) s"
exit $status
