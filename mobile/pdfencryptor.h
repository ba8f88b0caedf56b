#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace poruch::app {

// Encrypts a finished PDF (as QPdfWriter writes it: classic xref table, one revision) in memory with the
// PDF standard security handler at its strongest: AES-256, /V 5 /R 6 (ISO 32000-2, "AESV3"). Every
// string and stream is encrypted with AES-256-CBC and a fresh random IV; the file key is random and
// wrapped for the user and owner passwords with hash algorithm 2.B (U/UE, O/OE, Perms). Opening needs the
// user password; permissions allow printing and copying. QPdfWriter cannot encrypt, so the tablet renders
// into a buffer and only the bytes returned here ever reach the disk.
class PdfEncryptor {
public:
    // Errors: app.pdf_parse (the input is not a PDF this reader understands), app.pdf_crypto.
    static Result<QByteArray> encrypt(const QByteArray& pdf, const QString& userPassword, const QString& ownerPassword);

    // A one-time password to read out or type: `length` characters from an alphabet without look-alikes
    // (no 0/o, 1/l/i), lower case and digits only, so it can be dictated over the phone.
    static QString oneTimePassword(int length = 12);
    // A long random password for the owner (nobody needs to know it: the user password allows printing
    // and copying already).
    static QString randomOwnerPassword();
};

} // namespace poruch::app
