// Office pages that manage people and show the audit trail: users and devices, enrollment codes, audit log.
#include "auth/passwordhash.h"
#include "monitoringreport.h"
#include "officesite_p.h"
#include "qrsvg.h"
#include "server/serverlogging.h"
#include "storage/serverstore.h"
#include "sync/syncservice.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

namespace poruch::server::office {

namespace {

QString formValue(const OfficeSite::Context& context, const QString& key, int maxLength = 200)
{
    return context.form.queryItemValue(key, QUrl::FullyDecoded).trimmed().left(maxLength);
}

// Office staff manage field workers of their own unit; an administrator manages everyone.
bool canManage(const User& actor, const User& target)
{
    if (actor.role == Role::Admin)
        return true;
    return target.unit == actor.unit && !isOfficeRole(target.role);
}

QString doneMessage(const QString& code)
{
    static const QHash<QString, QString> messages {
        { QStringLiteral("created"), QStringLiteral("Користувача створено.") },
        { QStringLiteral("revoked"), QStringLiteral("Доступ користувача відкликано; його планшети буде очищено.") },
        { QStringLiteral("device-revoked"),
            QStringLiteral("Пристрій відкликано; його буде очищено при наступному "
                           "з'єднанні.") },
        { QStringLiteral("assigned"), QStringLiteral("Справу додано до переліку справ працівника.") },
    };
    return messages.value(code);
}

const QHash<QString, QString>& actionLabels()
{
    static const QHash<QString, QString> labels {
        { QStringLiteral("web.view"), QStringLiteral("перегляд у кабінеті") },
        { QStringLiteral("web.mark"), QStringLiteral("відмітка про отримання") },
        { QStringLiteral("web.login"), QStringLiteral("вхід до кабінету") },
        { QStringLiteral("web.login_failed"), QStringLiteral("невдалий вхід") },
        { QStringLiteral("web.login_refused"), QStringLiteral("вхід заборонено (роль)") },
        { QStringLiteral("web.logout"), QStringLiteral("вихід") },
        { QStringLiteral("web.csrf_rejected"), QStringLiteral("відхилено підроблену форму") },
        { QStringLiteral("record.write"), QStringLiteral("документ отримано з планшета") },
        { QStringLiteral("record.read"), QStringLiteral("документ передано на планшет") },
        { QStringLiteral("record.conflict"), QStringLiteral("конфлікт редакцій") },
        { QStringLiteral("case.write"), QStringLiteral("справу отримано з планшета") },
        { QStringLiteral("case.read"), QStringLiteral("справу передано на планшет") },
        { QStringLiteral("user.create"), QStringLiteral("створено користувача") },
        { QStringLiteral("user.revoke"), QStringLiteral("відкликано користувача") },
        { QStringLiteral("user.set_role"), QStringLiteral("змінено роль") },
        { QStringLiteral("device.enroll"), QStringLiteral("підключено планшет") },
        { QStringLiteral("device.revoke"), QStringLiteral("відкликано планшет") },
        { QStringLiteral("enrollment_code.create"), QStringLiteral("видано код підключення") },
        { QStringLiteral("caseload.assign"), QStringLiteral("справу додано працівнику") },
        { QStringLiteral("caseload.unassign"), QStringLiteral("справу знято з працівника") },
    };
    return labels;
}

QString actionLabel(const QString& action)
{
    return actionLabels().value(action);
}

QStringList knownActions()
{
    return actionLabels().keys();
}

// The technical detail of an audit entry (English, written by the code) said in Ukrainian; user ids become
// user names. Unknown shapes stay as they are (shown raw, still readable to an administrator).
// The action filter: every known action by its Ukrainian label.
QString actionOptions(const QString& selected)
{
    QString options = QStringLiteral("<option value=\"\">усі дії</option>");
    QList<QPair<QString, QString>> byLabel;
    for (const QString& code : knownActions())
        byLabel.append({ actionLabel(code), code });
    std::sort(byLabel.begin(), byLabel.end());
    for (const auto& [label, code] : byLabel)
        options += QStringLiteral("<option value=\"%1\"%2>%3</option>")
                       .arg(escape(code), code == selected ? QStringLiteral(" selected") : QString(), escape(label));
    return options;
}

QString detailLabel(const QString& detail, const QHash<QString, QString>& names)
{
    static const QHash<QString, QString> fixed {
        { QStringLiteral("page case"), QStringLiteral("сторінка справи") },
        { QStringLiteral("page record"), QStringLiteral("сторінка акта") },
        { QStringLiteral("page record print"), QStringLiteral("акт, версія для друку") },
        { QStringLiteral("pdf record"), QStringLiteral("акт у PDF") },
        { QStringLiteral("page audit"), QStringLiteral("сторінка «Журнал аудиту»") },
        { QStringLiteral("received"), QStringLiteral("отримано") },
        { QStringLiteral("registered"), QStringLiteral("зареєстровано") },
    };
    if (const auto it = fixed.constFind(detail); it != fixed.constEnd())
        return *it;
    const auto name = [&](const QString& id) { return names.value(id, id); };
    static const QRegularExpression inbox(QStringLiteral("^page inbox, (\\d+) records$"));
    static const QRegularExpression journal(QStringLiteral("^(page|csv) journal, (\\d+) notices$"));
    static const QRegularExpression deadlines(QStringLiteral("^page deadlines, (\\d+) tasks$"));
    static const QRegularExpression report(QStringLiteral("^report (\\d{4}-Q[1-4]) (html|csv|pdf)$"));
    static const QRegularExpression userRole(QStringLiteral("^user (\\S+) role (\\S+)$"));
    static const QRegularExpression user(QStringLiteral("^(?:for )?user (\\S+)$"));
    static const QRegularExpression role(QStringLiteral("^role (\\S+)$"));
    static const QRegularExpression revision(QStringLiteral("^revision (\\d+)$"));
    static const QRegularExpression path(QStringLiteral("^/office/\\S*$"));
    if (const auto m = inbox.match(detail); m.hasMatch())
        return QStringLiteral("сторінка «Вхідні», записів: %1").arg(m.captured(1));
    if (const auto m = journal.match(detail); m.hasMatch())
        return QStringLiteral("журнал обліку (%1), повідомлень: %2")
            .arg(m.captured(1) == QLatin1String("csv") ? QStringLiteral("CSV") : QStringLiteral("сторінка"),
                m.captured(2));
    if (const auto m = deadlines.match(detail); m.hasMatch())
        return QStringLiteral("сторінка «Строки», завдань: %1").arg(m.captured(1));
    if (const auto m = report.match(detail); m.hasMatch()) {
        const auto quarter = Quarter::parse(m.captured(1));
        const QString format
            = m.captured(2) == QLatin1String("html") ? QStringLiteral("сторінка") : m.captured(2).toUpper();
        return QStringLiteral("моніторинг за %1 (%2)").arg(quarter ? quarter->labelUk() : m.captured(1), format);
    }
    if (const auto m = userRole.match(detail); m.hasMatch())
        return QStringLiteral("користувач %1, роль: %2").arg(name(m.captured(1)), roleLabel(m.captured(2)));
    if (const auto m = user.match(detail); m.hasMatch())
        return QStringLiteral("користувач %1").arg(name(m.captured(1)));
    if (const auto m = role.match(detail); m.hasMatch())
        return QStringLiteral("роль: %1").arg(roleLabel(m.captured(1)));
    if (const auto m = revision.match(detail); m.hasMatch())
        return QStringLiteral("редакція %1").arg(m.captured(1));
    if (path.match(detail).hasMatch())
        return QStringLiteral("адреса %1").arg(detail);
    return detail;
}

QString fingerprintText(const QString& hex)
{
    QStringList pairs;
    for (int i = 0; i + 1 < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}

} // namespace

QHttpServerResponse OfficeSite::users(Context& context, const QString& message, const QString& enrollment)
{
    const auto allUsers = m_store.listUsers();
    const auto devices = m_store.listDevices();
    auto loaded = data(context);
    if (!allUsers || !devices || !loaded)
        return dataUnavailable(&context);
    const bool admin = context.user.role == Role::Admin;
    QString body = QStringLiteral("<h1>Користувачі і пристрої</h1>");
    const QString done = doneMessage(context.request.query().queryItemValue(QStringLiteral("done")));
    if (!message.isEmpty())
        body += QStringLiteral("<p class=\"error\">%1</p>").arg(escape(message));
    else if (!done.isEmpty())
        body += QStringLiteral("<p class=\"notice-box\">%1</p>").arg(escape(done));
    body += enrollment;

    QString rows;
    QList<const User*> fieldUsers;
    for (const User& user : *allUsers) {
        if (!admin && user.unit != context.user.unit)
            continue;
        if (!isOfficeRole(user.role) && !user.revoked)
            fieldUsers.append(&user);
        QString deviceCells;
        for (const Device& device : *devices) {
            if (device.userId != user.id)
                continue;
            deviceCells += QStringLiteral("<div>%1 · %2 · %3")
                               .arg(escape(device.label), escape(kyivDate(device.enrolledAt)),
                                   device.revoked() ? QStringLiteral("відкликано") : QStringLiteral("активний"));
            if (!device.revoked() && canManage(context.user, user))
                deviceCells += QStringLiteral(" <form class=\"inline\" method=\"post\" action=\"/office/users/"
                                              "revoke-device\" data-confirm=\"Відкликати пристрій? Дані на ньому буде "
                                              "стерто.\">%1<input type=\"hidden\" name=\"device\" value=\"%2\">"
                                              "<button class=\"danger\" type=\"submit\">Відкликати</button></form>")
                                   .arg(csrfField(context.session.csrfToken), escape(device.id));
            deviceCells += QStringLiteral("</div>");
        }
        const auto caseload = m_store.assignedCases(user.id);
        QString actions;
        if (canManage(context.user, user) && !user.revoked && user.id != context.user.id) {
            if (!isOfficeRole(user.role))
                actions += QStringLiteral("<form class=\"inline\" method=\"post\" action=\"/office/users/code\">%1"
                                          "<input type=\"hidden\" name=\"user\" value=\"%2\"><button type=\"submit\">"
                                          "Код підключення планшета</button></form> ")
                               .arg(csrfField(context.session.csrfToken), escape(user.id));
            actions += QStringLiteral("<form class=\"inline\" method=\"post\" action=\"/office/users/revoke\" "
                                      "data-confirm=\"Відкликати доступ користувача? Його планшети буде очищено.\">%1"
                                      "<input type=\"hidden\" name=\"user\" value=\"%2\"><button class=\"danger\" "
                                      "type=\"submit\">Відкликати доступ</button></form>")
                           .arg(csrfField(context.session.csrfToken), escape(user.id));
        }
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td>"
                               "<td>%8</td></tr>")
                    .arg(escape(user.username), escape(user.displayName), escape(roleLabel(roleId(user.role))),
                        escape(user.unit),
                        user.revoked ? QStringLiteral("<span class=\"badge bad\">відкликано</span>")
                                     : QStringLiteral("<span class=\"badge ok\">активний</span>"),
                        caseload ? QString::number(caseload->size()) : QStringLiteral("—"),
                        deviceCells.isEmpty() ? QStringLiteral("<span class=\"muted\">немає</span>") : deviceCells,
                        actions);
    }
    body += QStringLiteral("<table><thead><tr><th>Ім'я користувача</th><th>Ім'я</th><th>Роль</th><th>Підрозділ</th>"
                           "<th>Стан</th><th>Справ</th><th>Пристрої</th><th>Дії</th></tr></thead><tbody>%1</tbody>"
                           "</table>")
                .arg(rows);

