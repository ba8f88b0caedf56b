#include "store/keyfile.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace poruch::store::detail {

namespace {
constexpr int FormatVersion = 1;
constexpr int Argon2Version = 0x13;
const QLatin1String FormatName("poruch.keyvault");

Error corrupt(const QString& what)
{
    return Error { QStringLiteral("store.key_file_corrupt"),
        QStringLiteral("the wrapped key file is damaged: ") + what };
}

// Not a security control (the GCM tag is): tells accidental damage of the file apart from a wrong PIN.
QByteArray checksum(const WrappedKeyFile& file)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(file.associatedData());
    hash.addData(file.nonce);
    hash.addData(file.wrappedKey);
    hash.addData(file.tag);
    return hash.result().toHex();
}

bool decodeField(const QJsonObject& object, const char* name, int size, QByteArray& out)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isString())
        return false;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size)
        return false;
    out = decoded.decoded;
    return true;
}

bool readUInt(const QJsonObject& object, const char* name, quint32& out)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (number < 0 || number > 4294967295.0 || number != double(quint32(number)))
        return false;
    out = quint32(number);
    return true;
}
} // namespace

bool kdfParamsInRange(const KdfParams& params)
{
    return params.timeCost >= 1 && params.timeCost <= 64 && params.parallelism >= 1 && params.parallelism <= 16
        && params.memoryKiB >= 8 * params.parallelism && params.memoryKiB <= 4u * 1024 * 1024;
}

QByteArray WrappedKeyFile::associatedData() const
{
    return QByteArray(FormatName.data()) + '/' + QByteArray::number(FormatVersion) + "/argon2id/"
        + QByteArray::number(Argon2Version) + '/' + QByteArray::number(params.timeCost) + '/'
        + QByteArray::number(params.memoryKiB) + '/' + QByteArray::number(params.parallelism) + "/aes-256-gcm/" + salt;
}

QByteArray WrappedKeyFile::serialize() const
{
    QJsonObject kdf;
    kdf.insert(QStringLiteral("algorithm"), QStringLiteral("argon2id"));
    kdf.insert(QStringLiteral("argon2Version"), Argon2Version);
    kdf.insert(QStringLiteral("timeCost"), qint64(params.timeCost));
    kdf.insert(QStringLiteral("memoryKiB"), qint64(params.memoryKiB));
    kdf.insert(QStringLiteral("parallelism"), qint64(params.parallelism));
    kdf.insert(QStringLiteral("salt"), QString::fromLatin1(salt.toBase64()));
    QJsonObject root;
    root.insert(QStringLiteral("format"), FormatName);
    root.insert(QStringLiteral("version"), FormatVersion);
    root.insert(QStringLiteral("kdf"), kdf);
    root.insert(QStringLiteral("cipher"), QStringLiteral("aes-256-gcm"));
    root.insert(QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64()));
    root.insert(QStringLiteral("wrappedKey"), QString::fromLatin1(wrappedKey.toBase64()));
    root.insert(QStringLiteral("tag"), QString::fromLatin1(tag.toBase64()));
    root.insert(QStringLiteral("check"), QString::fromLatin1(checksum(*this)));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<WrappedKeyFile> WrappedKeyFile::parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return corrupt(QStringLiteral("not a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != FormatName)
        return corrupt(QStringLiteral("unknown format"));
    if (root.value(QLatin1String("version")).toInt(-1) != FormatVersion)
        return corrupt(QStringLiteral("unsupported format version"));
    const QJsonObject kdf = root.value(QLatin1String("kdf")).toObject();
    if (kdf.value(QLatin1String("algorithm")).toString() != QLatin1String("argon2id")
        || kdf.value(QLatin1String("argon2Version")).toInt(-1) != Argon2Version)
        return corrupt(QStringLiteral("unknown key derivation"));
    if (root.value(QLatin1String("cipher")).toString() != QLatin1String("aes-256-gcm"))
        return corrupt(QStringLiteral("unknown cipher"));

    WrappedKeyFile file;
    if (!readUInt(kdf, "timeCost", file.params.timeCost) || !readUInt(kdf, "memoryKiB", file.params.memoryKiB)
        || !readUInt(kdf, "parallelism", file.params.parallelism) || !kdfParamsInRange(file.params))
        return corrupt(QStringLiteral("key derivation cost missing or out of range"));
    if (!decodeField(kdf, "salt", KeyVault::SaltSize, file.salt) || !decodeField(root, "nonce", 12, file.nonce)
        || !decodeField(root, "wrappedKey", KeyVault::DataKeySize, file.wrappedKey)
        || !decodeField(root, "tag", 16, file.tag))
        return corrupt(QStringLiteral("a field is missing or has the wrong length"));
    if (root.value(QLatin1String("check")).toString().toLatin1() != checksum(file))
        return corrupt(QStringLiteral("checksum mismatch"));
    return file;
}

} // namespace poruch::store::detail
