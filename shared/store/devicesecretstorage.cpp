#include "store/devicesecretstorage.h"

#include "store/storelog.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace poruch::store {

DeviceSecretStorage::~DeviceSecretStorage() = default;

namespace detail {

Result<void> writePrivateFile(const QString& path, const QByteArray& content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error { QStringLiteral("store.io"), QStringLiteral("cannot create the key folder") };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { QStringLiteral("store.io"),
            QStringLiteral("cannot write a key file: %1").arg(file.errorString()) };
#ifdef Q_OS_UNIX
    // Owner-only before any byte is written.
    if (::fchmod(file.handle(), S_IRUSR | S_IWUSR) != 0) {
        file.cancelWriting();
        return Error { QStringLiteral("store.io"), QStringLiteral("cannot restrict a key file's permissions") };
    }
#endif
    if (file.write(content) != content.size() || !file.commit())
        return Error { QStringLiteral("store.io"),
            QStringLiteral("cannot write a key file: %1").arg(file.errorString()) };
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Result<void> overwriteAndRemove(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    // Overwriting helps on plain file systems; flash translation layers may keep old blocks, which is
    // why the data key is only ever stored wrapped (see docs/security.md).
    if (file.open(QIODevice::ReadWrite)) {
        QByteArray noise(file.size(), Qt::Uninitialized);
        if (!noise.isEmpty())
            RAND_bytes(reinterpret_cast<unsigned char*>(noise.data()), int(noise.size()));
        file.seek(0);
        file.write(noise);
        file.flush();
#ifdef Q_OS_UNIX
        ::fsync(file.handle());
#endif
        file.close();
    }
    if (!QFile::remove(path))
        return Error { QStringLiteral("store.io"), QStringLiteral("cannot delete a key file") };
    return {};
}

} // namespace detail

FileDeviceSecretStorage::FileDeviceSecretStorage(QString folder)
    : m_folder(std::move(folder))
{
}

QString FileDeviceSecretStorage::filePath() const
{
    return QDir(m_folder).filePath(QStringLiteral("device.secret"));
}

bool FileDeviceSecretStorage::exists() const
{
    return QFile::exists(filePath());
}

Result<SecretBytes> FileDeviceSecretStorage::load()
{
    QFile file(filePath());
    if (!file.exists())
        return Error { QStringLiteral("store.device_secret_missing"),
            QStringLiteral("this device has no device secret") };
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("store.io"), QStringLiteral("cannot read the device secret") };
    SecretBytes secret(file.read(SecretSize + 1));
    if (secret.size() != SecretSize)
        return Error { QStringLiteral("store.key_file_corrupt"),
            QStringLiteral("the device secret file has the wrong size") };
    return secret;
}

Result<SecretBytes> FileDeviceSecretStorage::loadOrCreate()
{
    if (exists())
        return load();
    SecretBytes secret = SecretBytes::random(SecretSize);
    if (secret.size() != SecretSize)
        return Error { QStringLiteral("store.crypto"), QStringLiteral("the random generator failed") };
    if (auto r = detail::writePrivateFile(filePath(), secret.bytes()); !r)
        return r.error();
    qCInfo(lcStore) << "device secret created";
    return secret;
}

Result<void> FileDeviceSecretStorage::wipe()
{
    return detail::overwriteAndRemove(filePath());
}

} // namespace poruch::store
