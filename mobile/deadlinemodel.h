#pragma once

#include "workflow/ruleset.h"
#include "workflow/task.h"

#include <QAbstractListModel>
#include <QHash>
#include <QtQml/qqmlregistration.h>

class QTimer;

namespace poruch::app {

// Open statutory deadlines (shared/workflow computeTasks over the final records on the tablet), the
// most urgent first: what must happen, who acts, when it is due and how much time is left. With caseId
// set, only that case's tasks. Recomputed when the data changes and every minute (time left moves).
class DeadlineModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countChanged)
public:
    enum Role {
        RuleIdRole = Qt::UserRole + 1,
        WhatRole,
        RoleLabelRole,
        DueAtRole,
        DueTextRole,
        TimeLeftRole,
        UrgencyRole, // "overdue", "today", "later"
        ImmediatelyRole,
        CaseIdRole,
        CaseTitleRole,
        SourceRole,
        CanDoHereRole, // a record made on this tablet closes the step (RuleSet::completion)
        ActionTextRole, // the label of the button that starts that record ("Do: …"), "" when none
        WhoActsRole, // "Acts: children's service": who does the step, on every row
        HintRole, // what the worker can do when the row has no button (never "" then), else ""
        TriggerRecordIdRole, // the original record that started the step (amendments of it count as it)
    };
    Q_ENUM(Role)

    explicit DeadlineModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString caseId() const { return m_caseId; }
    void setCaseId(const QString& caseId);
    int count() const { return int(m_tasks.size()); }
    int overdueCount() const;

    Q_INVOKABLE void reload();
    // Starts the record that closes the step of `row`: a draft of the completion's form with its values
    // prefilled (e.g. the action code and relatesTo = the trigger record), written through the sync store.
    // Returns the draft's id, "" when the step is not done here or the write failed.
    Q_INVOKABLE QString startStep(int row);

    // "2 d 3 h", "5 h 10 min", "12 min" (translated units).
    static QString formatDuration(qint64 seconds);
    static QString roleLabel(const QString& role);
    // For a row without a button: what the worker can do about a step the tablet cannot record, by
    // RuleSet::completion's reason ("server", "amend", "office", "prompt"); triggerType names the record to amend.
    static QString hintFor(const QString& reason, const QString& triggerType);

Q_SIGNALS:
    void caseIdChanged();
    void countChanged();

private:
    QList<workflow::Task> m_tasks;
    QList<workflow::TaskCompletion> m_completions; // parallel to m_tasks
    QStringList m_triggerTypes; // parallel to m_tasks: the record type of the rule's trigger
    QHash<QString, QString> m_caseTitles;
    QString m_caseId;
    QDateTime m_now;
    QTimer* m_tick = nullptr;
};

} // namespace poruch::app
