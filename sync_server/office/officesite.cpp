#include "officesite.h"

#include "auth/passwordhash.h"
#include "auth/secrets.h"
#include "officeassets.h"
#include "officesite_p.h"
#include "server/serverlogging.h"
#include "storage/serverstore.h"
#include "workflow/workflowengine.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QSslCertificate>

namespace poruch::server {

namespace office {

namespace {

const QByteArray sessionCookie = QByteArrayLiteral("poruch_session");
const QByteArray loginCsrfCookie = QByteArrayLiteral("poruch_login_csrf");

QString certificateFingerprint(const ServerConfig& config)
{
    if (!config.tlsEnabled())
        return QString();
    const auto chain = QSslCertificate::fromPath(config.tlsCertificateFile, QSsl::Pem);
    if (chain.isEmpty())
        return QString();
    return QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex());
}

// application/x-www-form-urlencoded: '+' is a space; %2B stays a plus after decoding.
QUrlQuery formBody(const QByteArray& body)
{
    QByteArray text = body;
    text.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(text));
}

} // namespace

OfficeSite::OfficeSite(ServerStore& store, SyncService& sync, const ServerConfig& config, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_tls(config.tlsEnabled())
    , m_fingerprint(certificateFingerprint(config))
    , m_sessions(store)
    , m_loginByAddress(50, 600)
    , m_loginByUser(5, 900)
{
    if (auto loaded = m_forms.loadBuiltIn(); !loaded)
        qCWarning(lcServer) << "office: built-in forms did not load:" << loaded.error().code;
    if (auto calendar = workflow::WorkingCalendar::builtIn())
        m_calendar = std::make_unique<workflow::WorkingCalendar>(std::move(calendar).value());
    if (auto rules = workflow::RuleSet::builtIn())
        m_rules = std::make_unique<workflow::RuleSet>(std::move(rules).value());
}

void OfficeSite::secure(QHttpServerResponse& response)
{
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    if (m_tls)
        response.setHeader("Strict-Transport-Security", "max-age=31536000");
}

QHttpServerResponse OfficeSite::html(const QString& document, Status status)
{
    QHttpServerResponse response(QByteArrayLiteral("text/html; charset=utf-8"), document.toUtf8(), status);
    secure(response);
    return response;
}

QHttpServerResponse OfficeSite::redirect(const QString& location)
{
    QHttpServerResponse response(QByteArrayLiteral("text/plain; charset=utf-8"), QByteArray(), Status::SeeOther);
    response.setHeader("Location", location.toUtf8());
    secure(response);
    return response;
}

QList<NavItem> OfficeSite::nav(const User& user) const
{
    QList<NavItem> items {
        { QStringLiteral("/office/inbox"), QStringLiteral("Вхідні"), QStringLiteral("inbox") },
        { QStringLiteral("/office/journal"), QStringLiteral("Журнал обліку"), QStringLiteral("journal") },
        { QStringLiteral("/office/deadlines"), QStringLiteral("Строки"), QStringLiteral("deadlines") },
        { QStringLiteral("/office/report"), QStringLiteral("Моніторинг"), QStringLiteral("report") },
        { QStringLiteral("/office/users"), QStringLiteral("Користувачі і пристрої"), QStringLiteral("users") },
    };
    if (user.role == Role::Admin)
        items.append({ QStringLiteral("/office/audit"), QStringLiteral("Журнал аудиту"), QStringLiteral("audit") });
    return items;
}

QHttpServerResponse OfficeSite::htmlPage(
    Context& context, const QString& title, const QString& key, const QString& body, Status status, bool printView)
{
    PageFrame frame;
    frame.title = title;
    frame.activeKey = key;
    frame.nav = nav(context.user);
    frame.userLabel = QStringLiteral("%1 · %2").arg(context.user.displayName, roleLabel(roleId(context.user.role)));
    frame.csrfToken = context.session.csrfToken;
    frame.printView = printView;
    return html(page(frame, body), status);
}

QHttpServerResponse OfficeSite::errorPage(Context* context, Status status, const QString& title, const QString& message)
{
    const QString body = QStringLiteral("<h1>%1</h1><p class=\"error\">%2</p><p><a href=\"/office/inbox\">"
                                        "До вхідних</a></p>")
                             .arg(escape(title), escape(message));
    if (context)
        return htmlPage(*context, title, QString(), body, status);
    PageFrame frame;
    frame.title = title;
    return html(page(frame, body), status);
}

QHttpServerResponse OfficeSite::dataUnavailable(Context* context, const QString& message)
{
    return errorPage(context, Status::ServiceUnavailable, QStringLiteral("Сервер недоступний"), message);
}

QByteArray OfficeSite::cookie(const QHttpServerRequest& request, const QByteArray& name) const
{
    const QList<QByteArray> parts = request.value("Cookie").split(';');
    for (const QByteArray& part : parts) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(name + '='))
            return trimmed.mid(name.size() + 1);
    }
    return QByteArray();
}

