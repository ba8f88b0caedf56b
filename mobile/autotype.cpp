#include "autotype.h"

#include "appsession.h"
#include "formcontroller.h"
#include "recorddrafts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>
#include <QThread>

#include <cstdio>

namespace poruch::app::autotype {

namespace {

struct Step {
    QString key;
    QJsonValue value;
};

// Fictional values only.
QList<Step> script()
{
    QList<Step> steps;
    auto typeText = [&](const QString& key, const QString& text) {
        for (qsizetype i = 1; i <= text.size(); ++i)
            steps << Step { key, text.left(i) };
    };
    typeText(QStringLiteral("subjectName"), QStringLiteral("Тестенко Ярина Олексіївна"));
    steps << Step { QStringLiteral("subjectKind"), QStringLiteral("child") };
    steps << Step { QStringLiteral("concernsChild"), true };
    steps << Step { QStringLiteral("subjectAge"), 9 };
    typeText(QStringLiteral("address"), QStringLiteral("с. Пробне, вул. Польова, 7"));
    steps << Step { QStringLiteral("indicatorsAbuse"), QJsonArray { QStringLiteral("abuse.02") } };
    steps << Step { QStringLiteral("indicatorsAbuse"),
        QJsonArray { QStringLiteral("abuse.02"), QStringLiteral("abuse.05") } };
    steps << Step { QStringLiteral("crisis"), false };
    typeText(QStringLiteral("contentText"), QStringLiteral("Сусіди чули крики вночі; дитина без нагляду."));
    typeText(QStringLiteral("receivedByName"), QStringLiteral("Іваненко Петро"));
    return steps;
}

} // namespace

int stepCount()
{
    return int(script().size());
}

QJsonObject bodyAt(int count)
{
    QJsonObject body;
    const QList<Step> steps = script();
    for (int i = 0; i < count && i < steps.size(); ++i)
        body.insert(steps.at(i).key, steps.at(i).value);
    return body;
}

int run(AppSession& session, const QString& pin)
{
    const bool ready = session.state() == AppSession::State::Setup ? session.createPin(pin, pin) : session.unlock(pin);
    if (!ready) {
        std::fprintf(stderr, "autotype: cannot open the store\n");
        return 1;
    }
    const QString idFile = QDir(session.dataDir()).filePath(QStringLiteral("autotype.record"));
    QString recordId;
    if (QFile file(idFile); file.open(QIODevice::ReadOnly))
        recordId = QString::fromLatin1(file.readAll()).trimmed();
    if (recordId.isEmpty()) {
        auto c = RecordDrafts::createCase(session);
        if (!c)
            return 1;
        auto record = RecordDrafts::create(session, c->id, QStringLiteral("notice"));
        if (!record)
            return 1;
        recordId = record->id;
        QSaveFile out(idFile);
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        out.write(recordId.toLatin1());
        if (!out.commit())
            return 1;
    }
    FormController form;
    form.setRecordId(recordId);
    if (!form.isLoaded())
        return 1;
    std::printf("record %s\n", qPrintable(recordId));
    std::fflush(stdout);
    const QList<Step> steps = script();
    for (int i = 0; i < steps.size(); ++i) {
        if (!form.setValue(steps.at(i).key, steps.at(i).value.toVariant())) {
            std::fprintf(stderr, "autotype: save failed at step %d\n", i + 1);
            return 1;
        }
        std::printf("ack %d\n", i + 1);
        std::fflush(stdout);
        QThread::msleep(3); // a fast typist; leaves the kill room to land between and inside saves
    }
    std::printf("done\n");
    std::fflush(stdout);
    return 0;
}

} // namespace poruch::app::autotype
