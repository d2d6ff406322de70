#!/usr/bin/env bash
# Puts the native libraries the package ships into its plugin folder (where Unity finds them and from where the
# runtime project copies them beside the CLI and tests): the audio core, the third-party libraries of
# Tools~/native-deps.sh, and ONNX Runtime's native library from the NuGet restore, the version of the managed
# assembly the runtime references.
# Usage: Tools~/native-plugins.sh PLUGIN_DIR AUDIO_CORE_SO THIRDPARTY_PREFIX   (after dotnet restore)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
plugins=$1 core=$2 prefix=$3
mkdir -p "$plugins"
cp "$core" "$prefix/lib/libvoicenpc_openal.so" "$prefix/lib/libvoicenpc_flite.so" "$prefix/lib/libvoicenpc_sphinx.so" "$plugins/"

version=$(grep -o 'Include="Microsoft.ML.OnnxRuntime.Managed" Version="[^"]*"' "$ROOT/Runtime/VoiceNpc.Runtime.csproj" | cut -d'"' -f4)
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
ort="$packages/microsoft.ml.onnxruntime/$version/runtimes/linux-x64/native/libonnxruntime.so"
if [ ! -f "$ort" ]; then
  echo "native-plugins.sh: $ort is missing: the NuGet package Microsoft.ML.OnnxRuntime $version was not restored" >&2
  exit 1
fi
cp "$ort" "$plugins/"

# The licence texts the binaries' licences ask to be reproduced with them (BSD, LGPL, MIT), from the same sources, in a
# "~" folder Unity does not import but the tarball carries.
licenses="$plugins/Licenses~"
downloads="$prefix/../downloads"
mkdir -p "$licenses"
license() { tar xzf "$downloads/$1" --wildcards -O "*/$2" > "$licenses/$3"; }
license speexdsp_1.2.1.orig.tar.gz COPYING speexdsp.txt
license openal-soft_1.24.2.orig.tar.gz COPYING openal-soft.txt
license openal-soft_1.24.2.orig.tar.gz LICENSE-pffft openal-soft-pffft.txt
license flite_2.2.orig.tar.gz COPYING flite.txt
license "sphinxbase_0.8+5prealpha+1.orig.tar.gz" LICENSE sphinxbase.txt
license "pocketsphinx_0.8+5prealpha+1.orig.tar.gz" LICENSE pocketsphinx.txt
cp "$packages/microsoft.ml.onnxruntime/$version/LICENSE" "$licenses/onnxruntime.txt"
cp "$packages/microsoft.ml.onnxruntime/$version/ThirdPartyNotices.txt" "$licenses/onnxruntime-third-party-notices.txt"
