#include "pdfencryptor.h"

#include <QList>
#include <QMap>
#include <QRegularExpression>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace poruch::app {

namespace {

Error parseError(const QString& message)
{
    return Error { QStringLiteral("app.pdf_parse"), message };
}
Error cryptoError(const QString& message)
{
    return Error { QStringLiteral("app.pdf_crypto"), message };
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1)
        return {};
    return bytes;
}

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// One AES pass; `padding` is PKCS#7 (strings and streams), off for the fixed-size key material.
QByteArray aes(
    const EVP_CIPHER* cipher, const QByteArray& key, const QByteArray& iv, const QByteArray& data, bool padding)
{
    CipherContext context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!context
        || EVP_EncryptInit_ex(context.get(), cipher, nullptr, reinterpret_cast<const unsigned char*>(key.constData()),
               iv.isEmpty() ? nullptr : reinterpret_cast<const unsigned char*>(iv.constData()))
            != 1)
        return {};
    EVP_CIPHER_CTX_set_padding(context.get(), padding ? 1 : 0);
    QByteArray out(data.size() + 16, Qt::Uninitialized);
    int written = 0;
    int tail = 0;
    auto* buffer = reinterpret_cast<unsigned char*>(out.data());
    if (EVP_EncryptUpdate(
            context.get(), buffer, &written, reinterpret_cast<const unsigned char*>(data.constData()), int(data.size()))
            != 1
        || EVP_EncryptFinal_ex(context.get(), buffer + written, &tail) != 1)
        return {};
    out.resize(written + tail);
    return out;
}

QByteArray digest(const EVP_MD* md, const QByteArray& data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), out, &size, md, nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), int(size));
}

// ISO 32000-2 §7.6.4.3.4, algorithm 2.B: the hash of a password for R6. The first SHA-256 counts as round
// 0; at least 64 rounds, then stop once the last byte of E is <= round - 32 (as Acrobat and qpdf do).
QByteArray hash2B(const QByteArray& password, const QByteArray& salt, const QByteArray& userKey)
{
    QByteArray k = digest(EVP_sha256(), password + salt + userKey);
    for (int round = 1;; ++round) {
        if (k.size() < 32)
            return {};
        const QByteArray k1 = (password + k + userKey).repeated(64);
        const QByteArray e = aes(EVP_aes_128_cbc(), k.left(16), k.mid(16, 16), k1, false);
        if (e.size() != k1.size())
            return {};
        // The first 16 bytes of E as a big-endian number mod 3 = the sum of the bytes mod 3 (256 ≡ 1).
        int sum = 0;
        for (int i = 0; i < 16; ++i)
            sum += static_cast<unsigned char>(e.at(i));
        const EVP_MD* next = sum % 3 == 0 ? EVP_sha256() : sum % 3 == 1 ? EVP_sha384() : EVP_sha512();
        k = digest(next, e);
        if (round >= 64 && static_cast<unsigned char>(e.back()) <= round - 32)
            break;
    }
    return k.left(32);
}

// Passwords for R6 are UTF-8 (after SASLprep, a no-op for the ASCII ones made here), at most 127 bytes.
QByteArray passwordBytes(const QString& password)
{
    return password.toUtf8().left(127);
}

