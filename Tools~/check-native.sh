#!/usr/bin/env bash
# Fails unless every native library in a plugin folder is player-safe: x86-64 ELF shared objects whose NEEDED entries
# are glibc's or the package's own libraries, with no RPATH and no RUNPATH but $ORIGIN (a library that needs one of
# the package's own has RUNPATH $ORIGIN, so it finds it beside itself), and the libraries the runtime loads are there.
# Usage: Tools~/check-native.sh [PLUGIN_DIR]   (default: Runtime/Plugins/x86_64)
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")/.." && pwd)/Runtime/Plugins/x86_64}

SHIPPED="libvoicenpc_audio.so libvoicenpc_openal.so libvoicenpc_flite.so libvoicenpc_sphinx.so libonnxruntime.so"
GLIBC="libc.so.6 libm.so.6 libpthread.so.0 libdl.so.2 librt.so.1 ld-linux-x86-64.so.2"
OWN="libvoicenpc_openal.so"
# ONNX Runtime is Microsoft's prebuilt C++ library (NuGet): it needs the system's GCC runtime, nothing else.
ONNXRUNTIME_EXTRA="libstdc++.so.6 libgcc_s.so.1"

# The newest glibc symbol version a library may need. Built on Debian 12 (glibc 2.36) without an older sysroot, the
# libraries bind pthread/dl to glibc 2.34 and OpenAL Soft's static libgcc to _dl_find_object (2.35); its arc4random
# (2.36, from the static libstdc++) is defined inside it (Tools~/native-deps.sh). So players need glibc 2.35 or newer
# (Ubuntu 22.04, Debian 12; Documentation~/installation.md). Checked so that it can only go down: lower it when the
# libraries are built against an older sysroot.
GLIBC_FLOOR=2.35

failures=0
fail() { echo "check-native.sh: $1" >&2; failures=$((failures + 1)); }
listed() { case " $2 " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

for name in $SHIPPED; do [ -f "$dir/$name" ] || fail "$dir/$name is missing (./build.sh builds it)"; done

for lib in "$dir"/*.so; do
  [ -f "$lib" ] || continue
  name=$(basename "$lib")
  header=$(readelf -h "$lib" 2>/dev/null) || { fail "$name is not an ELF file"; continue; }
  grep -q 'Class:[[:space:]]*ELF64' <<<"$header" && grep -q 'Machine:[[:space:]]*Advanced Micro Devices X86-64' <<<"$header" \
    && grep -q 'Type:[[:space:]]*DYN' <<<"$header" || { fail "$name is not an x86-64 ELF shared object"; continue; }
  dynamic=$(readelf -d "$lib")
  allowed="$GLIBC $OWN"; [ "$name" = libonnxruntime.so ] && allowed="$allowed $ONNXRUNTIME_EXTRA"
  needs_own=false
  for needed in $(sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' <<<"$dynamic"); do
    listed "$needed" "$allowed" || fail "$name needs $needed, which is neither glibc nor one of the package's libraries"
    listed "$needed" "$OWN" && needs_own=true
  done
  newest=$(objdump -T "$lib" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
  if [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$newest" "$GLIBC_FLOOR" | sort -V | tail -n 1)" != "$GLIBC_FLOOR" ]; then
    fail "$name needs glibc $newest, newer than the floor $GLIBC_FLOOR players are promised"
  fi
  rpath=$(sed -n 's/.*(RPATH).*\[\(.*\)\]/\1/p' <<<"$dynamic")
  [ -z "$rpath" ] || fail "$name has RPATH $rpath (only RUNPATH \$ORIGIN is allowed)"
  runpath=$(sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p' <<<"$dynamic")
  [ -z "$runpath" ] || [ "$runpath" = '$ORIGIN' ] || fail "$name has RUNPATH $runpath (only \$ORIGIN is allowed)"
  if $needs_own && [ "$runpath" != '$ORIGIN' ]; then fail "$name needs the package's own libraries but has no RUNPATH \$ORIGIN"; fi
done

[ "$failures" -eq 0 ] || { echo "check-native.sh: $failures problem(s) in $dir" >&2; exit 1; }
echo "check-native.sh: the native libraries in $dir need only glibc (at most $GLIBC_FLOOR) and each other"