QByteArray OfficeSite::cookieHeader(const QByteArray& name, const QByteArray& value, int maxAgeSeconds) const
{
    QByteArray header = name + '=' + value + "; Path=/office; HttpOnly; SameSite=Strict";
    if (maxAgeSeconds >= 0)
        header += "; Max-Age=" + QByteArray::number(maxAgeSeconds);
    if (m_tls)
        header += "; Secure";
    return header;
}

void OfficeSite::audit(const Context& context, const QString& action, const QString& caseId, const QString& recordId,
    const QString& detail)
{
    const auto done = m_store.appendAudit(AuditEntry {
        0, QDateTime::currentDateTimeUtc(), context.user.id, QString(), action, caseId, recordId, detail });
    if (!done)
        qCWarning(lcServer) << "office: audit entry not written:" << done.error().code;
}

QString OfficeSite::serverUrl(const QHttpServerRequest& request) const
{
    QByteArray host = request.value("Host");
    static const QRegularExpression hostPattern(QStringLiteral("^[A-Za-z0-9.:\\[\\]-]{1,200}$"));
    if (!hostPattern.match(QString::fromLatin1(host)).hasMatch())
        host = request.url().host().toLatin1();
    return QStringLiteral("%1://%2").arg(
        m_tls ? QStringLiteral("https") : QStringLiteral("http"), QString::fromLatin1(host));
}

QList<workflow::Task> OfficeSite::tasks(const OfficeData& data, const QString& caseId) const
{
    if (!m_calendar || !m_rules)
        return {};
    QList<workflow::WorkflowRecord> input;
    for (const OfficeRecord& item : data.records) {
        if (caseId.isEmpty() || item.stored.caseId == caseId)
            input.append(toWorkflowRecord(item.stored, item.record));
    }
    QList<workflow::Task> result
        = workflow::computeTasks(input, QDateTime::currentDateTimeUtc(), *m_calendar, *m_rules);
    if (!caseId.isEmpty())
        result.removeIf([](const workflow::Task& task) { return task.caseId.isEmpty(); });
    return result;
}

QHttpServerResponse OfficeSite::guarded(
    const QHttpServerRequest& request, bool post, Access access, const Handler& handler)
{
    const QString sessionId = QString::fromLatin1(cookie(request, sessionCookie));
    const auto found = m_sessions.find(sessionId);
    if (!found) {
        qCWarning(lcServer) << "office: session lookup failed:" << found.error().code;
        return dataUnavailable(nullptr, QStringLiteral("Не вдалося прочитати дані. Спробуйте пізніше."));
    }
    const std::optional<WebSession>& session = *found;
    if (!session)
        return redirect(QStringLiteral("/office/login"));
    const auto user = m_store.findUserById(session->userId);
    if (!user)
        return dataUnavailable(nullptr, QStringLiteral("Не вдалося прочитати дані. Спробуйте пізніше."));
    // A user revoked or moved to a field role since login loses the session at once.
    if (!*user || (*user)->revoked || !isOfficeRole((*user)->role)) {
        if (auto ended = m_sessions.end(sessionId); !ended)
            qCWarning(lcServer) << "office: session not ended:" << ended.error().code;
        return errorPage(nullptr, Status::Forbidden, QStringLiteral("Доступ заборонено"),
            QStringLiteral("Ваш обліковий запис не має доступу до кабінету офісу."));
    }
    Context context { request, sessionId, *session, **user, QUrlQuery() };
    if (post) {
        context.form = formBody(request.body());
        if (!tokensEqual(session->csrfToken, context.form.queryItemValue(QStringLiteral("csrf"), QUrl::FullyDecoded))) {
            audit(context, QStringLiteral("web.csrf_rejected"), QString(), QString(), request.url().path().left(64));
            return errorPage(&context, Status::Forbidden, QStringLiteral("Запит відхилено"),
                QStringLiteral("Форма застаріла або надіслана не з цієї сторінки (CSRF). Оновіть сторінку і "
                               "спробуйте ще раз."));
        }
    }
    if (access == Access::Admin && context.user.role != Role::Admin)
        return errorPage(&context, Status::Forbidden, QStringLiteral("Доступ заборонено"),
            QStringLiteral("Ця сторінка доступна лише адміністратору."));
    return handler(context);
}

