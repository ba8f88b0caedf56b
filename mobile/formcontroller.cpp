#include "formcontroller.h"

#include "applogging.h"
#include "appsession.h"
#include "fieldformat.h"
#include "forms/formregistry.h"
#include "forms/formvalidator.h"
#include "isotime.h"
#include "pdfencryptor.h"
#include "pdfexport.h"
#include "recorddrafts.h"
#include "records/recordmoment.h"
#include "records/recordrepository.h"
#include "sync/localsyncstore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJSValue>
#include <QLocale>

namespace poruch::app {

using forms::FieldType;

namespace {

QJsonValue toJson(const QVariant& value)
{
    if (value.metaType() == QMetaType::fromType<QJSValue>())
        return QJsonValue::fromVariant(value.value<QJSValue>().toVariant());
    return QJsonValue::fromVariant(value);
}

bool isEmpty(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty()) || (value.isObject() && value.toObject().isEmpty());
}

void put(QJsonObject& object, const QString& key, const QJsonValue& value)
{
    if (isEmpty(value))
        object.remove(key);
    else
        object.insert(key, value);
}

QString topLevelKey(const QString& path)
{
    qsizetype end = path.size();
    for (const QChar stop : { QLatin1Char('.'), QLatin1Char('[') }) {
        const qsizetype at = path.indexOf(stop);
        if (at >= 0)
            end = qMin(end, at);
    }
    return path.left(end);
}

} // namespace

FormController::FormController(QObject* parent)
    : QObject(parent)
{
}

void FormController::setRecordId(const QString& id)
{
    if (id == m_record.id && m_form)
        return;
    load(id);
    Q_EMIT recordIdChanged();
}

QString FormController::title() const
{
    return m_form ? m_form->title() : QString();
}

QString FormController::typeLabel() const
{
    return m_form ? RecordDrafts::typeLabel(records::recordTypeId(m_record.type)) : QString();
}

const forms::FieldDef* FormController::field(const QString& key) const
{
    return m_form ? m_form->field(key) : nullptr;
}

void FormController::load(QString id)
{
    m_form = nullptr;
    m_record = {};
    m_sections.clear();
    m_members.clear();
    m_memberIds.clear();
    m_memberNames.clear();
    m_caseRecords.clear();
    m_caseRecordIds.clear();
    m_issues.clear();
    m_finalChecked = false;
    m_savedAt.clear();
    auto* session = AppSession::instance();
    records::RecordRepository* repo = session ? session->repository() : nullptr;
    if (repo && !id.isEmpty()) {
        auto record = repo->getRecord(id);
        if (!record) {
            setError(record.error().code);
        } else {
            m_record = record.value();
            // Rendered with exactly the form version the record was written with.
            m_form = session->forms().definition(m_record.formId, m_record.formVersion);
            if (!m_form)
                setError(QStringLiteral("forms.unknown_form"));
            else
                m_sections = m_form->json().value(QStringLiteral("sections")).toArray().toVariantList();
            if (auto c = repo->getCase(m_record.caseId)) {
                for (const records::Member& m : c->members) {
                    m_members << QVariantMap { { QStringLiteral("id"), m.id }, { QStringLiteral("name"), m.fullName } };
                    m_memberIds << m.id;
                    m_memberNames.insert(m.id, m.fullName);
                }
            }
            loadCaseRecords(*repo);
            m_savedAt = QLocale().toString(m_record.updatedAt, QStringLiteral("HH:mm:ss"));
        }
    }
    Q_EMIT changed();
    Q_EMIT bodyChanged();
    validate(false);
}

