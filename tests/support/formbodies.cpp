#include "formbodies.h"

#include <QFile>
#include <QJsonDocument>

namespace poruch::test {

QJsonObject completeFormBody(const QString& formId)
{
    QFile file(QStringLiteral(PORUCH_SOURCE_DIR "/tests/forms/data/bodies/%1.final.json").arg(formId));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject completeFormBody(const QString& formId, const QJsonObject& overlay)
{
    QJsonObject body = completeFormBody(formId);
    for (auto it = overlay.begin(); it != overlay.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

} // namespace poruch::test
