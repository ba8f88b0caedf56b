#include "secrets.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <openssl/rand.h>

namespace poruch::server {

namespace {
constexpr char codeAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // 31 symbols
}

QString newToken()
{
    QByteArray bytes(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), int(bytes.size())) != 1)
        return QString();
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString secretDigest(const QString& secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString newEnrollmentCode()
{
    constexpr int length = 12;
    constexpr int alphabetSize = int(sizeof codeAlphabet) - 1;
    QString code;
    while (code.size() < length + 2) {
        unsigned char byte = 0;
        if (RAND_bytes(&byte, 1) != 1)
            return QString();
        if (byte >= 248) // 248 = 8 * 31: reject to keep every symbol equally likely
            continue;
        if (code.size() == 4 || code.size() == 9)
            code.append(QLatin1Char('-'));
        code.append(QLatin1Char(codeAlphabet[byte % alphabetSize]));
    }
    return code;
}

QString normalizeEnrollmentCode(const QString& typed)
{
    QString normalized;
    for (const QChar c : typed) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        normalized.append(c.toUpper());
    }
    if (normalized.size() != 12)
        return normalized;
    return normalized.left(4) + QLatin1Char('-') + normalized.mid(4, 4) + QLatin1Char('-') + normalized.mid(8);
}

} // namespace poruch::server
