#!/usr/bin/env bash
# Puts a test key and its certificate into a SoftHSM2 token, to try PKCS#11 signing without hardware.
#
#   signing/test-pki/make-softhsm-token.sh KEY.pem CERT.pem [LABEL] [DIR]
#     KEY.pem   a PKCS#8 private key (RSA or ECDSA P-256 — SunPKCS11 does not sign GOST), e.g. signer-rsa.key
#     CERT.pem  its certificate, e.g. signer-rsa.pem
#     LABEL     the key's label on the token (default: director)
#     DIR       where the token lives (default: ./target/softhsm2)
#
# The token is labelled "archive", user PIN 1234, SO PIN 5678 (test values). Needs `softhsm2` and `opensc`
# (.ci/install-test-tools). Then: export SOFTHSM2_CONF=DIR/softhsm2.conf before starting the archive.
set -euo pipefail

KEY="$1"
CERT="$2"
LABEL="${3:-director}"
DIR="$(mkdir -p "${4:-./target/softhsm2}" && cd "${4:-./target/softhsm2}" && pwd)"
MODULE=/usr/lib/softhsm/libsofthsm2.so

mkdir -p "$DIR/tokens"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$DIR" > "$DIR/softhsm2.conf"
export SOFTHSM2_CONF="$DIR/softhsm2.conf"

if ! softhsm2-util --show-slots | grep -q 'Label:[[:space:]]*archive[[:space:]]*$'; then
    softhsm2-util --init-token --free --label archive --pin 1234 --so-pin 5678
fi
softhsm2-util --import "$KEY" --token archive --label "$LABEL" --id 01 --pin 1234
openssl x509 -in "$CERT" -outform DER -out "$DIR/$LABEL.der"
pkcs11-tool --module "$MODULE" --token-label archive --login --pin 1234 \
    --write-object "$DIR/$LABEL.der" --type cert --id 01 --label "$LABEL"
echo "make-softhsm-token: token «archive» in $DIR; export SOFTHSM2_CONF=$SOFTHSM2_CONF"
