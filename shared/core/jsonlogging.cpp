#include "jsonlogging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace poruch {

namespace {

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "unknown";
}

void jsonMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QByteArray line = formatJsonLogLine(type, context.category, message).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace

QString formatJsonLogLine(QtMsgType type, const char* category, const QString& message)
{
    const QJsonObject object {
        { QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
        { QStringLiteral("level"), QString::fromLatin1(levelName(type)) },
        { QStringLiteral("category"), QString::fromLatin1(category ? category : "default") },
        { QStringLiteral("msg"), message },
    };
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void installJsonLogging()
{
    qInstallMessageHandler(jsonMessageHandler);
}

} // namespace poruch
