#pragma once

#include <QByteArray>
#include <QString>

namespace poruch::test {

// Inflates a zlib (FlateDecode) stream; empty when it does not inflate.
QByteArray inflateZlib(const QByteArray& zlibStream);

// The text drawn on a PDF's pages, decoded the way a reader does: objects parsed, Flate streams inflated,
// each font's ToUnicode CMap read, and every "<glyphs> Tj" mapped back to Unicode with the CMap of the
// font selected by "/Fn size Tf". Enough for what QPdfWriter writes (the tablet's and the office's acts).
QString pdfText(const QByteArray& pdf);

} // namespace poruch::test
