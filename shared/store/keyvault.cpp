#include "store/keyvault.h"

#include "store/devicesecretstorage.h"
#include "store/keyfile.h"
#include "store/storelog.h"

#include <QDir>
#include <QFile>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace poruch::store {

using detail::WrappedKeyFile;

namespace {
constexpr int NonceSize = 12;
constexpr int TagSize = 16;

Error cryptoError(const QString& what)
{
    return Error { QStringLiteral("store.crypto"), what };
}

struct CipherCtxDeleter {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), n) != 1)
        return QByteArray();
    return out;
}

// AES-256-GCM of the data key under the KEK; fills nonce, wrappedKey and tag of file.
Result<void> wrap(const SecretBytes& kek, const SecretBytes& dataKey, WrappedKeyFile& file)
{
    file.nonce = randomBytes(NonceSize);
    if (file.nonce.isEmpty())
        return cryptoError(QStringLiteral("the random generator failed"));
    const QByteArray aad = file.associatedData();
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(dataKey.size(), Qt::Uninitialized);
    QByteArray tag(TagSize, Qt::Uninitialized);
    int len = 0;
    int finalLen = 0;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1
        && EVP_EncryptInit_ex(
               ctx.get(), nullptr, nullptr, kek.data(), reinterpret_cast<const unsigned char*>(file.nonce.constData()))
            == 1
        && EVP_EncryptUpdate(
               ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()), int(aad.size()))
            == 1
        && EVP_EncryptUpdate(
               ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, dataKey.data(), int(dataKey.size()))
            == 1
        && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &finalLen) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, tag.data()) == 1;
    if (!ok || len + finalLen != dataKey.size())
        return cryptoError(QStringLiteral("wrapping the data key failed"));
    file.wrappedKey = out;
    file.tag = tag;
    return {};
}

// The data key, or Error "store.wrong_pin" when the GCM tag does not verify.
Result<SecretBytes> unwrap(const SecretBytes& kek, const WrappedKeyFile& file)
{
    const QByteArray aad = file.associatedData();
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    SecretBytes plain(QByteArray(file.wrappedKey.size(), '\0'));
    auto* out = const_cast<unsigned char*>(plain.data()); // exclusively owned buffer
    QByteArray tag = file.tag;
    int len = 0;
    int finalLen = 0;
    const bool setup = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1
        && EVP_DecryptInit_ex(
               ctx.get(), nullptr, nullptr, kek.data(), reinterpret_cast<const unsigned char*>(file.nonce.constData()))
            == 1
        && EVP_DecryptUpdate(
               ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()), int(aad.size()))
            == 1
        && EVP_DecryptUpdate(ctx.get(), out, &len, reinterpret_cast<const unsigned char*>(file.wrappedKey.constData()),
               int(file.wrappedKey.size()))
            == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) == 1;
    if (!setup)
        return cryptoError(QStringLiteral("unwrapping the data key failed"));
    if (EVP_DecryptFinal_ex(ctx.get(), out + len, &finalLen) != 1)
        return Error { QStringLiteral("store.wrong_pin"), QStringLiteral("the PIN is not correct") };
    return plain;
}

Result<WrappedKeyFile> readKeyFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return Error { QStringLiteral("store.missing"), QStringLiteral("there is no wrapped key file") };
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("store.io"), QStringLiteral("cannot read the wrapped key file") };
    return WrappedKeyFile::parse(file.read(64 * 1024));
}

// Wraps dataKey under pin with a fresh salt and nonce and writes the key file.
Result<void> writeWrapped(const QString& path, const QString& pin, const SecretBytes& deviceSecret,
    const SecretBytes& dataKey, const KdfParams& params)
{
    WrappedKeyFile file;
    file.params = params;
    file.salt = randomBytes(KeyVault::SaltSize);
    if (file.salt.isEmpty())
        return cryptoError(QStringLiteral("the random generator failed"));
    Result<SecretBytes> kek = KeyVault::deriveKek(pin, file.salt, deviceSecret, params);
    if (!kek)
        return kek.error();
    if (auto r = wrap(*kek, dataKey, file); !r)
        return r;
    return detail::writePrivateFile(path, file.serialize());
}
} // namespace

KeyVault::KeyVault(QString folder, DeviceSecretStorage& deviceSecret)
    : m_folder(std::move(folder))
    , m_deviceSecret(deviceSecret)
{
}

QString KeyVault::keyFilePath() const
{
    return QDir(m_folder).filePath(QStringLiteral("store.key"));
}

bool KeyVault::exists() const
{
    return QFile::exists(keyFilePath());
}

