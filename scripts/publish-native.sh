#!/usr/bin/env bash
# Publishes the advisory command in its shipped form: a self-contained Native AOT binary, no .NET runtime needed.
#
#   scripts/publish-native.sh [OUTPUT_FOLDER] [RID]     default: .tools/advisory-native, linux-x64
#
# Prints the path of the binary (OUTPUT_FOLDER/advisory) on its last line. Native AOT links with Debian's clang and
# zlib1g-dev: they are installed with apt-get when missing (through sudo when not root). The publish fails on any trim or AOT analysis
# warning except Octokit's, which AdvisoryPipeline.Cli.csproj explains and NativeBinaryTests covers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/.tools/advisory-native}"
rid="${2:-linux-x64}"

missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "publish-native: Native AOT needs ${missing[*]}: apt-get install ${missing[*]} as root" >&2
      exit 2
    fi
    as_root=(sudo)
  fi
  echo "publish-native: installing ${missing[*]} (Native AOT links with them)" >&2
  "${as_root[@]}" apt-get update -qq >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! dotnet publish "$root/src/AdvisoryPipeline.Cli" -c Release -r "$rid" -p:PublishAot=true -o "$out" >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
# Trim and AOT analysis warnings (IL2xxx, IL3xxx) are allowed from Octokit alone.
if grep -E "warning IL[23][0-9]{3}" "$log" | grep -v "Assembly 'Octokit'" | sort -u | grep . >&2; then
  echo "publish-native: trim or AOT warnings outside Octokit (above): fix them, or cover and explain them" >&2
  exit 1
fi
# The debug symbols and the project's .pdb files are not part of the shipped binary.
rm -f "$out"/*.dbg "$out"/*.pdb
echo "$out/advisory"