    QString roleOptions;
    for (const QString& role : roleIds()) {
        if (!admin && isOfficeRole(*roleFromId(role)))
            continue;
        roleOptions += QStringLiteral("<option value=\"%1\">%2</option>").arg(escape(role), escape(roleLabel(role)));
    }
    body += QStringLiteral("<h2>Новий користувач</h2><form class=\"card\" method=\"post\" action=\"/office/users/"
                           "create\">%1<label>Ім'я користувача (латиницею)<input name=\"username\" required "
                           "pattern=\"[a-z0-9._\\-]{3,40}\" maxlength=\"40\"></label><label>Прізвище та ім'я"
                           "<input name=\"name\" required maxlength=\"120\"></label><label>Роль<select name=\"role\">"
                           "%2</select></label>%3<label>Пароль (для входу до кабінету, від 10 символів)<input "
                           "type=\"password\" name=\"password\" autocomplete=\"new-password\" maxlength=\"200\">"
                           "</label><button type=\"submit\">Створити</button></form>")
                .arg(csrfField(context.session.csrfToken), roleOptions,
                    admin ? QStringLiteral("<label>Підрозділ<input name=\"unit\" value=\"%1\" maxlength=\"40\">"
                                           "</label>")
                                .arg(escape(context.user.unit))
                          : QString());