Result<SecretBytes> KeyVault::deriveKek(
    const QString& pin, const QByteArray& salt, const SecretBytes& deviceSecret, const KdfParams& params)
{
    if (!detail::kdfParamsInRange(params))
        return Error { QStringLiteral("store.sql"), QStringLiteral("Argon2id parameters out of range") };
    if (salt.size() != SaltSize || deviceSecret.size() != DeviceSecretStorage::SecretSize)
        return Error { QStringLiteral("store.sql"), QStringLiteral("salt or device secret has the wrong size") };
    // NFC so the same passphrase typed on different keyboards gives the same key.
    SecretBytes password(pin.normalized(QString::NormalizationForm_C).toUtf8());
    SecretBytes kek(QByteArray(32, '\0'));
    QByteArray saltCopy = salt;

    argon2_context ctx {};
    ctx.out = const_cast<uint8_t*>(kek.data());
    ctx.outlen = uint32_t(kek.size());
    ctx.pwd = const_cast<uint8_t*>(password.data());
    ctx.pwdlen = uint32_t(password.size());
    ctx.salt = reinterpret_cast<uint8_t*>(saltCopy.data());
    ctx.saltlen = uint32_t(saltCopy.size());
    ctx.secret = const_cast<uint8_t*>(deviceSecret.data());
    ctx.secretlen = uint32_t(deviceSecret.size());
    ctx.t_cost = params.timeCost;
    ctx.m_cost = params.memoryKiB;
    ctx.lanes = params.parallelism;
    ctx.threads = params.parallelism;
    ctx.version = ARGON2_VERSION_13;
    ctx.flags = ARGON2_DEFAULT_FLAGS; // our SecretBytes wipe password and secret themselves
    const int rc = argon2_ctx(&ctx, Argon2_id);
    if (rc != ARGON2_OK)
        return cryptoError(QStringLiteral("Argon2id failed: %1").arg(QString::fromLatin1(argon2_error_message(rc))));
    return kek;
}

Result<SecretBytes> KeyVault::create(const QString& pin, KdfParams params)
{
    if (exists())
        return Error { QStringLiteral("store.exists"), QStringLiteral("a wrapped key file already exists") };
    if (!detail::kdfParamsInRange(params))
        return Error { QStringLiteral("store.sql"), QStringLiteral("Argon2id parameters out of range") };
    Result<SecretBytes> deviceSecret = m_deviceSecret.loadOrCreate();
    if (!deviceSecret)
        return deviceSecret.error();
    SecretBytes dataKey = SecretBytes::random(DataKeySize);
    if (dataKey.size() != DataKeySize)
        return cryptoError(QStringLiteral("the random generator failed"));
    if (auto r = writeWrapped(keyFilePath(), pin, *deviceSecret, dataKey, params); !r)
        return r.error();
    qCInfo(lcStore) << "key vault created, argon2id t" << params.timeCost << "m KiB" << params.memoryKiB << "p"
                    << params.parallelism;
    return dataKey;
}

Result<SecretBytes> KeyVault::unlock(const QString& pin)
{
    Result<WrappedKeyFile> file = readKeyFile(keyFilePath());
    if (!file)
        return file.error();
    Result<SecretBytes> deviceSecret = m_deviceSecret.load();
    if (!deviceSecret)
        return deviceSecret.error();
    Result<SecretBytes> kek = deriveKek(pin, file->salt, *deviceSecret, file->params);
    if (!kek)
        return kek.error();
    Result<SecretBytes> dataKey = unwrap(*kek, *file);
    if (!dataKey)
        qCInfo(lcStore) << "unlock refused:" << dataKey.error().code;
    return dataKey;
}

Result<void> KeyVault::changePin(const QString& oldPin, const QString& newPin, std::optional<KdfParams> params)
{
    Result<WrappedKeyFile> file = readKeyFile(keyFilePath());
    if (!file)
        return file.error();
    const KdfParams newParams = params.value_or(file->params);
    if (!detail::kdfParamsInRange(newParams))
        return Error { QStringLiteral("store.sql"), QStringLiteral("Argon2id parameters out of range") };
    Result<SecretBytes> dataKey = unlock(oldPin);
    if (!dataKey)
        return dataKey.error();
    Result<SecretBytes> deviceSecret = m_deviceSecret.load();
    if (!deviceSecret)
        return deviceSecret.error();
    if (auto r = writeWrapped(keyFilePath(), newPin, *deviceSecret, *dataKey, newParams); !r)
        return r;
    qCInfo(lcStore) << "key vault PIN changed";
    return {};
}

Result<void> KeyVault::wipe()
{
    if (auto r = detail::overwriteAndRemove(keyFilePath()); !r)
        return r;
    if (auto r = m_deviceSecret.wipe(); !r)
        return r;
    qCInfo(lcStore) << "key vault wiped";
    return {};
}

Result<KdfParams> KeyVault::storedParams() const
{
    Result<WrappedKeyFile> file = readKeyFile(keyFilePath());
    if (!file)
        return file.error();
    return file->params;
}

} // namespace poruch::store