void FormController::loadCaseRecords(records::RecordRepository& repo)
{
    auto file = repo.openCase(m_record.caseId);
    if (!file)
        return;
    for (auto it = file->records.crbegin(); it != file->records.crend(); ++it) {
        const records::RecordSummary& r = *it;
        if (r.id == m_record.id)
            continue;
        const QString type = records::recordTypeId(r.type);
        const bool final = r.status == records::RecordStatus::Final;
        // The moment the act is about says more to a worker than when it was typed in.
        QDateTime when = final ? r.finalizedAt : r.updatedAt;
        QString journal;
        if (auto full = repo.getRecord(r.id)) {
            journal = full->body.value(QStringLiteral("journalNumber")).toString();
            const QString moment = full->body.value(records::momentField(type)).toString();
            const QDateTime at = QDateTime::fromString(moment, Qt::ISODate);
            const QDate day = QDate::fromString(moment, Qt::ISODate);
            if (at.isValid())
                when = at;
            else if (day.isValid())
                when = day.startOfDay();
        }
        m_caseRecordIds << r.id;
        m_caseRecords << QVariantMap {
            { QStringLiteral("id"), r.id },
            { QStringLiteral("typeLabel"), RecordDrafts::typeLabel(type) },
            { QStringLiteral("when"), QLocale().toString(when, QStringLiteral("dd.MM.yyyy")) },
            { QStringLiteral("status"), final ? tr("final") : tr("draft") },
            { QStringLiteral("journalNumber"), journal },
        };
    }
}

bool FormController::save(QJsonObject body)
{
    auto* session = AppSession::instance();
    client::LocalSyncStore* writer = session ? session->syncStore() : nullptr;
    if (!writer || !m_form || m_record.isFinal())
        return false;
    records::Record draft = m_record;
    draft.body = std::move(body);
    // The save and its outbox entry in one transaction: a kill never separates them.
    auto saved = writer->saveDraft(draft);
    if (!saved) {
        qCWarning(lcApp) << "autosave failed for record" << m_record.id << saved.error().code;
        setError(saved.error().code);
        return false;
    }
    m_record = saved.value();
    m_savedAt = QLocale().toString(m_record.updatedAt, QStringLiteral("HH:mm:ss"));
    setError({});
    Q_EMIT bodyChanged();
    validate(m_finalChecked);
    session->localChangesSaved();
    return true;
}

void FormController::validate(bool final)
{
    QVariantMap issues;
    if (m_form) {
        forms::ValidationContext context;
        if (auto* session = AppSession::instance())
            context.now = session->now();
        context.memberIds = m_memberIds;
        forms::FormValidator validator(context);
        validator.withCaseRecords(m_caseRecordIds);
        const auto found = validator.validate(
            *m_form, m_record.body, final ? forms::FormValidator::Mode::Final : forms::FormValidator::Mode::Draft);
        for (const forms::ValidationIssue& issue : found) {
            const QString key = topLevelKey(issue.fieldKey);
            const QString previous = issues.value(key).toString();
            issues.insert(key, previous.isEmpty() ? issue.message : previous + QLatin1Char('\n') + issue.message);
        }
    }
    m_issues = issues;
    m_finalChecked = final;
    Q_EMIT issuesChanged();
}

void FormController::setError(const QString& error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

QVariant FormController::value(const QString& key, int) const
{
    return m_record.body.value(key).toVariant();
}

bool FormController::setValue(const QString& key, const QVariant& value)
{
    if (!field(key))
        return false;
    QJsonObject body = m_record.body;
    put(body, key, toJson(value));
    if (body == m_record.body)
        return true;
    return save(body);
}

bool FormController::setPart(const QString& key, const QString& part, const QVariant& value)
{
    const forms::FieldDef* def = field(key);
    if (!def || !def->isObject())
        return false;
    QJsonObject object = m_record.body.value(key).toObject();
    put(object, part, toJson(value));
    if (def->type == FieldType::Consent && part == QLatin1String("decision") && !object.contains(QStringLiteral("at"))
        && object.value(QStringLiteral("decision")).toString() != QLatin1String("not_asked")) {
        if (auto* session = AppSession::instance())
            object.insert(QStringLiteral("at"), isoDateTime(session->now()));
    }
    if (def->type == FieldType::Consent && !def->purpose.isEmpty() && !object.isEmpty())
        object.insert(QStringLiteral("purpose"), def->purpose);
    QJsonObject body = m_record.body;
    put(body, key, object);
    return body == m_record.body ? true : save(body);
}

static QDateTime parseTyped(const QString& text)
{
    const QString t = text.trimmed();
    for (const QString& format : { QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd H:mm"),
             QStringLiteral("dd.MM.yyyy HH:mm"), QStringLiteral("d.M.yyyy H:mm") }) {
        QDateTime moment = QDateTime::fromString(t, format);
        if (moment.isValid())
            return moment;
    }
    return parseIsoDateTime(t);
}

bool FormController::setDateTimeText(const QString& key, const QString& text)
{
    const QDateTime moment = parseTyped(text);
    return setValue(key, moment.isValid() ? QVariant(isoDateTime(moment)) : QVariant(text.trimmed()));
}

bool FormController::setDateText(const QString& key, const QString& text)
{
    QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!date.isValid())
        date = QDate::fromString(text.trimmed(), QStringLiteral("dd.MM.yyyy"));
    return setValue(key, date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(text.trimmed()));
}