    QString userOptions;
    for (const User* user : fieldUsers)
        userOptions += QStringLiteral("<option value=\"%1\">%2 (%3)</option>")
                           .arg(escape(user->id), escape(user->username), escape(user->displayName));
    QString caseOptions;
    for (auto it = loaded->cases.constBegin(); it != loaded->cases.constEnd(); ++it)
        caseOptions += QStringLiteral("<option value=\"%1\">%2 — %3</option>")
                           .arg(escape(it.key()), escape(it->title()), escape(it->address));
    body += QStringLiteral("<h2>Перелік справ працівника</h2><form class=\"card\" method=\"post\" "
                           "action=\"/office/users/assign\">%1<label>Працівник<select name=\"user\">%2</select></label>"
                           "<label>Справа<select name=\"case\">%3</select></label><button type=\"submit\">Додати "
                           "справу</button></form>")
                .arg(csrfField(context.session.csrfToken), userOptions, caseOptions);
    return htmlPage(context, QStringLiteral("Користувачі і пристрої"), QStringLiteral("users"), body);
}

QHttpServerResponse OfficeSite::userAction(Context& context, const QString& what)
{
    const QString actor = context.user.id;
    if (what == QLatin1String("create")) {
        User user;
        user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        user.username = formValue(context, QStringLiteral("username"), 40);
        user.displayName = formValue(context, QStringLiteral("name"), 120);
        const auto role = roleFromId(formValue(context, QStringLiteral("role")));
        user.unit
            = context.user.role == Role::Admin ? formValue(context, QStringLiteral("unit"), 40) : context.user.unit;
        if (user.unit.isEmpty())
            user.unit = context.user.unit;
        user.createdAt = QDateTime::currentDateTimeUtc();
        static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9._-]{3,40}$"));
        if (!namePattern.match(user.username).hasMatch())
            return users(context, QStringLiteral("Ім'я користувача: 3–40 символів a–z, 0–9, «.», «_» або «-»."));
        if (user.displayName.isEmpty())
            return users(context, QStringLiteral("Вкажіть прізвище та ім'я."));
        if (!role)
            return users(context, QStringLiteral("Оберіть роль."));
        user.role = *role;
        if (!canManage(context.user, user))
            return errorPage(&context, Status::Forbidden, QStringLiteral("Доступ заборонено"),
                QStringLiteral("Працівник офісу створює лише польових працівників свого підрозділу."));
        const QString password = context.form.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
        if (isOfficeRole(user.role) && password.size() < 10)
            return users(context, QStringLiteral("Для працівника офісу потрібен пароль від 10 символів."));
        if (!password.isEmpty()) {
            if (password.size() < 10)
                return users(context, QStringLiteral("Пароль має містити щонайменше 10 символів."));
            user.passwordHash = hashPassword(password);
        }
        const auto existing = m_store.findUserByName(user.username);
        if (existing && existing->has_value())
            return users(context, QStringLiteral("Користувач з таким іменем уже є."));
        auto done = m_store.transaction([&]() -> Result<void> {
            if (auto inserted = m_store.insertUser(user); !inserted)
                return inserted;
            return m_store.appendAudit(AuditEntry { 0, user.createdAt, actor, QString(), QStringLiteral("user.create"),
                QString(), QString(), QStringLiteral("user %1 role %2").arg(user.id, roleId(user.role)) });
        });
        if (!done)
            return users(context, QStringLiteral("Користувача не створено."));
        return redirect(QStringLiteral("/office/users?done=created"));
    }

