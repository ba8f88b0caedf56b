#pragma once

#include <QByteArray>
#include <QString>

namespace poruch::server {

// Argon2id password hashing (libargon2), encoded PHC string with parameters and salt, so stored
// hashes stay verifiable when the defaults change.
struct PasswordHashParams {
    quint32 timeCost = 3;
    quint32 memoryKiB = 64 * 1024;
    quint32 parallelism = 1;
};

QString hashPassword(const QString& password, const PasswordHashParams& params = {});
bool verifyPassword(const QString& password, const QString& encodedHash);

} // namespace poruch::server
