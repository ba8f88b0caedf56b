#pragma once

#include <QString>

namespace poruch::server::office {

// The text as a QR code (libqrencode, 8-bit mode, error correction M) drawn as an inline SVG of
// black squares with a 4-module quiet zone. Empty string when the text does not fit a QR code.
QString qrSvg(const QString& text, int pixelsPerModule = 6);

} // namespace poruch::server::office
