#!/usr/bin/env bash
# Builds the third-party native libraries the package ships for Linux x64, from upstream sources (Debian's orig
# tarballs, SHA-256-pinned), so a player needs nothing beyond glibc:
#   PREFIX/lib/libspeexdsp.a        speexdsp, -fPIC, linked statically into the audio core
#   PREFIX/lib/libvoicenpc_openal.so OpenAL Soft (LGPL: stays a separate library), backends dlopen'ed at run time
#   PREFIX/lib/libvoicenpc_flite.so  Flite + US English lexicon/lang + the voices FliteNative registers
#   PREFIX/lib/libvoicenpc_sphinx.so SphinxBase (with its lapack-lite) + PocketSphinx
# Usage: Tools~/native-deps.sh THIRDPARTY_DIR   (prints nothing when every step is cached)
# Each step is cached under THIRDPARTY_DIR by the source's hash and the step's own text, so editing a step rebuilds it.
set -euo pipefail
TP=$(mkdir -p "$1" && cd "$1" && pwd)
PREFIX="$TP/prefix"
POOL="http://deb.debian.org/debian/pool/main"
JOBS=2

# name  url  sha256 (speexdsp, flite, sphinxbase, pocketsphinx from their .dsc; OpenAL Soft 1.24.2's .dsc is not
# served, its hash is the one of upstream's GitHub tag tarball, which the orig tarball is byte for byte).
SOURCES="
speexdsp $POOL/s/speexdsp/speexdsp_1.2.1.orig.tar.gz 8c777343e4a6399569c72abc38a95b24db56882c83dbdb6c6424a5f4aeb54d3d
openal $POOL/o/openal-soft/openal-soft_1.24.2.orig.tar.gz 7efd383d70508587fbc146e4c508771a2235a5fc8ae05bf6fe721c20a348bd7c
flite $POOL/f/flite/flite_2.2.orig.tar.gz ab1555fe5adc3f99f1d4a1a0eb1596d329fd6d74f1464a0097c81f53c0cf9e5c
sphinxbase $POOL/s/sphinxbase/sphinxbase_0.8+5prealpha+1.orig.tar.gz f72bdb59e50b558bed47cc2105777200d2b246a0f328e913de16a9b22f9a246f
pocketsphinx $POOL/p/pocketsphinx/pocketsphinx_0.8+5prealpha+1.orig.tar.gz ef5bb5547e2712bdf571f256490ef42a47962033892efd9d7df8eed7fe573ed9
"

field() { echo "$SOURCES" | awk -v n="$1" -v f="$2" '$1 == n { print $f }'; }

# Downloads NAME's tarball once (checked) and unpacks it afresh into $TP/src/NAME; prints that folder.
unpack() {
  local name=$1 url sha tarball
  url=$(field "$name" 2); sha=$(field "$name" 3); tarball="$TP/downloads/$(basename "$url")"
  mkdir -p "$TP/downloads"
  if ! echo "$sha  $tarball" | sha256sum -c --status 2>/dev/null; then
    echo "==> downloading $url" >&2
    curl -fsSL --retry 3 -o "$tarball.part" "$url"
    if ! echo "$sha  $tarball.part" | sha256sum -c --status; then
      echo "native-deps.sh: $url does not have the pinned SHA-256 $sha; not used" >&2
      rm -f "$tarball.part"; exit 1
    fi
    mv "$tarball.part" "$tarball"
  fi
  rm -rf "$TP/src/$name"; mkdir -p "$TP/src/$name"
  tar xzf "$tarball" -C "$TP/src/$name" --strip-components=1
  echo "$TP/src/$name"
}

# Runs build_NAME unless its stamp (source hash + the function's text) is already there.
step() {
  local name=$1 stamp
  stamp="$TP/stamps/$name-$( (echo "$SOURCES"; declare -f "build_$name" link_shared) | sha256sum | cut -c1-16)"
  [ -f "$stamp" ] && return
  echo "==> building $name (third-party; cached in $TP)" >&2
  # Not "build || fail": errexit is off inside a command whose status is tested.
  local rc=0
  set +e; ( set -e; "build_$name" ) >"$TP/$name.log" 2>&1; rc=$?; set -e
  [ "$rc" -eq 0 ] || { echo "native-deps.sh: building $name failed; see $TP/$name.log" >&2; exit 1; }
  mkdir -p "$TP/stamps"; rm -f "$TP/stamps/$name"-*; touch "$stamp"
}

build_speexdsp() {
  local src; src=$(unpack speexdsp)
  (cd "$src" && ./configure --prefix="$PREFIX" --disable-shared --enable-static --with-pic --disable-examples \
    && make -j"$JOBS" && make install)
}

