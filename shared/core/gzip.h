#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace poruch {

// One gzip member (RFC 1952, modification time 0) of `data` at zlib `level` (1 fastest ... 9 smallest, -1
// zlib's default). Empty on failure (out of memory): callers then send the bytes as they are.
QByteArray gzipCompress(QByteArrayView data, int level);

// Whether an Accept-Encoding header value accepts gzip: the token "gzip" (or "*") without "q=0".
bool acceptsGzip(QByteArrayView acceptEncoding);

} // namespace poruch