bool isWhite(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool isDelimiter(char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/'
        || c == '%';
}
bool isRegular(char c)
{
    return !isWhite(c) && !isDelimiter(c);
}

struct XrefEntry {
    qsizetype offset = 0;
    int generation = 0;
};

class Encryptor {
public:
    Encryptor(const QByteArray& pdf, const QByteArray& fileKey)
        : m_pdf(pdf)
        , m_key(fileKey)
    {
    }

    Result<QByteArray> run(const QByteArray& encryptDictionary);

private:
    Result<void> readXref();
    Result<qsizetype> objectBodyStart(int number, qsizetype offset) const;
    Result<qsizetype> transformBody(qsizetype pos, QByteArray& out, bool& isStream);
    Result<qsizetype> literalString(qsizetype pos, QByteArray& bytes) const;
    Result<qsizetype> hexString(qsizetype pos, QByteArray& bytes) const;
    Result<qsizetype> directInteger(qsizetype pos) const;
    Result<qsizetype> streamLength(const QByteArray& dictionary, qsizetype& matchStart, qsizetype& matchLength);
    Result<QByteArray> encryptObject(int number, const XrefEntry& entry);
    QByteArray encrypted(const QByteArray& plain);

    const QByteArray& m_pdf;
    QByteArray m_key;
    QMap<int, XrefEntry> m_objects;
    QByteArray m_rootRef;
    QByteArray m_infoRef;
};

QByteArray Encryptor::encrypted(const QByteArray& plain)
{
    const QByteArray iv = randomBytes(16);
    if (iv.size() != 16)
        return {};
    const QByteArray cipher = aes(EVP_aes_256_cbc(), m_key, iv, plain, true);
    return cipher.isEmpty() ? QByteArray() : iv + cipher;
}

Result<void> Encryptor::readXref()
{
    const qsizetype start = m_pdf.lastIndexOf("startxref");
    if (start < 0)
        return parseError(QStringLiteral("no startxref"));
    qsizetype pos = start + 9;
    while (pos < m_pdf.size() && isWhite(m_pdf.at(pos)))
        ++pos;
    auto xref = directInteger(pos);
    if (!xref || xref.value() >= m_pdf.size() || !m_pdf.mid(xref.value()).startsWith("xref"))
        return parseError(QStringLiteral("no classic xref table (xref streams are not supported)"));
    const qsizetype trailer = m_pdf.indexOf("trailer", xref.value());
    if (trailer < 0)
        return parseError(QStringLiteral("no trailer"));
    const QList<QByteArray> tokens = m_pdf.mid(xref.value() + 4, trailer - xref.value() - 4).simplified().split(' ');
    for (qsizetype i = 0; i + 1 < tokens.size();) {
        bool okFirst = false;
        bool okCount = false;
        const int first = tokens.at(i).toInt(&okFirst);
        const int count = tokens.at(i + 1).toInt(&okCount);
        if (!okFirst || !okCount || count < 0 || i + 2 + 3 * qsizetype(count) > tokens.size())
            return parseError(QStringLiteral("broken xref subsection"));
        i += 2;
        for (int n = 0; n < count; ++n, i += 3) {
            const qsizetype offset = tokens.at(i).toLongLong();
            // Qt lists numbers it reserved but never wrote as in use at offset 0: treat them as free.
            if (tokens.at(i + 2) == "n" && offset > 0)
                m_objects.insert(first + n, { offset, tokens.at(i + 1).toInt() });
        }
    }
    if (m_objects.isEmpty())
        return parseError(QStringLiteral("empty xref"));
    const qsizetype trailerEnd = m_pdf.indexOf("startxref", trailer);
    const QString dictionary = QString::fromLatin1(m_pdf.mid(trailer, trailerEnd - trailer));
    if (dictionary.contains(QLatin1String("/Encrypt")))
        return parseError(QStringLiteral("already encrypted"));
    static const QRegularExpression root(QStringLiteral("/Root\\s+(\\d+\\s+\\d+\\s+R)"));
    static const QRegularExpression info(QStringLiteral("/Info\\s+(\\d+\\s+\\d+\\s+R)"));
    const auto rootMatch = root.match(dictionary);
    if (!rootMatch.hasMatch())
        return parseError(QStringLiteral("no /Root in the trailer"));
    m_rootRef = rootMatch.captured(1).toLatin1();
    const auto infoMatch = info.match(dictionary);
    if (infoMatch.hasMatch())
        m_infoRef = infoMatch.captured(1).toLatin1();
    return {};
}

Result<qsizetype> Encryptor::directInteger(qsizetype pos) const
{
    qsizetype end = pos;
    while (end < m_pdf.size() && m_pdf.at(end) >= '0' && m_pdf.at(end) <= '9')
        ++end;
    bool ok = false;
    const qsizetype value = m_pdf.mid(pos, end - pos).toLongLong(&ok);
    if (!ok)
        return parseError(QStringLiteral("integer expected"));
    return value;
}

Result<qsizetype> Encryptor::objectBodyStart(int number, qsizetype offset) const
{
    static const QRegularExpression header(QStringLiteral("^(\\d+)\\s+(\\d+)\\s+obj"));
    const auto match = header.match(QString::fromLatin1(m_pdf.mid(offset, 40)));
    if (!match.hasMatch() || match.captured(1).toInt() != number)
        return parseError(QStringLiteral("object %1 is not where the xref says").arg(number));
    return offset + match.capturedLength(0);
}

Result<qsizetype> Encryptor::literalString(qsizetype pos, QByteArray& bytes) const
{
    int depth = 1;
    ++pos; // '('
    while (pos < m_pdf.size()) {
        char c = m_pdf.at(pos++);
        if (c == '\\') {
            if (pos >= m_pdf.size())
                break;
            c = m_pdf.at(pos++);
            switch (c) {
            case 'n':
                bytes += '\n';
                break;
            case 'r':
                bytes += '\r';
                break;
            case 't':
                bytes += '\t';
                break;
            case 'b':
                bytes += '\b';
                break;
            case 'f':
                bytes += '\f';
                break;
            case '\r': // a line continuation
                if (pos < m_pdf.size() && m_pdf.at(pos) == '\n')
                    ++pos;
                break;
            case '\n':
                break;
            default:
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int i = 0; i < 2 && pos < m_pdf.size() && m_pdf.at(pos) >= '0' && m_pdf.at(pos) <= '7'; ++i)
                        value = value * 8 + (m_pdf.at(pos++) - '0');
                    bytes += char(value & 0xff);
                } else {
                    bytes += c; // \( \) \\ and unknown escapes stand for the character itself
                }
            }
            continue;
        }
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth == 0)
                return pos;
        } else if (c == '\r') {
            // An unescaped end of line in a string is a line feed, whatever its form.
            if (pos < m_pdf.size() && m_pdf.at(pos) == '\n')
                ++pos;
            c = '\n';
        }
        bytes += c;
    }
    return parseError(QStringLiteral("unterminated string"));
}

