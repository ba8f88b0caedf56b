#pragma once

#include "core/result.h"
#include "serverconfig.h"

#include <QObject>

#include <memory>

class QHttpServer;
class QTcpServer;

namespace poruch::server {

class EmbeddedStore;
class RateLimiter;
class SyncService;

// The running server: listener (TLS or loopback plain HTTP), routes, and the data folder.
class SyncServer : public QObject {
    Q_OBJECT
public:
    explicit SyncServer(ServerConfig config, QObject* parent = nullptr);
    ~SyncServer() override;

    // Prepares the data folder, loads TLS material and starts listening. Returns the bound port.
    Result<quint16> start();
    void stop();

    const ServerConfig& config() const { return m_config; }
    // Available after start(): for the admin tool and tests running the server in-process.
    SyncService* syncService() const { return m_sync.get(); }

private:
    void registerRoutes();
    Result<QTcpServer*> makeListener();

    ServerConfig m_config;
    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<EmbeddedStore> m_store;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<RateLimiter> m_enrollLimiter;
    QString m_certificateSha256;
};

} // namespace poruch::server
