#pragma once

#include <variant>

// Private to the office site: the class behind registerOfficeRoutes, split over several .cpp files.
#include "actrenderer.h"
#include "auth/ratelimiter.h"
#include "forms/formregistry.h"
#include "html.h"
#include "officedata.h"
#include "server/serverconfig.h"
#include "websessions.h"
#include "workflow/ruleset.h"
#include "workflow/task.h"
#include "workflow/workingcalendar.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QObject>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QHttpServer;

namespace poruch::server {
class ServerStore;
class SyncService;
} // namespace poruch::server

namespace poruch::server::office {

using Status = QHttpServerResponse::StatusCode;

// The site: state shared by all office routes. Owned by the QHttpServer (Qt parent).
class OfficeSite : public QObject {
public:
    OfficeSite(ServerStore& store, SyncService& sync, const ServerConfig& config, QObject* parent);

    void registerRoutes(QHttpServer& http);

public:
    struct Context {
        const QHttpServerRequest& request;
        QString sessionId;
        WebSession session;
        User user;
        QUrlQuery form; // POST body
    };
    using Handler = std::function<QHttpServerResponse(Context&)>;
    enum class Access { Office, Admin };

    QHttpServerResponse guarded(const QHttpServerRequest& request, bool post, Access access, const Handler& handler);
    QHttpServerResponse htmlPage(Context& context, const QString& title, const QString& key, const QString& body,
        Status status = Status::Ok, bool printView = false);
    QHttpServerResponse errorPage(Context* context, Status status, const QString& title, const QString& message);
    // 503 «Сервер недоступний» when the store failed; message says what did not happen.
    QHttpServerResponse dataUnavailable(
        Context* context, const QString& message = QStringLiteral("Не вдалося прочитати дані."));
    QHttpServerResponse html(const QString& document, Status status);
    QHttpServerResponse redirect(const QString& location);
    void secure(QHttpServerResponse& response);
    QByteArray cookie(const QHttpServerRequest& request, const QByteArray& name) const;
    QByteArray cookieHeader(const QByteArray& name, const QByteArray& value, int maxAgeSeconds) const;
    QList<NavItem> nav(const User& user) const;
    void audit(const Context& context, const QString& action, const QString& caseId, const QString& recordId,
        const QString& detail);
    Result<OfficeData> data(const Context& context) { return OfficeData::load(m_store, context.user.unit); }
    QList<workflow::Task> tasks(const OfficeData& data, const QString& caseId = {}) const;
    QString serverUrl(const QHttpServerRequest& request) const;

    QHttpServerResponse loginForm(const QHttpServerRequest& request, const QString& error, Status status);
    QHttpServerResponse login(const QHttpServerRequest& request);
    QHttpServerResponse logout(Context& context);
    QHttpServerResponse inbox(Context& context);
    QHttpServerResponse mark(Context& context);
    QHttpServerResponse casePage(Context& context);
    QHttpServerResponse recordPage(Context& context, bool printView);
    QHttpServerResponse recordPdf(Context& context);
    // What the act's pages (HTML, print view, PDF) need of the record named by ?id= in the user's unit;
    // an error page when the data cannot be read or the record is not the unit's.
    struct ActInView {
        OfficeData data;
        const OfficeRecord* item = nullptr;
        const records::Case* ownerCase = nullptr;
        const forms::FormDefinition* definition = nullptr;
        // Titles of the records the act's "refersTo": "record" fields name (renderActHtml).
        RecordTitleLookup recordTitles() const;
    };
    std::variant<ActInView, QHttpServerResponse> actInView(Context& context, const QString& recordId);
    QHttpServerResponse journal(Context& context, bool csv);
    QHttpServerResponse deadlines(Context& context);
    QHttpServerResponse users(Context& context, const QString& message = {}, const QString& enrollment = {});
    QHttpServerResponse userAction(Context& context, const QString& what);
    QHttpServerResponse auditLog(Context& context);
    QHttpServerResponse report(Context& context, const QString& format);

    ServerStore& m_store;
    SyncService& m_sync;
    bool m_tls;
    QString m_fingerprint;
    WebSessions m_sessions;
    RateLimiter m_loginByAddress;
    RateLimiter m_loginByUser;
    forms::FormRegistry m_forms;
    std::unique_ptr<workflow::WorkingCalendar> m_calendar;
    std::unique_ptr<workflow::RuleSet> m_rules;
};

} // namespace poruch::server::office