QString FormController::dateTimeText(const QString& key) const
{
    const QString value = m_record.body.value(key).toString();
    const QDateTime moment = parseIsoDateTime(value);
    return moment.isValid() ? moment.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : value;
}

QString FormController::dateText(const QString& key) const
{
    return m_record.body.value(key).toString();
}

QString FormController::nowText() const
{
    auto* session = AppSession::instance();
    return (session ? session->now() : QDateTime::currentDateTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString FormController::todayText() const
{
    auto* session = AppSession::instance();
    return (session ? session->now() : QDateTime::currentDateTime()).date().toString(Qt::ISODate);
}

QVariantList FormController::catalogGroups(const QString& key, const QString& filter) const
{
    QVariantList groups;
    const forms::FieldDef* def = field(key);
    if (!def || !def->catalog)
        return groups;
    QSet<QString> checked;
    for (const QJsonValue& code : m_record.body.value(key).toArray())
        checked.insert(code.toString());
    const QString needle = filter.trimmed().toCaseFolded();
    for (const forms::CatalogSection& section : def->catalog->sections()) {
        if (!def->catalogSection.isEmpty() && section.key != def->catalogSection)
            continue;
        QVariantList items;
        auto add = [&](const forms::CatalogItem& item, bool child) {
            if (!needle.isEmpty() && !item.text.toCaseFolded().contains(needle) && !item.code.contains(needle))
                return;
            items << QVariantMap { { QStringLiteral("code"), item.code }, { QStringLiteral("text"), item.text },
                { QStringLiteral("child"), child }, { QStringLiteral("checked"), checked.contains(item.code) } };
        };
        for (const forms::CatalogItem& item : section.items) {
            add(item, false);
            for (const forms::CatalogItem& sub : item.children)
                add(sub, true);
        }
        if (!items.isEmpty())
            groups << QVariantMap { { QStringLiteral("key"), section.key }, { QStringLiteral("title"), section.title },
                { QStringLiteral("items"), items } };
    }
    return groups;
}

bool FormController::toggleCode(const QString& key, const QString& code, bool on)
{
    const forms::FieldDef* def = field(key);
    if (!def || def->type != FieldType::Multi || !def->catalog || !def->catalog->contains(code))
        return false;
    QJsonArray codes = m_record.body.value(key).toArray();
    QJsonArray next;
    for (const QJsonValue& c : codes) {
        if (c.toString() != code)
            next << c;
    }
    if (on) {
        // Keep the catalog's order, so the act reads like the checklist.
        QJsonArray ordered;
        QSet<QString> chosen;
        for (const QJsonValue& c : next)
            chosen.insert(c.toString());
        chosen.insert(code);
        for (const QString& c : def->catalog->codes()) {
            if (chosen.contains(c))
                ordered << c;
        }
        next = ordered;
    }
    QJsonObject body = m_record.body;
    put(body, key, next);
    return body == m_record.body ? true : save(body);
}

bool FormController::toggleMember(const QString& key, const QString& memberId, bool on)
{
    const forms::FieldDef* def = field(key);
    if (!def || def->type != FieldType::Member)
        return false;
    QJsonObject body = m_record.body;
    if (!def->multiple) {
        put(body, key, on ? QJsonValue(memberId) : QJsonValue());
    } else {
        QJsonArray next;
        for (const QString& id : std::as_const(m_memberIds)) {
            const bool was = m_record.body.value(key).toArray().contains(id);
            if (id == memberId ? on : was)
                next << id;
        }
        put(body, key, next);
    }
    return body == m_record.body ? true : save(body);
}

bool FormController::addRow(const QString& key)
{
    const forms::FieldDef* def = field(key);
    if (!def || !def->isRows())
        return false;
    QJsonArray rows = m_record.body.value(key).toArray();
    if (def->maxRows > 0 && rows.size() >= def->maxRows)
        return false;
    // An empty row is {} and would be dropped as empty; a row starts with its first column blank.
    const QString first = def->type == FieldType::Participants ? QStringLiteral("name")
        : def->children.isEmpty()                              ? QString()
                                                               : def->children.first().key;
    rows << QJsonObject { { first, QString() } };
    QJsonObject body = m_record.body;
    body.insert(key, rows);
    return save(body);
}

bool FormController::removeRow(const QString& key, int row)
{
    const forms::FieldDef* def = field(key);
    QJsonArray rows = m_record.body.value(key).toArray();
    if (!def || !def->isRows() || row < 0 || row >= rows.size())
        return false;
    rows.removeAt(row);
    QJsonObject body = m_record.body;
    put(body, key, rows);
    return save(body);
}

bool FormController::setCell(const QString& key, int row, const QString& column, const QVariant& value)
{
    const forms::FieldDef* def = field(key);
    QJsonArray rows = m_record.body.value(key).toArray();
    if (!def || !def->isRows() || row < 0 || row >= rows.size())
        return false;
    QJsonObject cells = rows.at(row).toObject();
    const QJsonValue json = toJson(value);
    if (isEmpty(json))
        cells.insert(column, QString()); // keep the row; the validator reports blank required cells
    else
        cells.insert(column, json);
    rows.replace(row, cells);
    QJsonObject body = m_record.body;
    body.insert(key, rows);
    return body == m_record.body ? true : save(body);
}

bool FormController::setSignature(const QString& key, const QString& pngBase64, const QString& signer)
{
    const forms::FieldDef* def = field(key);
    if (!def || def->type != FieldType::Signature)
        return false;
    QJsonObject body = m_record.body;
    if (pngBase64.isEmpty()) {
        body.remove(key);
    } else {
        auto* session = AppSession::instance();
        QJsonObject signature { { QStringLiteral("png"), pngBase64 },
            { QStringLiteral("signedAt"), isoDateTime(session ? session->now() : QDateTime::currentDateTime()) } };
        if (!signer.trimmed().isEmpty())
            signature.insert(QStringLiteral("signer"), signer.trimmed());
        body.insert(key, signature);
    }
    return body == m_record.body ? true : save(body);
}

int FormController::checkFinal()
{
    validate(true);
    return issueCount();
}

bool FormController::finalize()
{
    auto* session = AppSession::instance();
    client::LocalSyncStore* writer = session ? session->syncStore() : nullptr;
    if (!writer || !m_form || m_record.isFinal())
        return false;
    if (checkFinal() > 0)
        return false;
    auto final = writer->finalize(m_record.id);
    if (!final) {
        setError(final.error().code);
        return false;
    }
    qCInfo(lcApp) << "record finalized" << m_record.id;
    const QString id = m_record.id; // load() resets m_record first
    load(id);
    session->localChangesSaved();
    return true;
}

QString FormController::amend()
{
    auto* session = AppSession::instance();
    client::LocalSyncStore* writer = session ? session->syncStore() : nullptr;
    if (!writer || !m_record.isFinal())
        return {};
    auto amendment = writer->createAmendment(m_record.id, session->userId(), session->deviceId());
    if (!amendment) {
        setError(amendment.error().code);
        return {};
    }
    session->localChangesSaved();
    return amendment->id;
}

QString FormController::exportPdf()
{
    auto* session = AppSession::instance();
    if (!session || !m_form)
        return {};
    const QString path = QDir(session->dataDir()).filePath(QStringLiteral("exports/%1.pdf").arg(m_record.id));
    // A new one-time password per export, kept in memory only until the page shows it.
    const QString password = PdfEncryptor::oneTimePassword();
    m_exportPassword.clear();
    auto written = exportRecordPdf(*m_form, m_record, m_memberNames, path, password);
    if (!written) {
        setError(written.error().code);
        return {};
    }
    m_exportPassword = password;
    return path;
}

} // namespace poruch::app
