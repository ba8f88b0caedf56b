#include "qrsvg.h"

#include <qrencode.h>

#include <memory>

namespace poruch::server::office {

QString qrSvg(const QString& text, int pixelsPerModule)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeData(int(utf8.size()), reinterpret_cast<const unsigned char*>(utf8.constData()), 0, QR_ECLEVEL_M),
        QRcode_free);
    if (!code)
        return QString();
    const int quiet = 4;
    const int size = code->width + 2 * quiet;
    QString path;
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1)
                path += QStringLiteral("M%1 %2h1v1h-1z").arg(x + quiet).arg(y + quiet);
        }
    }
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"%1\" height=\"%1\" "
                          "viewBox=\"0 0 %2 %2\" shape-rendering=\"crispEdges\" role=\"img\" "
                          "aria-label=\"QR-код\"><rect width=\"%2\" height=\"%2\" fill=\"#fff\"/>"
                          "<path fill=\"#000\" d=\"%3\"/></svg>")
        .arg(size * pixelsPerModule)
        .arg(size)
        .arg(path);
}

} // namespace poruch::server::office