QHttpServerResponse OfficeSite::loginForm(const QHttpServerRequest& request, const QString& error, Status status)
{
    Q_UNUSED(request);
    // Double-submit token: the login form has no session yet, so the token lives in a cookie and the form.
    const QString token = newToken();
    QString body = QStringLiteral("<form class=\"login\" method=\"post\" action=\"/office/login\">"
                                  "<h1>Вхід до кабінету офісу</h1>");
    if (!error.isEmpty())
        body += QStringLiteral("<p class=\"error\">%1</p>").arg(escape(error));
    body += csrfField(token);
    body += QStringLiteral("<label>Ім'я користувача<input name=\"username\" autocomplete=\"username\" required "
                           "maxlength=\"40\" autofocus></label>"
                           "<label>Пароль<input type=\"password\" name=\"password\" autocomplete=\"current-password\" "
                           "required maxlength=\"200\"></label><button type=\"submit\">Увійти</button>"
                           "<p class=\"muted\">Вхід лише для працівників відділу та адміністраторів. Польові "
                           "працівники користуються планшетом.</p></form>");
    PageFrame frame;
    frame.title = QStringLiteral("Вхід");
    QHttpServerResponse response = html(page(frame, body), status);
    response.addHeader("Set-Cookie", cookieHeader(loginCsrfCookie, token.toLatin1(), 3600));
    return response;
}

QHttpServerResponse OfficeSite::login(const QHttpServerRequest& request)
{
    const QUrlQuery form = formBody(request.body());
    const QString token = form.queryItemValue(QStringLiteral("csrf"), QUrl::FullyDecoded);
    if (!tokensEqual(QString::fromLatin1(cookie(request, loginCsrfCookie)), token))
        return loginForm(request, QStringLiteral("Форма входу застаріла. Спробуйте ще раз."), Status::Forbidden);
    const QString username = form.queryItemValue(QStringLiteral("username"), QUrl::FullyDecoded).trimmed().left(40);
    const QString password = form.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded).left(200);
    const QString address = request.remoteAddress().toString();
    if (!m_loginByAddress.allow(address) || !m_loginByUser.allow(username.toLower())) {
        const int wait
            = qMax(m_loginByAddress.retryAfterSeconds(address), m_loginByUser.retryAfterSeconds(username.toLower()));
        QHttpServerResponse response = loginForm(request,
            QStringLiteral("Забагато спроб входу. Спробуйте через %1 хв.").arg(qMax(1, (wait + 59) / 60)),
            Status::TooManyRequests);
        response.setHeader("Retry-After", QByteArray::number(qMax(1, wait)));
        return response;
    }
    const auto user = m_store.findUserByName(username);
    if (!user)
        return dataUnavailable(nullptr, QStringLiteral("Не вдалося прочитати дані. Спробуйте пізніше."));
    // Verify even for unknown users (against a fixed hash), so timing does not reveal which names exist.
    static const QString dummyHash = hashPassword(newToken());
    const bool known = user->has_value() && !(*user)->revoked && !(*user)->passwordHash.isEmpty();
    const bool passwordOk = verifyPassword(password, known ? (*user)->passwordHash : dummyHash) && known;
    if (!passwordOk) {
        if (user->has_value())
            m_store.appendAudit(AuditEntry { 0, QDateTime::currentDateTimeUtc(), (*user)->id, QString(),
                QStringLiteral("web.login_failed"), QString(), QString(), QString() });
        return loginForm(request, QStringLiteral("Неправильне ім'я користувача або пароль."), Status::Unauthorized);
    }
    if (!isOfficeRole((*user)->role)) {
        m_store.appendAudit(AuditEntry { 0, QDateTime::currentDateTimeUtc(), (*user)->id, QString(),
            QStringLiteral("web.login_refused"), QString(), QString(),
            QStringLiteral("role %1").arg(roleId((*user)->role)) });
        return errorPage(nullptr, Status::Forbidden, QStringLiteral("Доступ заборонено"),
            QStringLiteral("Кабінет офісу доступний лише працівникам відділу та адміністраторам. Польові працівники "
                           "працюють у застосунку на планшеті."));
    }
    m_loginByUser.reset(username.toLower());
    const auto sessionId = m_sessions.create((*user)->id);
    if (!sessionId) {
        qCWarning(lcServer) << "office: session not stored:" << sessionId.error().code;
        return dataUnavailable(nullptr, QStringLiteral("Не вдалося увійти. Спробуйте пізніше."));
    }
    m_store.appendAudit(AuditEntry { 0, QDateTime::currentDateTimeUtc(), (*user)->id, QString(),
        QStringLiteral("web.login"), QString(), QString(), QString() });
    QHttpServerResponse response = redirect(QStringLiteral("/office/inbox"));
    response.addHeader("Set-Cookie", cookieHeader(sessionCookie, sessionId->toLatin1(), -1));
    response.addHeader("Set-Cookie", cookieHeader(loginCsrfCookie, QByteArray(), 0));
    return response;
}