Result<qsizetype> Encryptor::hexString(qsizetype pos, QByteArray& bytes) const
{
    const qsizetype end = m_pdf.indexOf('>', pos);
    if (end < 0)
        return parseError(QStringLiteral("unterminated hex string"));
    QByteArray digits;
    for (qsizetype i = pos + 1; i < end; ++i) {
        if (!isWhite(m_pdf.at(i)))
            digits += m_pdf.at(i);
    }
    if (digits.size() % 2)
        digits += '0';
    bytes = QByteArray::fromHex(digits);
    return end + 1;
}

// Copies an object's body up to the keyword "stream" or "endobj" into `out`, every string encrypted and
// written as a hex string. Returns the position after the keyword.
Result<qsizetype> Encryptor::transformBody(qsizetype pos, QByteArray& out, bool& isStream)
{
    while (pos < m_pdf.size()) {
        const char c = m_pdf.at(pos);
        if (c == '(' || (c == '<' && (pos + 1 >= m_pdf.size() || m_pdf.at(pos + 1) != '<'))) {
            QByteArray plain;
            auto next = c == '(' ? literalString(pos, plain) : hexString(pos, plain);
            if (!next)
                return next.error();
            const QByteArray cipher = encrypted(plain);
            if (cipher.isEmpty())
                return cryptoError(QStringLiteral("string encryption failed"));
            out += '<' + cipher.toHex() + '>';
            pos = next.value();
        } else if (c == '<' || c == '>') {
            out += m_pdf.mid(pos, 2); // << or >>
            pos += 2;
        } else if (c == '%') {
            while (pos < m_pdf.size() && m_pdf.at(pos) != '\n' && m_pdf.at(pos) != '\r')
                out += m_pdf.at(pos++);
        } else if (c == '/') {
            out += m_pdf.at(pos++);
            while (pos < m_pdf.size() && isRegular(m_pdf.at(pos)))
                out += m_pdf.at(pos++);
        } else if (isRegular(c)) {
            const qsizetype start = pos;
            while (pos < m_pdf.size() && isRegular(m_pdf.at(pos)))
                ++pos;
            const QByteArray word = m_pdf.mid(start, pos - start);
            if (word == "stream" || word == "endobj") {
                isStream = word == "stream";
                return pos;
            }
            out += word;
        } else {
            out += m_pdf.at(pos++);
        }
    }
    return parseError(QStringLiteral("object without endobj"));
}

