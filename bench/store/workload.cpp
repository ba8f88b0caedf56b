#include "workload.h"

#include "records/canonicalform.h"
#include "records/casecategories.h"
#include "records/recordrepository.h"
#include "records/recordschema.h"
#include "store/database.h"
#include "store/migration.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QUuid>

#include <algorithm>
#include <cstdio>

namespace poruch::bench {

namespace {
const QStringList kSurnames { QStringLiteral("Шевченко"), QStringLiteral("Коваленко"), QStringLiteral("Бондаренко"),
    QStringLiteral("Ткаченко"), QStringLiteral("Кравченко"), QStringLiteral("Олійник"), QStringLiteral("Шевчук"),
    QStringLiteral("Поліщук"), QStringLiteral("Ковальчук"), QStringLiteral("Мельник"), QStringLiteral("Бойко"),
    QStringLiteral("Ткачук"), QStringLiteral("Савченко"), QStringLiteral("Руденко"), QStringLiteral("Марченко"),
    QStringLiteral("Лисенко"), QStringLiteral("Мороз"), QStringLiteral("Павленко"), QStringLiteral("Гончаренко"),
    QStringLiteral("Ґонта"), QStringLiteral("Їжакевич"), QStringLiteral("Єременко"), QStringLiteral("Іваненко"),
    QStringLiteral("Кушнір"), QStringLiteral("Литвиненко"), QStringLiteral("Дячук"), QStringLiteral("Заїка"),
    QStringLiteral("Федорчук"), QStringLiteral("Мартинюк"), QStringLiteral("Романюк") };
const QStringList kFemaleNames { QStringLiteral("Олена"), QStringLiteral("Марʼяна"), QStringLiteral("Ірина"),
    QStringLiteral("Оксана"), QStringLiteral("Наталія"), QStringLiteral("Юлія"), QStringLiteral("Світлана"),
    QStringLiteral("Галина"), QStringLiteral("Тетяна"), QStringLiteral("Людмила") };
const QStringList kMaleNames { QStringLiteral("Андрій"), QStringLiteral("Олег"), QStringLiteral("Богдан"),
    QStringLiteral("Василь"), QStringLiteral("Іван"), QStringLiteral("Петро"), QStringLiteral("Юрій"),
    QStringLiteral("Тарас"), QStringLiteral("Григорій"), QStringLiteral("Євген") };
const QStringList kPlaces { QStringLiteral("м. Баштанка"), QStringLiteral("с. Новоєгорівка"),
    QStringLiteral("с. Піски"), QStringLiteral("с. Добре"), QStringLiteral("с. Христофорівка"),
    QStringLiteral("с. Плющівка") };
const QStringList kStreets { QStringLiteral("вул. Соборна"), QStringLiteral("вул. Шкільна"),
    QStringLiteral("вул. Героїв України"), QStringLiteral("вул. Миру"), QStringLiteral("пров. Тихий"),
    QStringLiteral("вул. Набережна"), QStringLiteral("вул. Садова") };
const QStringList kWords { QStringLiteral("дитина"), QStringLiteral("мати"), QStringLiteral("батько"),
    QStringLiteral("помешкання"), QStringLiteral("прибрано"), QStringLiteral("харчування"), QStringLiteral("школа"),
    QStringLiteral("відвідування"), QStringLiteral("консультація"), QStringLiteral("потреби"),
    QStringLiteral("соціальний"), QStringLiteral("супровід"), QStringLiteral("опалення"), QStringLiteral("дрова"),
    QStringLiteral("лікар"), QStringLiteral("щеплення"), QStringLiteral("довідка"), QStringLiteral("виплати"),
    QStringLiteral("бабуся"), QStringLiteral("сусіди"), QStringLiteral("розмова"), QStringLiteral("спокійна"),
    QStringLiteral("їжа"), QStringLiteral("одяг"), QStringLiteral("взуття"), QStringLiteral("навчання") };
const QList<records::RecordType> kTypes { records::RecordType::Notice, records::RecordType::HomeVisit,
    records::RecordType::SafetyAssessment, records::RecordType::NeedsAssessment, records::RecordType::HomeVisit };

using Rng = std::mt19937;
int pick(Rng& rng, int n)
{
    return std::uniform_int_distribution<int>(0, n - 1)(rng);
}
const QString& pick(Rng& rng, const QStringList& list)
{
    return list.at(pick(rng, int(list.size())));
}

QString uuid(Rng& rng)
{
    // Deterministic v4-shaped UUID from the generator (QUuid::createUuid would differ per run).
    const uint l = rng();
    const ushort w1 = ushort(rng()), w2 = ushort((rng() & 0x0fff) | 0x4000), w3 = ushort((rng() & 0x3fff) | 0x8000);
    const quint32 tail1 = rng(), tail2 = rng();
    return QUuid(l, w1, w2, uchar(w3 >> 8), uchar(w3), uchar(tail1), uchar(tail1 >> 8), uchar(tail1 >> 16),
        uchar(tail1 >> 24), uchar(tail2), uchar(tail2 >> 8))
        .toString(QUuid::WithoutBraces);
}

QString sentence(Rng& rng, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out.append(pick(rng, kWords));
    QString text = out.join(QLatin1Char(' '));
    text[0] = text[0].toUpper();
    return text + QLatin1Char('.');
}

QJsonObject body(Rng& rng, const QDateTime& at)
{
    QJsonArray indicators;
    for (int i = 0, n = 2 + pick(rng, 4); i < n; ++i)
        indicators.append(QStringLiteral("general.%1").arg(1 + pick(rng, 16), 2, 10, QLatin1Char('0')));
    return QJsonObject {
        { QStringLiteral("visitedAt"), at.toString(Qt::ISODate) },
        { QStringLiteral("present"), QJsonArray { QStringLiteral("mother"), QStringLiteral("child") } },
        { QStringLiteral("indicatorsGeneral"), indicators },
        { QStringLiteral("housing"), sentence(rng, 12) },
        { QStringLiteral("childCondition"), sentence(rng, 14) },
        { QStringLiteral("notes"), sentence(rng, 30) },
        { QStringLiteral("dangerLevel"), QStringLiteral("no_signs_of_danger") },
        { QStringLiteral("roomsCount"), 1 + pick(rng, 4) },
        { QStringLiteral("followUpNeeded"), pick(rng, 2) == 1 },
    };
}

QString phone(Rng& rng)
{
    static const QStringList codes { QStringLiteral("50"), QStringLiteral("67"), QStringLiteral("93"),
        QStringLiteral("97") };
    return QStringLiteral("+380 %1 %2 %3 %4")
        .arg(pick(rng, codes))
        .arg(100 + pick(rng, 900))
        .arg(10 + pick(rng, 90))
        .arg(10 + pick(rng, 90));
}

double seconds(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

void check(const Error& error, const char* what)
{
    std::fprintf(stderr, "bench_store: %s failed: %s %s\n", what, qPrintable(error.code), qPrintable(error.message));
    std::exit(2);
}
template <typename T> T need(Result<T> result, const char* what)
{
    if (!result)
        check(result.error(), what);
    return std::move(result).value();
}
void need(Result<void> result, const char* what)
{
    if (!result)
        check(result.error(), what);
}
} // namespace

Dataset makeDataset(const WorkloadSize& size, quint32 seed)
{
    Rng rng(seed);
    Dataset data;
    const QDateTime base(QDate(2025, 1, 10), QTime(9, 0), Qt::OffsetFromUTC, 2 * 3600);
    for (int c = 0; c < size.cases; ++c) {
        records::Case value;
        value.id = uuid(rng);
        const QString surname = pick(rng, kSurnames);
        records::Member mother { uuid(rng), records::Member::Role::Adult,
            surname + QLatin1Char(' ') + pick(rng, kFemaleNames),
            QDate(1975 + pick(rng, 25), 1 + pick(rng, 12), 1 + pick(rng, 28)), records::Member::Sex::Female,
            QStringLiteral("applicant") };
        value.members.append(mother);
        for (int k = 0, n = 1 + pick(rng, 3); k < n; ++k) {
            const bool girl = pick(rng, 2) == 0;
            value.members.append({ uuid(rng), records::Member::Role::Child,
                surname + QLatin1Char(' ') + pick(rng, girl ? kFemaleNames : kMaleNames),
                QDate(2008 + pick(rng, 17), 1 + pick(rng, 12), 1 + pick(rng, 28)),
                girl ? records::Member::Sex::Female : records::Member::Sex::Male, QStringLiteral("child") });
        }
        value.address
            = QStringLiteral("%1, %2, %3").arg(pick(rng, kPlaces), pick(rng, kStreets)).arg(1 + pick(rng, 120));
        value.phone = phone(rng);
        value.categories = { records::caseCategories().at(pick(rng, 17)).code };
        value.internallyDisplaced = pick(rng, 5) == 0;
        value.assignedWorkers = { QStringLiteral("worker-%1").arg(1 + pick(rng, 50)) };
        data.cases.append(value);

        for (int r = 0; r < size.recordsPerCase; ++r) {
            records::Record record;
            record.id = uuid(rng);
            record.type = kTypes.at(r % kTypes.size());
            record.formId = records::recordTypeId(record.type);
            record.caseId = value.id;
            record.createdAt = base.addSecs(qint64(c) * 3600 + r * 600);
            record.updatedAt = record.createdAt.addSecs(300);
            record.body = body(rng, record.createdAt);
            record.authorUserId = value.assignedWorkers.first();
            record.authorDeviceId = QStringLiteral("tablet-0042");
            if (pick(rng, 5) < 2) { // 40 % final, the rest drafts being worked on
                record.status = records::RecordStatus::Final;
                record.revision = 2 + pick(rng, 5);
                record.finalizedAt = record.updatedAt;
                record.contentHash = records::contentHash(record);
            } else {
                record.revision = 1 + pick(rng, 5);
            }
            data.records.append(record);
        }
        // What a worker types in the search box: a surname prefix, a full name, or phone digits.
        switch (pick(rng, 4)) {
        case 0:
            data.searchQueries.append(surname.left(4 + pick(rng, 3)).toUpper());
            break;
        case 1:
            data.searchQueries.append(mother.fullName);
            break;
        case 2:
            data.searchQueries.append(value.phone.right(8));
            break;
        default:
            data.searchQueries.append(surname.toLower() + QLatin1Char(' ')
                + value.address.section(QLatin1Char(','), 1, 1).trimmed().section(QLatin1Char(' '), 1, 1));
            break;
        }
    }
    return data;
}

Timings runWorkload(const StoreOpener& openStore, const Dataset& data, const WorkloadSize& size, quint32 seed)
{
    Timings timings;
    {
        std::unique_ptr<store::Database> db = openStore();
        need(store::migrate(*db, records::recordMigrations()), "migrate");
        records::RecordRepository repo(*db);
        QElapsedTimer timer;
        timer.start();
        int next = 0;
        for (qsizetype c = 0; c < data.cases.size();) {
            // One transaction per batch: the cases and their records.
            need(db->transaction([&]() -> Result<void> {
                QList<records::Record> batch;
                while (c < data.cases.size() && batch.size() < size.prefillBatch) {
                    if (auto r = repo.saveCase(data.cases.at(c)); !r)
                        return r.error();
                    for (int r = 0; r < size.recordsPerCase; ++r)
                        batch.append(data.records.at(next++));
                    ++c;
                }
                return repo.importRecords(batch);
            }),
                "prefill");
        }
        need(db->checkpoint(), "checkpoint");
        timings.bulkSeconds = seconds(timer);
    }

    // The interactive mix, in a fixed shuffled order, on a freshly opened store.
    enum Op { OpenCase, ReadRecord, Autosave, Search };
    std::vector<Op> ops;
    ops.insert(ops.end(), size.caseOpenings, OpenCase);
    ops.insert(ops.end(), size.recordReads, ReadRecord);
    ops.insert(ops.end(), size.autosaves, Autosave);
    ops.insert(ops.end(), size.searches, Search);
    Rng rng(seed ^ 0x5bd1e995u);
    std::shuffle(ops.begin(), ops.end(), rng);
    QList<records::Record> drafts;
    for (const records::Record& record : data.records) {
        if (!record.isFinal())
            drafts.append(record);
    }

    std::unique_ptr<store::Database> db = openStore();
    need(store::migrate(*db, records::recordMigrations()), "migrate");
    records::RecordRepository repo(*db);
    QElapsedTimer timer;
    timer.start();
    for (const Op op : ops) {
        switch (op) {
        case OpenCase: {
            const records::CaseFile file
                = need(repo.openCase(data.cases.at(pick(rng, int(data.cases.size()))).id), "open case");
            if (file.records.size() != size.recordsPerCase)
                check({ QStringLiteral("bench.wrong"), QStringLiteral("case has the wrong number of records") },
                    "open case");
            break;
        }
        case ReadRecord:
            need(repo.getRecord(data.records.at(pick(rng, int(data.records.size()))).id), "read record");
            break;
        case Autosave: {
            // One field changed, as the form autosaves after an edit.
            records::Record& draft = drafts[pick(rng, int(drafts.size()))];
            draft.body.insert(QStringLiteral("roomsCount"), 1 + pick(rng, 6));
            draft = need(repo.saveDraft(draft), "autosave");
            break;
        }
        case Search:
            timings.searchHits
                += need(repo.searchCases(data.searchQueries.at(pick(rng, int(data.searchQueries.size())))), "search")
                       .size()
                > 0;
            break;
        }
    }
    timings.interactiveSeconds = seconds(timer);
    return timings;
}

} // namespace poruch::bench
