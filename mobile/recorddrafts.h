#pragma once

#include "core/result.h"
#include "records/case.h"
#include "records/record.h"
#include "workflow/ruleset.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace poruch::app {

class AppSession;

// Starting records and cases from the UI: the latest form version of the type, the author from the
// session, and the moment the act is about prefilled with "now" (one tap less on the tablet).
class RecordDrafts {
    Q_DECLARE_TR_FUNCTIONS(RecordDrafts)
public:
    static Result<records::Record> create(
        AppSession& session, const QString& caseId, const QString& typeId, QJsonObject initial = {});
    // The record that closes a statutory step (workflow::RuleSet::completion): its overlay prefilled and
    // the moment it was done set to now.
    static Result<records::Record> createStep(
        AppSession& session, const QString& caseId, const workflow::TaskCompletion& completion);
    static Result<records::Case> createCase(AppSession& session);
    // Short label of a record type in the UI language.
    static QString typeLabel(const QString& typeId);
};

} // namespace poruch::app
