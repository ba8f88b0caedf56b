#pragma once

#include "core/result.h"
#include "store/secretbytes.h"

#include <QString>

namespace poruch::store {

// Where the per-device random secret lives: the second input (besides the PIN) of the key-encryption
// key. Offline PIN guessing needs it too, so it must stay on the device. Platform code implements
// this interface: Linux/desktop keeps it in a 0600 file (FileDeviceSecretStorage); Android would keep
// it wrapped by the Android Keystore.
class DeviceSecretStorage {
public:
    static constexpr int SecretSize = 32;

    virtual ~DeviceSecretStorage();
    virtual bool exists() const = 0;
    // Error "store.device_secret_missing" when there is none; "store.key_file_corrupt" when malformed.
    virtual Result<SecretBytes> load() = 0;
    // Makes and stores a new secret if none exists; otherwise loads the existing one.
    virtual Result<SecretBytes> loadOrCreate() = 0;
    // Destroys the secret (overwrite, then delete). Succeeds when there is nothing to destroy.
    virtual Result<void> wipe() = 0;
};

// Desktop/Linux: 32 random bytes in <folder>/device.secret, mode 0600, written atomically.
class FileDeviceSecretStorage final : public DeviceSecretStorage {
public:
    explicit FileDeviceSecretStorage(QString folder);

    bool exists() const override;
    Result<SecretBytes> load() override;
    Result<SecretBytes> loadOrCreate() override;
    Result<void> wipe() override;

    QString filePath() const;

private:
    QString m_folder;
};

// Helpers shared with KeyVault: atomic owner-only write, and overwrite-then-delete.
namespace detail {
Result<void> writePrivateFile(const QString& path, const QByteArray& content);
Result<void> overwriteAndRemove(const QString& path);
} // namespace detail

} // namespace poruch::store
