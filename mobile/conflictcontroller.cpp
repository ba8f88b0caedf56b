#include "conflictcontroller.h"

#include "appsession.h"
#include "fieldformat.h"
#include "forms/formregistry.h"
#include "recorddrafts.h"
#include "records/recordrepository.h"
#include "sync/localsyncstore.h"
#include "syncstatus.h"

namespace poruch::app {

ConflictController::ConflictController(QObject* parent)
    : QObject(parent)
{
    if (auto* sync = SyncStatus::instance())
        connect(sync, &SyncStatus::conflictsChanged, this, &ConflictController::build);
}

void ConflictController::setRecordId(const QString& id)
{
    if (m_recordId == id)
        return;
    m_recordId = id;
    m_choice.clear();
    m_edited.clear();
    build();
}

void ConflictController::build()
{
    m_rows.clear();
    m_title.clear();
    m_local = {};
    m_remote = {};
    m_remoteKnown = false;
    auto* sync = SyncStatus::instance();
    auto* session = AppSession::instance();
    const SyncStatus::Conflict* conflict = nullptr;
    if (sync) {
        for (const SyncStatus::Conflict& c : sync->conflicts()) {
            if (c.local.id == m_recordId)
                conflict = &c;
        }
    }
    if (!conflict || !session) {
        Q_EMIT changed();
        return;
    }
    m_local = conflict->local.body;
    m_remote = conflict->remote.body;
    m_remoteKnown = conflict->remoteKnown;
    m_title = RecordDrafts::typeLabel(records::recordTypeId(conflict->local.type));
    if (!conflict->caseTitle.isEmpty())
        m_title += QStringLiteral(" · ") + conflict->caseTitle;
    const forms::FormDefinition* form
        = session->forms().definition(conflict->local.formId, conflict->local.formVersion);
    if (!form) {
        Q_EMIT changed();
        return;
    }
    const FieldFormat format;
    for (const forms::FieldDef* field : form->fields()) {
        const QJsonValue a = m_local.value(field->key);
        const QJsonValue b = m_remote.value(field->key);
        if (a.isUndefined() && b.isUndefined())
            continue;
        const bool differs = a != b;
        const QString choice = m_choice.value(field->key, QStringLiteral("local"));
        const bool editable = field->type == forms::FieldType::Text || field->type == forms::FieldType::Multiline;
        m_rows << QVariantMap {
            { QStringLiteral("key"), field->key },
            { QStringLiteral("label"), field->label },
            { QStringLiteral("local"), format.text(*field, a) },
            { QStringLiteral("remote"), format.text(*field, b) },
            { QStringLiteral("differs"), differs },
            { QStringLiteral("choice"), choice },
            { QStringLiteral("editable"), editable },
            { QStringLiteral("edited"), m_edited.value(field->key) },
        };
    }
    Q_EMIT changed();
}

void ConflictController::choose(const QString& key, const QString& side)
{
    if (side != QLatin1String("local") && side != QLatin1String("remote"))
        return;
    m_choice.insert(key, side);
    build();
}

void ConflictController::edit(const QString& key, const QString& text)
{
    m_choice.insert(key, QStringLiteral("edited"));
    m_edited.insert(key, text);
    build();
}

QJsonObject ConflictController::mergedBody() const
{
    QJsonObject merged;
    QSet<QString> keys;
    for (auto it = m_local.begin(); it != m_local.end(); ++it)
        keys.insert(it.key());
    for (auto it = m_remote.begin(); it != m_remote.end(); ++it)
        keys.insert(it.key());
    for (const QString& key : keys) {
        const QString choice = m_choice.value(key, QStringLiteral("local"));
        QJsonValue value = choice == QLatin1String("remote") ? m_remote.value(key)
            : choice == QLatin1String("edited")              ? QJsonValue(m_edited.value(key))
                                                             : m_local.value(key);
        if (!value.isUndefined() && !(value.isString() && value.toString().isEmpty()))
            merged.insert(key, value);
    }
    return merged;
}

bool ConflictController::finish(const Error* error)
{
    if (error) {
        m_error = error->code == QLatin1String("sync.server_revision_unknown")
            ? tr("The server's version has not arrived yet. Synchronise first, then decide.")
            : tr("The resolution could not be saved (%1).").arg(error->code);
        Q_EMIT changed();
        return false;
    }
    m_error.clear();
    m_choice.clear();
    m_edited.clear();
    // The store's conflict list (SyncStatus) drops this record; lists and counts refresh.
    if (auto* session = AppSession::instance())
        session->localChangesSaved();
    build();
    return true;
}

bool ConflictController::resolve()
{
    auto* session = AppSession::instance();
    client::LocalSyncStore* store = session ? session->syncStore() : nullptr;
    if (!store || m_recordId.isEmpty() || (m_local.isEmpty() && m_remote.isEmpty()))
        return false;
    QHash<QString, client::FieldChoice> choices;
    QSet<QString> keys;
    for (auto it = m_local.begin(); it != m_local.end(); ++it)
        keys.insert(it.key());
    for (auto it = m_remote.begin(); it != m_remote.end(); ++it)
        keys.insert(it.key());
    for (const QString& key : keys) {
        const bool remote = m_choice.value(key, QStringLiteral("local")) == QLatin1String("remote");
        choices.insert(key, remote ? client::FieldChoice::Theirs : client::FieldChoice::Mine);
    }
    auto resolved = store->resolvePerField(m_recordId, choices);
    if (!resolved)
        return finish(&resolved.error());
    if (!m_edited.isEmpty()) {
        // Edited texts are an ordinary local edit on top of the resolution (queued with it).
        records::Record edited = *resolved;
        for (auto it = m_edited.begin(); it != m_edited.end(); ++it) {
            if (m_choice.value(it.key()) != QLatin1String("edited"))
                continue;
            if (it.value().isEmpty())
                edited.body.remove(it.key());
            else
                edited.body.insert(it.key(), it.value());
        }
        if (auto saved = store->saveDraft(edited); !saved)
            return finish(&saved.error());
    }
    return finish(nullptr);
}

bool ConflictController::keepMine()
{
    auto* session = AppSession::instance();
    client::LocalSyncStore* store = session ? session->syncStore() : nullptr;
    if (!store || m_recordId.isEmpty())
        return false;
    auto resolved = store->resolveKeepMine(m_recordId);
    return finish(resolved ? nullptr : &resolved.error());
}

bool ConflictController::keepTheirs()
{
    auto* session = AppSession::instance();
    client::LocalSyncStore* store = session ? session->syncStore() : nullptr;
    if (!store || m_recordId.isEmpty())
        return false;
    auto resolved = store->resolveKeepTheirs(m_recordId);
    return finish(resolved ? nullptr : &resolved.error());
}

} // namespace poruch::app