# SONAME libvoicenpc_openal.so (no version: the file is shipped under that one name). PulseAudio and ALSA are
# dlopen'ed by upstream's ALSOFT_DLOPEN; libstdc++ and libgcc are linked in, so NEEDED is glibc only.
# PulseAudio streams are not moved to another device by default (as up to 1.19): a device that disappears is then a
# disconnect the engine reports, not silence from wherever the server moved the stream ("allow-moves" still opts in).
build_openal() {
  local src; src=$(unpack openal)
  sed -i -e 's/set(LIBNAME "openal")/set(LIBNAME "voicenpc_openal")/' \
    -e '/^    VERSION ${LIB_VERSION}$/d' -e '/^    SOVERSION ${LIB_MAJOR_VERSION}$/d' "$src/CMakeLists.txt"
  sed -i 's/"pulse", "allow-moves", true)/"pulse", "allow-moves", false)/' "$src/alc/backends/pulseaudio.cpp"
  [ "$(grep -c '"allow-moves", false)' "$src/alc/backends/pulseaudio.cpp")" -eq 3 ]
  # The static libstdc++ of Debian 12 (glibc 2.36) makes std::random_device call arc4random, GLIBC_2.36; a local one
  # over getrandom (2.25) keeps the library loadable on glibc 2.35 (Ubuntu 22.04). Tools~/check-native.sh holds the floor.
  cat > "$src/voicenpc_arc4random.c" <<'C'
#include <stdint.h>
#include <sys/random.h>
#include <sys/types.h>
__attribute__((visibility("hidden"))) uint32_t arc4random(void)
{
    uint32_t value;
    while (getrandom(&value, sizeof value, 0) != (ssize_t)sizeof value) {
    }
    return value;
}
C
  echo 'target_sources(OpenAL PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/voicenpc_arc4random.c)' >> "$src/CMakeLists.txt"
  cmake -S "$src" -B "$src/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
    -DALSOFT_UTILS=OFF -DALSOFT_EXAMPLES=OFF -DALSOFT_TESTS=OFF -DALSOFT_INSTALL_CONFIG=OFF \
    -DALSOFT_INSTALL_HRTF_DATA=OFF -DALSOFT_INSTALL_AMBDEC_PRESETS=OFF -DALSOFT_UPDATE_BUILD_VERSION=OFF \
    -DALSOFT_STATIC_STDCXX=ON -DALSOFT_STATIC_LIBGCC=ON -DALSOFT_RTKIT=OFF \
    -DALSOFT_BACKEND_PIPEWIRE=OFF -DALSOFT_BACKEND_SNDIO=OFF -DALSOFT_BACKEND_JACK=OFF \
    -DALSOFT_BACKEND_PORTAUDIO=OFF -DALSOFT_BACKEND_SDL2=OFF -DALSOFT_BACKEND_SDL3=OFF \
    -DALSOFT_REQUIRE_PULSEAUDIO=ON -DALSOFT_REQUIRE_ALSA=ON
  cmake --build "$src/build" -j"$JOBS"
  cmake --install "$src/build"
}

# Only the US English lexicon/lang and the five voices FliteNative registers; no audio output (the runtime plays).
build_flite() {
  local src lib; src=$(unpack flite)
  printf 'LEXES = cmulex\nLANGS = usenglish\nVOXES = cmu_us_kal cmu_us_kal16 cmu_us_awb cmu_us_rms cmu_us_slt\n' \
    >"$src/config/voicenpc.lv"
  (cd "$src" && CFLAGS="-O2 -fPIC" ./configure --with-audio=none --with-langvox=voicenpc --disable-shared \
    && make -C include && make -C src && make -C lang)
  lib=$(find "$src/build" -type d -name lib)
  link_shared libvoicenpc_flite.so "$lib"/libflite_cmu_us_*.a "$lib/libflite_usenglish.a" \
    "$lib/libflite_cmulex.a" "$lib/libflite.a"
}

# SphinxBase (with its own lapack-lite, not the system's BLAS/LAPACK: the configure cache answers "no such library")
# and PocketSphinx built against its tree; no Python/SWIG, no audio input library (libsphinxad).
build_sphinx() {
  local sb ps
  sb=$(unpack sphinxbase); ps=$(unpack pocketsphinx)
  (cd "$sb" && ./configure --disable-shared --enable-static --with-pic --without-python \
    ac_cv_lib_lapack_sgesv_=no ac_cv_lib_blas_sgemm_=no && make -C include && make -j"$JOBS" -C src/libsphinxbase)
  (cd "$ps" && ./configure --disable-shared --enable-static --with-pic --without-python --with-sphinxbase="$sb" \
    && make -C include && make -j"$JOBS" -C src/libpocketsphinx)
  link_shared libvoicenpc_sphinx.so "$ps/src/libpocketsphinx/.libs/libpocketsphinx.a" \
    "$sb/src/libsphinxbase/.libs/libsphinxbase.a"
}

# One shared library from whole static archives; -z defs proves nothing is left for the system to supply.
link_shared() {
  local name=$1; shift
  mkdir -p "$PREFIX/lib"
  gcc -shared -o "$PREFIX/lib/$name" -Wl,-soname,"$name" -Wl,-z,defs \
    -Wl,--whole-archive "$@" -Wl,--no-whole-archive -lm -lpthread
  strip --strip-unneeded "$PREFIX/lib/$name"
}

step speexdsp
step openal
step flite
step sphinx
