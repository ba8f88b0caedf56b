#pragma once

#include "core/result.h"
#include "store/secretbytes.h"

#include <QString>

#include <optional>

namespace poruch::store {

class DeviceSecretStorage;

// Argon2id cost. The defaults are the production strength documented in docs/security.md.
struct KdfParams {
    quint32 timeCost = 3; // passes
    quint32 memoryKiB = 64 * 1024; // 64 MiB
    quint32 parallelism = 1;

    // Deliberately cheap parameters for unit tests only (t=1, 1 MiB). Never use in production code.
    static KdfParams insecureForTests() { return KdfParams { 1, 1024, 1 }; }
    bool operator==(const KdfParams&) const = default;
};

// The store's key hierarchy on the device:
//   data key  (32 random bytes) = the SQLCipher raw key; stored only wrapped, in <folder>/store.key
//   KEK       = Argon2id(password = PIN (UTF-8, NFC), salt = 16 random bytes, secret = device secret)
//   store.key = AES-256-GCM(KEK, data key), with a versioned JSON header (see docs/security.md)
//
// Error codes: store.wrong_pin (the GCM tag does not verify), store.key_file_corrupt (the wrapped key
// file is malformed or damaged), store.missing (no key file), store.exists (create() over an existing
// vault), store.device_secret_missing, store.io, store.crypto (OpenSSL/Argon2 failure).
class KeyVault {
public:
    static constexpr int DataKeySize = 32;
    static constexpr int SaltSize = 16;

    KeyVault(QString folder, DeviceSecretStorage& deviceSecret);

    bool exists() const;
    QString keyFilePath() const;

    // New random data key, wrapped under the PIN; writes the key file (atomically, mode 0600) and
    // creates the device secret if needed. Refuses to overwrite an existing key file.
    Result<SecretBytes> create(const QString& pin, KdfParams params = {});
    // The data key; Error "store.wrong_pin" if the PIN (or the device secret) is not the one it was
    // wrapped with.
    Result<SecretBytes> unlock(const QString& pin);
    // Re-wraps the same data key under the new PIN with a fresh salt and nonce (the database is not
    // re-keyed). params: new KDF cost, or keep the file's current cost.
    Result<void> changePin(const QString& oldPin, const QString& newPin, std::optional<KdfParams> params = {});
    // Crypto-erase: overwrites and deletes the key file, then destroys the device secret. Without the
    // wrapped key the database file cannot be decrypted by anyone.
    Result<void> wipe();
    // The KDF parameters recorded in the key file.
    Result<KdfParams> storedParams() const;

    // The KDF alone (Argon2id via argon2_ctx with the device secret as Argon2's secret input), for
    // benchmarks and tests. Returns the 32-byte key-encryption key.
    static Result<SecretBytes> deriveKek(
        const QString& pin, const QByteArray& salt, const SecretBytes& deviceSecret, const KdfParams& params);

private:
    QString m_folder;
    DeviceSecretStorage& m_deviceSecret;
};

} // namespace poruch::store
