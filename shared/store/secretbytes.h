#pragma once

#include <QByteArray>

namespace poruch::store {

// Key bytes that wipe themselves (OPENSSL_cleanse) on destruction. Never logged or printed: there is
// deliberately no QDebug operator and no toHex().
//
// The buffer is always owned exclusively (a shared QByteArray handed in is deep-copied), so wiping one
// SecretBytes can never clobber another object's data. Copies are deep copies that wipe themselves too.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes);
    ~SecretBytes();

    SecretBytes(const SecretBytes& other);
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;

    // n cryptographically random bytes (OpenSSL RAND_bytes). Empty on RNG failure (callers check size()).
    static SecretBytes random(int n);

    const QByteArray& bytes() const { return m_bytes; }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    const unsigned char* data() const { return reinterpret_cast<const unsigned char*>(m_bytes.constData()); }

    // Constant-time comparison (CRYPTO_memcmp).
    bool equals(const SecretBytes& other) const;

    // Wipes and empties now instead of at destruction.
    void clear();

private:
    QByteArray m_bytes;
};

// Overwrites the contents of a QByteArray that held key material (it must not be shared).
void wipe(QByteArray& bytes);

} // namespace poruch::store
