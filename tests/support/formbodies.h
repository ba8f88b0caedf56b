#pragma once

#include <QJsonObject>
#include <QString>

namespace poruch::test {

// A complete body of a built-in form (tests/forms/data/bodies/<formId>.final.json), valid for
// finalization; tests overlay the fields they care about. Empty when the file is missing.
QJsonObject completeFormBody(const QString& formId);

// completeFormBody(formId) with every key of overlay replacing or adding to it.
QJsonObject completeFormBody(const QString& formId, const QJsonObject& overlay);

} // namespace poruch::test
