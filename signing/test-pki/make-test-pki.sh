#!/usr/bin/env bash
# Makes a throwaway test PKI with OpenSSL: a test CA (RSA-3072), signer certificates with RSA-3072, ECDSA P-256 and
# GOST R 34.10-2012 (256-bit, through OpenSSL's GOST engine) keys, each also as a PKCS#12 file, and a timestamping
# certificate (critical EKU timeStamping). Every name says «ТЕСТ»; never use it for a real person.
#
#   signing/test-pki/make-test-pki.sh [OUT_DIR]     (default: ./target/test-pki; refuses to overwrite)
#
# PKCS#12 password: "test" (override with TEST_PKI_PASSWORD). GOST needs `libengine-gost-openssl`; without it the
# GOST signer is skipped with a note.
set -euo pipefail

OUT="${1:-./target/test-pki}"
PASS="${TEST_PKI_PASSWORD:-test}"
DAYS_CA=3650
DAYS_LEAF=1095

if [ -e "$OUT/ca.pem" ]; then
    echo "make-test-pki: $OUT already holds a test PKI; remove it first" >&2
    exit 1
fi
mkdir -p "$OUT"
cd "$OUT"

cat > ext.cnf <<'CNF'
[ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[signer]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[tsa]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
CNF

subj() { # CN [O]
    printf '/C=RU/O=%s/OU=ТЕСТ — НЕ ДЛЯ РЕАЛЬНОГО ИСПОЛЬЗОВАНИЯ/CN=%s' "${2:-ТЕСТ Школа}" "$1"
}

REQ_CNF='[req]\ndistinguished_name=dn\n[dn]\n'

echo "make-test-pki: test CA (RSA-3072)"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out ca.key 2>/dev/null
openssl req -x509 -new -utf8 -key ca.key -out ca.pem -days "$DAYS_CA" -sha256 \
    -subj "$(subj 'ТЕСТ Удостоверяющий центр' 'ТЕСТ УЦ')" \
    -config <(printf "$REQ_CNF"; cat ext.cnf) -extensions ca

issue() { # NAME SECTION CN KEYGEN-ARGS... ; signs with the CA (SHA-256)
    local name="$1" section="$2" cn="$3"
    shift 3
    openssl genpkey "$@" -out "$name.key" 2>/dev/null
    openssl req -new -utf8 -key "$name.key" -subj "$(subj "$cn")" -out "$name.csr" -config <(printf "$REQ_CNF")
    openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days "$DAYS_LEAF" -sha256 \
        -extfile ext.cnf -extensions "$section" -out "$name.pem" 2>/dev/null
    rm -f "$name.csr"
}

p12() { # NAME [extra openssl args]
    local name="$1"
    shift
    openssl pkcs12 -export "$@" -inkey "$name.key" -in "$name.pem" -certfile ca.pem -name "$name" \
        -passout "pass:$PASS" -out "$name.p12"
}

echo "make-test-pki: RSA-3072 signer"
issue signer-rsa signer 'ТЕСТ Подписант RSA' -algorithm RSA -pkeyopt rsa_keygen_bits:3072
p12 signer-rsa

echo "make-test-pki: ECDSA P-256 signer"
issue signer-ecdsa signer 'ТЕСТ Подписант ECDSA' -algorithm EC -pkeyopt ec_paramgen_curve:P-256
p12 signer-ecdsa

echo "make-test-pki: timestamping certificate (RSA-3072, critical EKU timeStamping)"
issue tsa tsa 'ТЕСТ Служба штампов времени' -algorithm RSA -pkeyopt rsa_keygen_bits:3072
p12 tsa

if openssl engine gost >/dev/null 2>&1; then
    echo "make-test-pki: GOST R 34.10-2012 256 signer (GOST engine; the CA signs it with RSA)"
    openssl genpkey -engine gost -algorithm gost2012_256 -pkeyopt paramset:A -out signer-gost.key 2>/dev/null
    openssl req -new -utf8 -engine gost -key signer-gost.key -subj "$(subj 'ТЕСТ Подписант ГОСТ')" \
        -out signer-gost.csr -config <(printf "$REQ_CNF") 2>/dev/null
    openssl x509 -req -engine gost -in signer-gost.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days "$DAYS_LEAF" \
        -sha256 -extfile ext.cnf -extensions signer -out signer-gost.pem 2>/dev/null
    rm -f signer-gost.csr
    # GOST PKCS#12 in the style Bouncy Castle reads: PBES2 with AES and a SHA-256 MAC.
    p12 signer-gost -engine gost -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256
else
    echo "make-test-pki: no GOST engine (apt-get install libengine-gost-openssl): GOST signer skipped"
fi

rm -f ext.cnf ca.srl
echo "make-test-pki: done in $(pwd); PKCS#12 password: $PASS"
for cert in *.pem; do
    printf '  %-18s %s\n' "$cert" "$(openssl x509 -in "$cert" -noout -subject -nameopt utf8,sep_comma_plus 2>/dev/null)"
done