// The stream's /Length, direct or an indirect reference (Qt writes the length object after the stream).
Result<qsizetype> Encryptor::streamLength(const QByteArray& dictionary, qsizetype& matchStart, qsizetype& matchLength)
{
    static const QRegularExpression length(
        QStringLiteral("/Length(?![^\\s()<>\\[\\]{}/%])\\s*(\\d+)(?:\\s+(\\d+)\\s+R(?![^\\s()<>\\[\\]{}/%]))?"));
    const auto match = length.match(QString::fromLatin1(dictionary));
    if (!match.hasMatch())
        return parseError(QStringLiteral("stream without /Length"));
    matchStart = match.capturedStart(0);
    matchLength = match.capturedLength(0);
    if (match.captured(2).isEmpty())
        return qsizetype(match.captured(1).toLongLong());
    const int number = match.captured(1).toInt();
    const auto entry = m_objects.constFind(number);
    if (entry == m_objects.constEnd())
        return parseError(QStringLiteral("stream length object missing"));
    auto body = objectBodyStart(number, entry->offset);
    if (!body)
        return body.error();
    qsizetype pos = body.value();
    while (pos < m_pdf.size() && isWhite(m_pdf.at(pos)))
        ++pos;
    return directInteger(pos);
}

Result<QByteArray> Encryptor::encryptObject(int number, const XrefEntry& entry)
{
    auto bodyStart = objectBodyStart(number, entry.offset);
    if (!bodyStart)
        return bodyStart.error();
    QByteArray body;
    bool isStream = false;
    auto after = transformBody(bodyStart.value(), body, isStream);
    if (!after)
        return after.error();
    const QByteArray head = QByteArray::number(number) + ' ' + QByteArray::number(entry.generation) + " obj";
    if (!isStream)
        return head + body + "endobj\n";

    qsizetype lengthAt = 0;
    qsizetype lengthSize = 0;
    auto length = streamLength(body, lengthAt, lengthSize);
    if (!length)
        return length.error();
    qsizetype pos = after.value();
    if (pos < m_pdf.size() && m_pdf.at(pos) == '\r')
        ++pos;
    if (pos < m_pdf.size() && m_pdf.at(pos) == '\n')
        ++pos;
    if (pos + length.value() > m_pdf.size())
        return parseError(QStringLiteral("stream longer than the file"));
    const QByteArray cipher = encrypted(m_pdf.mid(pos, length.value()));
    if (cipher.isEmpty())
        return cryptoError(QStringLiteral("stream encryption failed"));
    pos += length.value();
    while (pos < m_pdf.size() && isWhite(m_pdf.at(pos)))
        ++pos;
    if (!m_pdf.mid(pos, 9).startsWith("endstream"))
        return parseError(QStringLiteral("stream /Length does not end at endstream"));
    body.replace(lengthAt, lengthSize, "/Length " + QByteArray::number(cipher.size()));
    return head + body + "stream\n" + cipher + "\nendstream\nendobj\n";
}

Result<QByteArray> Encryptor::run(const QByteArray& encryptDictionary)
{
    if (!m_pdf.startsWith("%PDF-"))
        return parseError(QStringLiteral("not a PDF"));
    auto xref = readXref();
    if (!xref)
        return xref.error();

    // AESV3 is PDF 2.0; the binary comment marks the file as binary for transfer programs.
    QByteArray out = "%PDF-2.0\n%\xE2\xE3\xCF\xD3\n";
    QMap<int, XrefEntry> written;
    for (auto it = m_objects.constBegin(); it != m_objects.constEnd(); ++it) {
        auto object = encryptObject(it.key(), it.value());
        if (!object)
            return object.error();
        written.insert(it.key(), { out.size(), it.value().generation });
        out += object.value();
    }
    const int encryptNumber = m_objects.lastKey() + 1;
    written.insert(encryptNumber, { out.size(), 0 });
    out += QByteArray::number(encryptNumber) + " 0 obj\n" + encryptDictionary + "\nendobj\n";

    const qsizetype xrefAt = out.size();
    const int size = encryptNumber + 1;
    out += "xref\n0 " + QByteArray::number(size) + "\n";
    for (int number = 0; number < size; ++number) {
        const auto entry = written.constFind(number);
        if (entry == written.constEnd())
            out += number == 0 ? "0000000000 65535 f\r\n" : "0000000000 00001 f\r\n";
        else
            out += QByteArray::number(entry->offset).rightJustified(10, '0') + ' '
                + QByteArray::number(entry->generation).rightJustified(5, '0') + " n\r\n";
    }
    // The file identifier is never encrypted; PDF 2.0 requires it whenever /Encrypt is present.
    const QByteArray id = randomBytes(16).toHex();
    out += "trailer\n<< /Size " + QByteArray::number(size) + " /Root " + m_rootRef
        + (m_infoRef.isEmpty() ? QByteArray() : " /Info " + m_infoRef) + " /Encrypt "
        + QByteArray::number(encryptNumber) + " 0 R /ID [<" + id + "> <" + id + ">] >>\nstartxref\n"
        + QByteArray::number(xrefAt) + "\n%%EOF\n";
    return out;
}

} // namespace

