#include "deadlinemodel.h"

#include "applogging.h"
#include "appsession.h"
#include "recorddrafts.h"
#include "records/recordrepository.h"
#include "store/database.h"
#include "sync/localsyncstore.h"
#include "workflow/workflowengine.h"

#include <QLocale>
#include <QTimer>
#include <QTimeZone>

namespace poruch::app {

namespace {
const QTimeZone kyiv(QByteArrayLiteral("Europe/Kyiv"));
}

DeadlineModel::DeadlineModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_tick(new QTimer(this))
{
    if (auto* session = AppSession::instance())
        connect(session, &AppSession::dataChanged, this, &DeadlineModel::reload);
    m_tick->setInterval(60'000);
    connect(m_tick, &QTimer::timeout, this, &DeadlineModel::reload);
    m_tick->start();
    reload();
}

int DeadlineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int DeadlineModel::overdueCount() const
{
    int n = 0;
    for (const workflow::Task& task : m_tasks)
        n += task.state == workflow::TaskState::Overdue ? 1 : 0;
    return n;
}

QString DeadlineModel::formatDuration(qint64 seconds)
{
    seconds = qAbs(seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    return tr("%1 min").arg(qMax<qint64>(1, minutes));
}

QString DeadlineModel::roleLabel(const QString& role)
{
    if (role == QLatin1String("department"))
        return tr("Department of social affairs");
    if (role == QLatin1String("centre"))
        return tr("Social services centre");
    if (role == QLatin1String("children_service"))
        return tr("Children's service");
    if (role == QLatin1String("mobile_brigade"))
        return tr("Mobile brigade");
    if (role == QLatin1String("health_care"))
        return tr("Health care");
    return role;
}

QString DeadlineModel::hintFor(const QString& reason, const QString& triggerType)
{
    if (reason == QLatin1String("server"))
        return tr("The journal number is assigned when the notice reaches the server: synchronise the tablet.");
    if (reason == QLatin1String("amend"))
        return tr("Open the record «%1» and enter it with «Amend».").arg(RecordDrafts::typeLabel(triggerType));
    if (reason == QLatin1String("office"))
        return tr("Done in the office, not on the tablet.");
    // "prompt", an unknown rule, anything newer: the worker can still follow up with whoever acts.
    return tr("Nothing to record on the tablet: agree the next step with whoever acts.");
}

QVariant DeadlineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_tasks.size())
        return {};
    const workflow::Task& task = m_tasks.at(index.row());
    const bool overdue = task.state == workflow::TaskState::Overdue;
    switch (role) {
    case RuleIdRole:
        return task.ruleId;
    case WhatRole:
        return QLocale().language() == QLocale::Ukrainian || task.whatEn.isEmpty() ? task.whatUk : task.whatEn;
    case RoleLabelRole:
        return roleLabel(task.role);
    case DueAtRole:
        return task.dueAt;
    case DueTextRole:
        return QLocale().toString(task.dueAt.toTimeZone(kyiv), QStringLiteral("dd.MM.yyyy HH:mm"));
    case TimeLeftRole: {
        const qint64 left = m_now.secsTo(task.dueAt);
        if (overdue)
            return tr("overdue by %1").arg(formatDuration(left));
        if (task.immediately)
            return tr("immediately");
        return tr("%1 left").arg(formatDuration(left));
    }
    case UrgencyRole:
        if (overdue || (task.immediately && task.state != workflow::TaskState::Done))
            return QStringLiteral("overdue");
        if (task.dueAt.toTimeZone(kyiv).date() == m_now.toTimeZone(kyiv).date())
            return QStringLiteral("today");
        return QStringLiteral("later");
    case ImmediatelyRole:
        return task.immediately;
    case CaseIdRole:
        return task.caseId;
    case CaseTitleRole:
        return task.caseId.isEmpty() ? tr("Whole community") : m_caseTitles.value(task.caseId);
    case SourceRole:
        return task.source;
    case CanDoHereRole:
        return m_completions.value(index.row()).onTablet;
    case ActionTextRole: {
        const workflow::TaskCompletion& c = m_completions.at(index.row());
        if (!c.onTablet)
            return QString();
        if (c.recordType == QLatin1String("action"))
            return tr("Do: mark the step as done");
        return tr("Do: %1").arg(RecordDrafts::typeLabel(c.recordType));
    }
    case TriggerRecordIdRole:
        return task.triggerRecordId;
    case WhoActsRole: {
        const QString label = roleLabel(task.role);
        return tr("Acts: %1").arg(label.left(1).toLower() + label.mid(1));
    }
    case HintRole: {
        const workflow::TaskCompletion& c = m_completions.at(index.row());
        if (c.onTablet)
            return QString();
        return hintFor(c.reason, m_triggerTypes.value(index.row()));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> DeadlineModel::roleNames() const
{
    return {
        { RuleIdRole, "ruleId" },
        { WhatRole, "what" },
        { RoleLabelRole, "roleLabel" },
        { DueAtRole, "dueAt" },
        { DueTextRole, "dueText" },
        { TimeLeftRole, "timeLeft" },
        { UrgencyRole, "urgency" },
        { ImmediatelyRole, "immediately" },
        { CaseIdRole, "caseId" },
        { CaseTitleRole, "caseTitle" },
        { SourceRole, "source" },
        { CanDoHereRole, "canDoHere" },
        { ActionTextRole, "actionText" },
        { WhoActsRole, "whoActs" },
        { HintRole, "hint" },
        { TriggerRecordIdRole, "triggerRecordId" },
    };
}

void DeadlineModel::setCaseId(const QString& caseId)
{
    if (m_caseId == caseId)
        return;
    m_caseId = caseId;
    Q_EMIT caseIdChanged();
    reload();
}

void DeadlineModel::reload()
{
    QList<workflow::Task> open;
    QHash<QString, QString> titles;
    auto* session = AppSession::instance();
    records::RecordRepository* repo = session ? session->repository() : nullptr;
    if (repo && session->rules() && session->calendar()) {
        m_now = session->now();
        // Every final record (or the case's): the engine needs bodies, the repository lists summaries.
        auto st = session->database()->prepare(m_caseId.isEmpty()
                ? QStringLiteral("SELECT id FROM records WHERE status = 'final' ORDER BY seq")
                : QStringLiteral("SELECT id FROM records WHERE status = 'final' AND case_id = ?1 ORDER BY seq"));
        QStringList ids;
        if (st) {
            if (!m_caseId.isEmpty())
                st->bind(1, m_caseId);
            while (true) {
                auto has = st->step();
                if (!has || !has.value())
                    break;
                ids << st->text(0);
            }
        }
        QList<workflow::WorkflowRecord> input;
        for (const QString& id : std::as_const(ids)) {
            auto record = repo->getRecord(id);
            if (!record)
                continue;
            QJsonObject body = record->body;
            // The server's journal number lives in the sync state, not in the signed body (as on the office).
            if (record->type == records::RecordType::Notice && session->syncStore()
                && !body.contains(QStringLiteral("journalNumber"))) {
                auto journal = session->syncStore()->journalNumber(record->id);
                if (journal && !journal->isEmpty())
                    body.insert(QStringLiteral("journalNumber"), *journal);
            }
            input << workflow::WorkflowRecord { record->id, records::recordTypeId(record->type), record->caseId, true,
                record->finalizedAt, body, record->amends };
        }
        const QList<workflow::Task> tasks
            = workflow::computeTasks(input, m_now, *session->calendar(), *session->rules());
        for (const workflow::Task& task : tasks) {
            if (task.state == workflow::TaskState::Done)
                continue;
            if (!m_caseId.isEmpty() && task.caseId != m_caseId)
                continue;
            open << task;
            if (!task.caseId.isEmpty() && !titles.contains(task.caseId)) {
                auto c = repo->getCase(task.caseId);
                titles.insert(task.caseId, c ? c->title() : QString());
            }
        }
        // Overdue and immediate steps first, then by due moment (computeTasks order is kept otherwise).
        std::stable_sort(open.begin(), open.end(), [](const workflow::Task& a, const workflow::Task& b) {
            const bool ua = a.state == workflow::TaskState::Overdue || a.immediately;
            const bool ub = b.state == workflow::TaskState::Overdue || b.immediately;
            return ua && !ub;
        });
    }
    QList<workflow::TaskCompletion> completions;
    QStringList triggerTypes;
    for (const workflow::Task& task : std::as_const(open)) {
        completions << session->rules()->completion(task);
        const workflow::Rule* rule = session->rules()->find(task.ruleId);
        triggerTypes << (rule ? rule->trigger.recordType : QString());
    }
    beginResetModel();
    m_tasks = std::move(open);
    m_completions = std::move(completions);
    m_triggerTypes = std::move(triggerTypes);
    m_caseTitles = std::move(titles);
    endResetModel();
    Q_EMIT countChanged();
}

QString DeadlineModel::startStep(int row)
{
    auto* session = AppSession::instance();
    if (!session || row < 0 || row >= m_tasks.size() || !m_completions.at(row).onTablet)
        return {};
    // Copies: the write signals dataChanged, and reload() replaces m_tasks before createStep returns.
    const QString ruleId = m_tasks.at(row).ruleId;
    const QString caseId = m_tasks.at(row).caseId;
    const workflow::TaskCompletion completion = m_completions.at(row);
    auto draft = RecordDrafts::createStep(*session, caseId, completion);
    if (!draft) {
        qCWarning(lcApp) << "starting a step failed:" << draft.error().code;
        return {};
    }
    qCInfo(lcApp) << "step" << ruleId << "started as draft" << draft->id;
    return draft->id;
}

} // namespace poruch::app