    if (what == QLatin1String("revoke-device")) {
        const auto device = m_store.findDevice(formValue(context, QStringLiteral("device")));
        if (!device || !device->has_value())
            return errorPage(
                &context, Status::NotFound, QStringLiteral("Не знайдено"), QStringLiteral("Немає такого пристрою."));
        const auto owner = m_store.findUserById((*device)->userId);
        if (!owner || !owner->has_value() || !canManage(context.user, **owner))
            return errorPage(&context, Status::Forbidden, QStringLiteral("Доступ заборонено"),
                QStringLiteral("Цей пристрій належить іншому підрозділу."));
        if (auto revoked = m_sync.revokeDevice((*device)->id, actor); !revoked)
            return users(context, QStringLiteral("Пристрій не відкликано."));
        return redirect(QStringLiteral("/office/users?done=device-revoked"));
    }

    const auto target = m_store.findUserById(formValue(context, QStringLiteral("user")));
    if (!target || !target->has_value())
        return errorPage(
            &context, Status::NotFound, QStringLiteral("Не знайдено"), QStringLiteral("Немає такого користувача."));
    const User& user = **target;
    if (!canManage(context.user, user) || user.id == context.user.id)
        return errorPage(&context, Status::Forbidden, QStringLiteral("Доступ заборонено"),
            QStringLiteral("Ви не можете керувати цим користувачем."));

