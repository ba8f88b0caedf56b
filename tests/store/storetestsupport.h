#pragma once

// Small helpers shared by the store tests: file tampering and key material.

#include "store/secretbytes.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace storetest {

inline poruch::store::SecretBytes randomKey()
{
    return poruch::store::SecretBytes::random(32);
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// XORs one byte of the file at offset with mask (mask != 0 guarantees a change).
inline bool flipByte(const QString& path, qint64 offset, unsigned char mask = 0x5a)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || offset >= file.size() || !file.seek(offset))
        return false;
    char byte = 0;
    if (!file.getChar(&byte) || !file.seek(offset))
        return false;
    return file.putChar(char(byte ^ mask));
}

inline bool resizeFile(const QString& path, qint64 size)
{
    QFile file(path);
    return file.resize(size);
}

} // namespace storetest
