#pragma once

namespace poruch::server {

// Connection admission. The server runs on one event loop: when hundreds of tablets connect at once,
// starting every TLS handshake at once makes all of them slow, and handshakes then outlive their
// timeout (the burst errors of bench/README.md P4). Beyond these limits a new client waits instead:
// first in the kernel's listen backlog (its TCP connect succeeded, nothing runs for it yet), then in
// a short queue of accepted descriptors whose handshake (and handshake timer) has not started.
struct ConnectionLimits {
    int maxConnections = 128; // admitted and not yet closed (handshaking + served)
    int maxHandshakes = 16; // TLS handshakes in progress at once
    int handshakeTimeoutMs = 15'000; // counted from admission, not from the TCP connect
    int listenBacklog = 1024; // the kernel caps it at net.core.somaxconn
    // While clients wait, a kept-alive connection with no traffic for this long is closed to make room
    // (tablets keep their connection open after a sync; they reconnect for the next one).
    int evictIdleAfterMs = 2'000;
};

} // namespace poruch::server
