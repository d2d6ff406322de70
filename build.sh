#!/usr/bin/env bash
# VoiceNpc set-up, build, demo and tests on a fresh Debian 12 machine.
#   ./build.sh        install system packages, fetch the models, build everything
#   ./build.sh demo   the above, then a three-turn spoken conversation with the sample blacksmith
#   ./build.sh package  the above, then the Unity package tarball (.artifacts/package/com.voicenpc.voicenpc-<version>.tgz)
#   ./build.sh test   the above set-up, then every test (the package check on the tarball it builds first)
#   ./build.sh bench  the above set-up, then the benchmarks (figures, not pass/fail)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

# The native libraries are built from source (Tools~/native-deps.sh); these are their build tools and the headers of
# the audio back-ends OpenAL Soft loads at run time; Mono runs the engine-free tests.
APT_PACKAGES="python3 pulseaudio npm cmake gcc g++ make bison curl ca-certificates pkg-config libpulse-dev libasound2-dev mono-runtime mono-devel"
DEPS="$ROOT/.artifacts/thirdparty/prefix"

install_packages() {
  local missing=""
  for p in $APT_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  command -v dotnet >/dev/null 2>&1 || { echo "build.sh: the .NET SDK (dotnet) is required" >&2; exit 1; }
  command -v npm >/dev/null 2>&1 && missing=${missing/ npm/}
  # The studio's browser tests drive Debian's Chromium through Playwright (no browser download); its recommends are not needed.
  local browser=""
  dpkg -s chromium >/dev/null 2>&1 || browser="chromium"
  [ -z "$missing$browser" ] && return
  echo "==> installing:$missing $browser"
  $SUDO apt-get update -qq
  [ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  [ -z "$browser" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $browser >/dev/null
}

# The models the runtime loads (Runtime/Resources/VoiceNpcModels/*.bytes) and the development tools' generic language model.
fetch_models() { "$ROOT/Tools~/fetch-models.sh"; }

build() {
  echo "==> building"
  "$ROOT/Tools~/native-deps.sh" "$ROOT/.artifacts/thirdparty"
  native_build "$ROOT/.artifacts/native/release"
  dotnet restore "$ROOT/VoiceNpc.sln" -nologo -v q
  # Where Unity looks for native plugins, and where the runtime project copies them from beside the CLI and tests.
  "$ROOT/Tools~/native-plugins.sh" "$ROOT/Runtime/Plugins/x86_64" "$ROOT/.artifacts/native/release/libvoicenpc_audio.so" "$DEPS"
  dotnet build "$ROOT/VoiceNpc.sln" -c Release -nologo -v q -clp:ErrorsOnly --no-restore
  # The managed DLLs the package ships, from the restore and checked against Tools~/ManagedPlugins/manifest.tsv.
  python3 "$ROOT/Tools~/ManagedPlugins/managed_plugins.py"
  # ... shipped under names of their own, so they cannot clash with a project's copies (Documentation~/dependencies.md).
  dotnet build "$ROOT/Tools~/VendorRename/VendorRename.csproj" -c Release -nologo -v q -clp:ErrorsOnly
  dotnet "$ROOT/.artifacts/bin/VendorRename/release/VendorRename.dll" "$ROOT/.artifacts/managed-plugins" "$ROOT"
}

# Every asmdef compiled as Unity would: its own sources, C# 9, netstandard 2.1 and only what the package ships.
unity_compile() {
  echo "==> compiling the package's asmdefs as Unity would (Tools~/UnityCompile)"
  dotnet build "$ROOT/Tools~/UnityCompile/UnityCompile.csproj" -c Release -nologo -v q -clp:ErrorsOnly
  dotnet "$ROOT/.artifacts/bin/UnityCompile/release/UnityCompile.dll" "$ROOT"
}

# The native audio core (NativeAudio/, C11 + CMake + CTest).
native_build() {
  cmake -S "$ROOT/NativeAudio" -B "$1" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNA_DEPS_PREFIX="$DEPS" "${@:2}" >/dev/null
  cmake --build "$1" -j2 >/dev/null
}

# PulseAudio with two null sinks for real-device tests: virtual speakers (the NPC plays there; tests record their
# monitor) and a virtual microphone (tests play the player there; the NPC captures its monitor).
start_pulse() {
  if ! pactl info >/dev/null 2>&1; then
    pulseaudio -D --exit-idle-time=-1 -n --load=module-native-protocol-unix 2>/dev/null || true
    for _ in $(seq 100); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
    pactl info >/dev/null 2>&1 || { echo "build.sh: PulseAudio did not start" >&2; exit 1; }
  fi
  pactl list short sinks | grep -q vnpc_spk \
    || pactl load-module module-null-sink sink_name=vnpc_spk sink_properties=device.description=VoiceNpcSpeakers >/dev/null
  pactl list short sinks | grep -q vnpc_mic \
    || pactl load-module module-null-sink sink_name=vnpc_mic sink_properties=device.description=VoiceNpcMicrophone >/dev/null
  export VNA_TEST_PLAYBACK=VoiceNpcSpeakers VNA_TEST_MICROPHONE=VoiceNpcMicrophone
}

native_test() {
  echo "==> native tests (plain with real PulseAudio devices; ring, DSP and reference under ASan+UBSan, ring and reference under TSan)"
  start_pulse
  (cd "$ROOT/.artifacts/native/release" && ctest --output-on-failure)
  native_build "$ROOT/.artifacts/native/asan" -DVNA_SANITIZE=ON
  (cd "$ROOT/.artifacts/native/asan" && ctest --output-on-failure -R "ring|dsp|reference")
  native_build "$ROOT/.artifacts/native/tsan" -DVNA_THREAD_SANITIZE=ON
  (cd "$ROOT/.artifacts/native/tsan" && ctest --output-on-failure -R "ring|reference")
}

# IL2CPP/AOT safety: the runtime's sources with the trim and AOT analyzers; an IL2xxx/IL3xxx warning fails the build.
aot_check() {
  echo "==> AOT check (Tools~/AotCheck: trim and AOT analyzers over the runtime)"
  dotnet build "$ROOT/Tools~/AotCheck/VoiceNpc.Runtime.AotCheck.csproj" -c Release -nologo -v q -clp:ErrorsOnly
}

setup() { install_packages; fetch_models; build; }

# The Unity package: `voicenpc package build` (Editor/Cli~/Package/) says what goes in; prints the tarball's path.
package_build() { echo "==> building the Unity package" >&2; "$ROOT/voicenpc" package build --root "$ROOT"; }

case "${1:-}" in
  "") setup ;;
  demo)
    setup
    S="$ROOT/Samples~/Blacksmith"
    "$ROOT/voicenpc" talk --character "$S/brenna.character.json" \
      --input "$S/player/02-what-do-you-sell.wav" \
      --input "$S/player/03-can-you-repair-my-sword.wav" \
      --input "$S/player/04-how-much-is-a-shield.wav" \
      --output "$ROOT/out/demo"
    ;;
  package)
    setup
    package_build
    ;;
  test)
    setup
    "$ROOT/Tools~/check-native.sh"
    TARBALL=$(package_build)
    echo "==> package check"
    "$ROOT/voicenpc" package check "$TARBALL"
    unity_compile
    native_test
    aot_check
    dotnet test "$ROOT/Tests/VoiceNpc.Tests.csproj" -c Release --no-build -nologo --blame-hang-timeout 5m
    # The engine-free tests again on Debian's Mono, with the managed dependencies as the package ships them, and
    # checked for NUnit API newer than Unity's NUnit 3.5.
    "$ROOT/Tools~/mono-tests.sh"
    "$ROOT/Tools~/nunit35-check.sh"
    ;;
  bench)
    setup
    start_pulse
    "$ROOT/.artifacts/native/release/bench_dsp"
    "$ROOT/.artifacts/native/release/bench_echo"
    "$ROOT/voicenpc" bench "${@:2}"
    ;;
  *) echo "usage: ./build.sh [demo|package|test|bench]" >&2; exit 2 ;;
esac