QHttpServerResponse OfficeSite::logout(Context& context)
{
    if (auto ended = m_sessions.end(context.sessionId); !ended) {
        qCWarning(lcServer) << "office: session not ended:" << ended.error().code;
        return dataUnavailable(&context, QStringLiteral("Не вдалося вийти. Спробуйте ще раз."));
    }
    audit(context, QStringLiteral("web.logout"), QString(), QString(), QString());
    QHttpServerResponse response = redirect(QStringLiteral("/office/login"));
    response.addHeader("Set-Cookie", cookieHeader(sessionCookie, QByteArray(), 0));
    return response;
}

void OfficeSite::registerRoutes(QHttpServer& http)
{
    using Method = QHttpServerRequest::Method;
    const auto get = [this, &http](const char* path, Access access, std::function<QHttpServerResponse(Context&)> f) {
        http.route(QString::fromLatin1(path), Method::Get,
            [this, access, f](const QHttpServerRequest& request) { return guarded(request, false, access, f); });
    };
    const auto post = [this, &http](const char* path, Access access, std::function<QHttpServerResponse(Context&)> f) {
        http.route(QString::fromLatin1(path), Method::Post,
            [this, access, f](const QHttpServerRequest& request) { return guarded(request, true, access, f); });
    };

    http.route(QStringLiteral("/office/assets/office.css"), Method::Get, [this] {
        QHttpServerResponse response(QByteArrayLiteral("text/css; charset=utf-8"), officeStylesheet());
        secure(response);
        return response;
    });
    http.route(QStringLiteral("/office/assets/office.js"), Method::Get, [this] {
        QHttpServerResponse response(QByteArrayLiteral("text/javascript; charset=utf-8"), officeScript());
        secure(response);
        return response;
    });
    http.route(QStringLiteral("/office"), Method::Get, [this] { return redirect(QStringLiteral("/office/inbox")); });
    http.route(QStringLiteral("/office/"), Method::Get, [this] { return redirect(QStringLiteral("/office/inbox")); });
    http.route(QStringLiteral("/office/login"), Method::Get,
        [this](const QHttpServerRequest& request) { return loginForm(request, QString(), Status::Ok); });
    http.route(QStringLiteral("/office/login"), Method::Post,
        [this](const QHttpServerRequest& request) { return login(request); });
    post("/office/logout", Access::Office, [this](Context& c) { return logout(c); });
    get("/office/inbox", Access::Office, [this](Context& c) { return inbox(c); });
    post("/office/mark", Access::Office, [this](Context& c) { return mark(c); });
    get("/office/case", Access::Office, [this](Context& c) { return casePage(c); });
    get("/office/record", Access::Office, [this](Context& c) { return recordPage(c, false); });
    get("/office/record/print", Access::Office, [this](Context& c) { return recordPage(c, true); });
    get("/office/record/pdf", Access::Office, [this](Context& c) { return recordPdf(c); });
    get("/office/journal", Access::Office, [this](Context& c) { return journal(c, false); });
    get("/office/journal.csv", Access::Office, [this](Context& c) { return journal(c, true); });
    get("/office/deadlines", Access::Office, [this](Context& c) { return deadlines(c); });
    get("/office/users", Access::Office, [this](Context& c) { return users(c); });
    for (const char* what : { "create", "code", "revoke", "assign", "revoke-device" }) {
        const QString action = QString::fromLatin1(what);
        post(qPrintable(QStringLiteral("/office/users/%1").arg(action)), Access::Office,
            [this, action](Context& c) { return userAction(c, action); });
    }
    get("/office/audit", Access::Admin, [this](Context& c) { return auditLog(c); });
    get("/office/report", Access::Office, [this](Context& c) { return report(c, QStringLiteral("html")); });
    get("/office/report.csv", Access::Office, [this](Context& c) { return report(c, QStringLiteral("csv")); });
    get("/office/report.pdf", Access::Office, [this](Context& c) { return report(c, QStringLiteral("pdf")); });
}

} // namespace office

void registerOfficeRoutes(QHttpServer& http, ServerStore& store, SyncService& sync, const ServerConfig& config)
{
    auto* site = new office::OfficeSite(store, sync, config, &http);
    site->registerRoutes(http);
}

} // namespace poruch::server