    if (what == QLatin1String("revoke")) {
        if (auto revoked = m_sync.revokeUser(user.id, actor); !revoked)
            return users(context, QStringLiteral("Доступ не відкликано."));
        if (auto ended = m_sessions.endAllOf(user.id); !ended)
            qCWarning(lcServer) << "office: sessions of a revoked user not ended:" << ended.error().code;
        return redirect(QStringLiteral("/office/users?done=revoked"));
    }
    if (what == QLatin1String("assign")) {
        const QString caseId = formValue(context, QStringLiteral("case"));
        auto loaded = data(context);
        if (!loaded || !loaded->cases.contains(caseId))
            return users(context, QStringLiteral("Такої справи немає серед справ вашого підрозділу."));
        if (auto assigned = m_sync.assignCase(user.id, caseId, actor); !assigned)
            return users(context, QStringLiteral("Справу не додано."));
        return redirect(QStringLiteral("/office/users?done=assigned"));
    }
    if (what == QLatin1String("code")) {
        if (isOfficeRole(user.role) || user.revoked)
            return users(context, QStringLiteral("Код підключення видають лише активним польовим працівникам."));
        const auto code = m_sync.createEnrollmentCode(user.id, actor);
        if (!code)
            return users(context, QStringLiteral("Код не створено."));
        const QString server = serverUrl(context.request);
        QUrlQuery payload;
        payload.addQueryItem(QStringLiteral("server"), server);
        payload.addQueryItem(QStringLiteral("code"), *code);
        if (!m_fingerprint.isEmpty())
            payload.addQueryItem(QStringLiteral("sha256"), m_fingerprint);
        const QString uri = QStringLiteral("poruch://enroll?") + payload.toString(QUrl::FullyEncoded);
        QString card = QStringLiteral("<h2>Код підключення планшета для %1</h2><div class=\"enroll\">%2<div>"
                                      "<p>Код (діє 24 години, лише один раз):</p><p class=\"code-text\">%3</p>"
                                      "<p>Адреса сервера: <span class=\"code\">%4</span></p>")
                           .arg(escape(user.displayName), qrSvg(uri), escape(*code), escape(server));
        card += m_fingerprint.isEmpty()
            ? QStringLiteral("<p class=\"warning\">Сервер працює без TLS (лише для перевірки на цьому комп'ютері): "
                             "відбитка сертифіката немає.</p>")
            : QStringLiteral("<p>Відбиток сертифіката сервера (SHA-256):<br><span class=\"code\">%1</span></p>")
                  .arg(escape(fingerprintText(m_fingerprint)));
        card += QStringLiteral("<p class=\"muted\">Відскануйте QR-код планшетом або введіть код вручну. Код не "
                               "зберігається на сервері і більше не буде показаний.</p></div></div>");
        return users(context, QString(), card);
    }
    return errorPage(&context, Status::NotFound, QStringLiteral("Не знайдено"), QStringLiteral("Невідома дія."));
}