Result<QByteArray> PdfEncryptor::encrypt(
    const QByteArray& pdf, const QString& userPassword, const QString& ownerPassword)
{
    const QByteArray fileKey = randomBytes(32);
    const QByteArray salts = randomBytes(32);
    const QByteArray permsTail = randomBytes(4);
    if (fileKey.size() != 32 || salts.size() != 32 || permsTail.size() != 4)
        return cryptoError(QStringLiteral("no random bytes"));
    const QByteArray user = passwordBytes(userPassword);
    const QByteArray owner = passwordBytes(ownerPassword);
    const QByteArray zeroIv(16, '\0');

    // Algorithm 8 (U, UE) and 9 (O, OE): validation salt, key salt, 8 bytes each.
    const QByteArray u = hash2B(user, salts.mid(0, 8), {}) + salts.mid(0, 8) + salts.mid(8, 8);
    const QByteArray ue = aes(EVP_aes_256_cbc(), hash2B(user, salts.mid(8, 8), {}), zeroIv, fileKey, false);
    const QByteArray o = hash2B(owner, salts.mid(16, 8), u) + salts.mid(16, 8) + salts.mid(24, 8);
    const QByteArray oe = aes(EVP_aes_256_cbc(), hash2B(owner, salts.mid(24, 8), u), zeroIv, fileKey, false);

    // Permissions (Table 22, bits from 1): print (3), copy (5), accessibility (10), high-quality print
    // (12); bits 7, 8 and 13–32 must be 1; modify, annotate, fill forms and assemble stay off.
    const quint32 bits = 0xFFFFF000u | (1u << 6) | (1u << 7) | (1u << 2) | (1u << 4) | (1u << 9) | (1u << 11);
    const qint32 p = qint32(bits);
    // Algorithm 10 (Perms): P little-endian, 0xFFFFFFFF, 'T' (metadata encrypted), "adb", 4 random bytes.
    QByteArray perms;
    for (int i = 0; i < 4; ++i)
        perms += char((bits >> (8 * i)) & 0xff);
    perms += QByteArray(4, char(0xff)) + "Tadb" + permsTail;
    const QByteArray permsCipher = aes(EVP_aes_256_ecb(), fileKey, {}, perms, false);

    if (u.size() != 48 || ue.size() != 32 || o.size() != 48 || oe.size() != 32 || permsCipher.size() != 16)
        return cryptoError(QStringLiteral("key derivation failed"));

    const QByteArray dictionary = "<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /AuthEvent /DocOpen "
                                  "/CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O <"
        + o.toHex() + "> /U <" + u.toHex() + "> /OE <" + oe.toHex() + "> /UE <" + ue.toHex() + "> /P "
        + QByteArray::number(p) + " /Perms <" + permsCipher.toHex() + "> /EncryptMetadata true >>";
    return Encryptor(pdf, fileKey).run(dictionary);
}

QString PdfEncryptor::oneTimePassword(int length)
{
    static const char alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";
    constexpr int size = int(sizeof(alphabet) - 1);
    QString password;
    while (password.size() < length) {
        const QByteArray bytes = randomBytes(32);
        if (bytes.isEmpty())
            return {};
        for (char byte : bytes) {
            const int value = static_cast<unsigned char>(byte);
            // Rejection sampling keeps every character equally likely.
            if (value < 256 - 256 % size && password.size() < length)
                password += QLatin1Char(alphabet[value % size]);
        }
    }
    return password;
}

QString PdfEncryptor::randomOwnerPassword()
{
    return QString::fromLatin1(randomBytes(32).toHex());
}

} // namespace poruch::app
