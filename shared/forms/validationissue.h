#pragma once

#include <QList>
#include <QString>

namespace poruch::forms {

// One problem with one field of a record body. fieldKey is a path: "receivedAt", "policeConsent.refusalReason",
// "immediateMeasures[1].at". code is stable (see docs/forms.md); message is Ukrainian, for the form UI.
struct ValidationIssue {
    QString fieldKey;
    QString code;
    QString message;

    bool operator==(const ValidationIssue&) const = default;
};

using ValidationIssues = QList<ValidationIssue>;

} // namespace poruch::forms