QHttpServerResponse OfficeSite::auditLog(Context& context)
{
    const QUrlQuery query = context.request.query();
    const auto value = [&](const char* key) {
        return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded).trimmed().left(80);
    };
    AuditFilter filter;
    const QString userName = value("user");
    if (!userName.isEmpty()) {
        const auto user = m_store.findUserByName(userName);
        filter.userId = user && user->has_value() ? (*user)->id : userName;
    }
    filter.recordId = value("record");
    filter.caseId = value("case");
    filter.action = value("action");
    const QDate from = QDate::fromString(value("from"), Qt::ISODate);
    const QDate to = QDate::fromString(value("to"), Qt::ISODate);
    if (from.isValid())
        filter.from = toKyiv(QDateTime(from, QTime(0, 0), QTimeZone(QByteArrayLiteral("Europe/Kyiv"))));
    if (to.isValid())
        filter.until = QDateTime(to.addDays(1), QTime(0, 0), QTimeZone(QByteArrayLiteral("Europe/Kyiv")));
    filter.limit = 500;
    const auto entries = m_store.auditEntries(filter);
    const auto allUsers = m_store.listUsers();
    if (!entries || !allUsers)
        return dataUnavailable(&context);
    QHash<QString, QString> names;
    for (const User& user : *allUsers)
        names.insert(user.id, user.username);
    // poruch-admin writes its actor as "cli:<operating-system user>".
    const auto actorName = [&](const QString& id) {
        if (!id.startsWith(QLatin1String("cli:")))
            return names.value(id, id);
        const QString osUser = id.mid(4);
        return osUser == QLatin1String("unknown")
            ? QStringLiteral("адміністратор сервера (командний рядок)")
            : QStringLiteral("адміністратор сервера (командний рядок, %1)").arg(osUser);
    };

    QString body = QStringLiteral("<h1>Журнал аудиту</h1><form class=\"filters\" method=\"get\" action=\"/office/"
                                  "audit\"><label>Користувач (ім'я користувача)<input name=\"user\" value=\"%1\">"
                                  "</label><label>Документ (ідентифікатор)<input name=\"record\" value=\"%2\"></label>"
                                  "<label>Справа (ідентифікатор)<input name=\"case\" value=\"%3\"></label><label>Дія"
                                  "<select name=\"action\">%4</select></label><label>З дати<input type=\"date\" "
                                  "name=\"from\" value=\"%5\"></label><label>По дату<input type=\"date\" name=\"to\" "
                                  "value=\"%6\"></label><button type=\"submit\">Знайти</button></form>")
                       .arg(escape(userName), escape(filter.recordId), escape(filter.caseId),
                           actionOptions(filter.action), from.isValid() ? from.toString(Qt::ISODate) : QString(),
                           to.isValid() ? to.toString(Qt::ISODate) : QString());
    body += QStringLiteral("<p class=\"muted\">Показано записів: %1 (найновіші спочатку, не більше 500).</p>")
                .arg(entries->size());
    body += QStringLiteral("<table class=\"audit\"><thead><tr><th>Час</th><th>Користувач</th><th>Пристрій</th>"
                           "<th>Дія</th><th>Справа</th><th>Документ</th><th>Подробиці</th></tr></thead><tbody>");
    // Labels only; the codes stay in title attributes (hover) for whoever needs to match them in logs.
    for (const AuditEntry& entry : *entries) {
        const QString label = actionLabel(entry.action);
        body += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"code\">%3</td><td title=\"%4\">%5</td>"
                               "<td class=\"code\">%6</td><td class=\"code\">%7</td><td title=\"%8\">%9</td></tr>")
                    .arg(escape(kyivDateTime(entry.at)), escape(actorName(entry.userId)),
                        escape(entry.deviceId.left(8)), escape(entry.action),
                        escape(label.isEmpty() ? QStringLiteral("інша дія") : label), escape(entry.caseId),
                        escape(entry.recordId), escape(entry.detail), escape(detailLabel(entry.detail, names)));
    }
    body += QStringLiteral("</tbody></table>");
    audit(context, QStringLiteral("web.view"), QString(), QString(), QStringLiteral("page audit"));
    return htmlPage(context, QStringLiteral("Журнал аудиту"), QStringLiteral("audit"), body);
}

} // namespace poruch::server::office
