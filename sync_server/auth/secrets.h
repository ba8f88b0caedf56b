#pragma once

#include <QString>

namespace poruch::server {

// A bearer token: 256 random bits, base64url. The server stores only tokenDigest(token).
QString newToken();
// SHA-256 hex of a token or code: what the store keeps, so a stolen database yields no usable token.
QString secretDigest(const QString& secret);
// A one-time enrollment code people can type: 12 characters from an alphabet without look-alikes
// (no 0/O, 1/I/L), grouped "XXXX-XXXX-XXXX"; 60 bits of entropy.
QString newEnrollmentCode();
// Upper-cases and removes spaces and dashes, so "k7q4 m2xp-9tab" matches "K7Q4-M2XP-9TAB".
QString normalizeEnrollmentCode(const QString& typed);

} // namespace poruch::server
