#pragma once

// Internal to the store area: the wrapped-key file format (version 1). See docs/security.md.

#include "core/result.h"
#include "store/keyvault.h"

#include <QByteArray>

namespace poruch::store::detail {

struct WrappedKeyFile {
    KdfParams params;
    QByteArray salt; // 16 bytes, Argon2id salt
    QByteArray nonce; // 12 bytes, AES-GCM IV
    QByteArray wrappedKey; // 32 bytes, AES-256-GCM ciphertext of the data key
    QByteArray tag; // 16 bytes, GCM tag

    // Bound into the GCM tag as additional authenticated data: format version, KDF id and cost, salt.
    QByteArray associatedData() const;
    QByteArray serialize() const;
    // Error "store.key_file_corrupt" for anything malformed (JSON, fields, lengths, ranges, checksum).
    static Result<WrappedKeyFile> parse(const QByteArray& json);
};

// Argon2id cost limits accepted from a key file (so a damaged file cannot ask for 1 TiB of memory).
bool kdfParamsInRange(const KdfParams& params);

} // namespace poruch::store::detail
