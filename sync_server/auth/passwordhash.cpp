#include "passwordhash.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <vector>

namespace poruch::server {

namespace {
constexpr size_t saltBytes = 16;
constexpr size_t hashBytes = 32;
} // namespace

QString hashPassword(const QString& password, const PasswordHashParams& params)
{
    QByteArray utf8 = password.toUtf8();
    unsigned char salt[saltBytes];
    if (RAND_bytes(salt, sizeof salt) != 1)
        return QString();
    const size_t encodedLength
        = argon2_encodedlen(params.timeCost, params.memoryKiB, params.parallelism, saltBytes, hashBytes, Argon2_id);
    std::vector<char> encoded(encodedLength);
    const int rc = argon2id_hash_encoded(params.timeCost, params.memoryKiB, params.parallelism, utf8.constData(),
        size_t(utf8.size()), salt, saltBytes, hashBytes, encoded.data(), encoded.size());
    OPENSSL_cleanse(utf8.data(), size_t(utf8.size()));
    if (rc != ARGON2_OK)
        return QString();
    return QString::fromLatin1(encoded.data());
}

bool verifyPassword(const QString& password, const QString& encodedHash)
{
    if (!encodedHash.startsWith(QLatin1String("$argon2id$")))
        return false;
    QByteArray utf8 = password.toUtf8();
    const QByteArray encoded = encodedHash.toLatin1();
    const int rc = argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size()));
    OPENSSL_cleanse(utf8.data(), size_t(utf8.size()));
    return rc == ARGON2_OK;
}

} // namespace poruch::server
