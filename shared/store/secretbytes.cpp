#include "store/secretbytes.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <utility>

namespace poruch::store {

namespace {
// A buffer we own alone (never shared with a QByteArray elsewhere, never raw data).
QByteArray exclusiveCopy(const QByteArray& in)
{
    QByteArray out(in.size(), Qt::Uninitialized);
    if (!in.isEmpty())
        memcpy(out.data(), in.constData(), size_t(in.size()));
    return out;
}
} // namespace

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

SecretBytes::SecretBytes(QByteArray bytes)
{
    if (bytes.isDetached()) {
        m_bytes = std::move(bytes);
    } else {
        // Shared with the caller's copy: wiping ours must not clobber theirs (they wipe their own).
        m_bytes = exclusiveCopy(bytes);
    }
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(const SecretBytes& other)
    : m_bytes(exclusiveCopy(other.m_bytes))
{
}

SecretBytes& SecretBytes::operator=(const SecretBytes& other)
{
    if (this != &other) {
        clear();
        m_bytes = exclusiveCopy(other.m_bytes);
    }
    return *this;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

SecretBytes SecretBytes::random(int n)
{
    QByteArray buf(n, Qt::Uninitialized);
    if (n > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), n) != 1) {
        OPENSSL_cleanse(buf.data(), size_t(n));
        return SecretBytes();
    }
    return SecretBytes(std::move(buf));
}

bool SecretBytes::equals(const SecretBytes& other) const
{
    return size() == other.size() && CRYPTO_memcmp(m_bytes.constData(), other.m_bytes.constData(), size_t(size())) == 0;
}

void SecretBytes::clear()
{
    wipe(m_bytes);
}

} // namespace poruch::store
