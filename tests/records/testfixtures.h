#pragma once

// Fixed, realistic values shared by the records tests (invented people; no real personal data).

#include "records/case.h"
#include "records/record.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QTest>

namespace fixtures {

inline QDateTime kyiv(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::OffsetFromUTC, 2 * 3600);
}

inline poruch::records::Case sampleCase()
{
    using poruch::records::Case;
    using poruch::records::Member;
    Case value;
    value.id = QStringLiteral("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f");
    Member mother;
    mother.id = QStringLiteral("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a");
    mother.role = Member::Role::Adult;
    mother.fullName = QStringLiteral("Шевченко Олена Іванівна");
    mother.birthDate = QDate(1988, 4, 12);
    mother.sex = Member::Sex::Female;
    mother.relation = QStringLiteral("applicant");
    Member child;
    child.id = QStringLiteral("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    child.role = Member::Role::Child;
    child.fullName = QStringLiteral("Шевченко Марʼяна Олегівна");
    child.birthDate = QDate(2015, 9, 1);
    child.sex = Member::Sex::Female;
    child.relation = QStringLiteral("child");
    Member grandfather;
    grandfather.id = QStringLiteral("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
    grandfather.fullName = QStringLiteral("Ґонта Петро");
    grandfather.sex = Member::Sex::Male;
    grandfather.relation = QStringLiteral("grandparent");
    value.members = { mother, child, grandfather };
    value.address = QStringLiteral("Миколаївська обл., м. Баштанка, вул. Соборна, буд. 12, кв. 3");
    value.phone = QStringLiteral("+380 50 123 45 67");
    value.categories = { QStringLiteral("low_income"), QStringLiteral("labour_migrant_parents") };
    value.internallyDisplaced = true;
    value.status = Case::Status::Open;
    value.complexity = Case::Complexity::Medium;
    value.assignedWorkers = { QStringLiteral("worker-17") };
    value.createdAt = kyiv(2026, 3, 2, 9, 15);
    value.updatedAt = kyiv(2026, 3, 27, 17, 30);
    return value;
}

inline QJsonObject sampleBody()
{
    return QJsonObject {
        { QStringLiteral("visitedAt"), QStringLiteral("2026-03-27T17:30:00+02:00") },
        { QStringLiteral("present"), QJsonArray { QStringLiteral("mother"), QStringLiteral("child") } },
        { QStringLiteral("notes"),
            QStringLiteral("Дитина вдома, у кімнаті прибрано. Мати каже: \"все добре\".\nДругий рядок") },
        { QStringLiteral("roomsCount"), 2 },
        { QStringLiteral("incomePerPerson"), 2456.5 },
        { QStringLiteral("followUp"),
            QJsonObject { { QStringLiteral("needed"), true }, { QStringLiteral("note"), QJsonValue() } } },
    };
}

inline poruch::records::Record sampleDraft()
{
    using namespace poruch::records;
    Record record;
    record.id = QStringLiteral("3c7e9a1b-2d4f-4e6a-8b0c-d1e2f3a4b5c6");
    record.type = RecordType::HomeVisit;
    record.formId = QStringLiteral("home_visit");
    record.formVersion = 1;
    record.caseId = sampleCase().id;
    record.body = sampleBody();
    record.status = RecordStatus::Draft;
    record.revision = 3;
    record.authorUserId = QStringLiteral("worker-17");
    record.authorDeviceId = QStringLiteral("tablet-0042");
    record.createdAt = kyiv(2026, 3, 27, 17, 5);
    record.updatedAt = kyiv(2026, 3, 27, 17, 41, 7);
    return record;
}

inline poruch::records::Record sampleFinal()
{
    using namespace poruch::records;
    Record record = sampleDraft();
    record.status = RecordStatus::Final;
    record.revision = 4;
    record.finalizedAt = kyiv(2026, 3, 27, 17, 45);
    record.updatedAt = record.finalizedAt;
    record.amends = QStringLiteral("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    return record;
}

// Compares bytes with a golden file under PORUCH_TEST_DATA_DIR; on mismatch writes <file>.fail.
inline bool matchesGolden(const QString& name, const QByteArray& actual)
{
    const QString path = QStringLiteral(PORUCH_TEST_DATA_DIR "/") + name;
    QFile file(path);
    const QByteArray expected = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (!expected.isEmpty() && expected == actual) {
        QFile::remove(path + QStringLiteral(".fail"));
        return true;
    }
    QFile fail(path + QStringLiteral(".fail"));
    if (fail.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail.write(actual);
    qWarning("golden mismatch: compare with `diff %s %s.fail` and copy the .fail over if the change is intended",
        qPrintable(path), qPrintable(path));
    return false;
}

} // namespace fixtures
