#include "monitoringreport.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace poruch::server::office {

namespace {

const QTimeZone& kyiv()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/Kyiv"));
    return zone;
}

// Date-times with an offset as written; offset-less or date-only values are Kyiv time.
QDateTime readMoment(const QJsonValue& value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), kyiv()) : QDateTime();
    }
    QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (moment.isValid() && moment.timeSpec() == Qt::LocalTime)
        moment = QDateTime(moment.date(), moment.time(), kyiv());
    return moment;
}

int childrenOf(const records::Case& value)
{
    int children = 0;
    for (const records::Member& member : value.members)
        children += member.role == records::Member::Role::Child ? 1 : 0;
    return children;
}

void add(Count& count, const records::Case& value)
{
    count.families += 1;
    count.children += childrenOf(value);
}

} // namespace

double percent(int part, int whole)
{
    return whole > 0 ? 100.0 * part / whole : -1.0;
}

std::optional<Quarter> Quarter::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return Quarter { match.captured(1).toInt(), match.captured(2).toInt() };
}

Quarter Quarter::containing(const QDate& kyivDate)
{
    return Quarter { kyivDate.year(), (kyivDate.month() - 1) / 3 + 1 };
}

QString Quarter::id() const
{
    return QStringLiteral("%1-Q%2").arg(year).arg(number);
}

QString Quarter::labelUk() const
{
    static const char* roman[] = { "I", "II", "III", "IV" };
    return QStringLiteral("%1 квартал %2 р.").arg(QLatin1String(roman[qBound(1, number, 4) - 1])).arg(year);
}

QDateTime Quarter::start() const
{
    return QDateTime(QDate(year, (number - 1) * 3 + 1, 1), QTime(0, 0), kyiv());
}

QDateTime Quarter::end() const
{
    return number == 4 ? QDateTime(QDate(year + 1, 1, 1), QTime(0, 0), kyiv())
                       : QDateTime(QDate(year, number * 3 + 1, 1), QTime(0, 0), kyiv());
}

double MonitoringFigures::coveredShareFamilies() const
{
    return percent(covered.families, identified.families);
}

double MonitoringFigures::coveredShareChildren() const
{
    return percent(covered.children, identified.children);
}

double MonitoringFigures::displacedShareOfCoveredFamilies() const
{
    return percent(coveredDisplaced.families, covered.families);
}

double MonitoringFigures::accompanimentShareOfCoveredFamilies() const
{
    return percent(coveredAccompaniment.families, covered.families);
}

QDateTime noticeMoment(const records::Record& notice)
{
    for (const char* key : { "receivedAt", "identifiedAt" }) {
        const QDateTime moment = readMoment(notice.body.value(QLatin1String(key)));
        if (moment.isValid())
            return moment;
    }
    return notice.finalizedAt;
}

MonitoringFigures computeMonitoring(
    const QList<records::Case>& cases, const QList<records::Record>& records, const Quarter& quarter)
{
    MonitoringFigures figures;
    figures.quarter = quarter;
    const QDateTime start = quarter.start();
    const QDateTime end = quarter.end();

    QHash<QString, QList<QDateTime>> noticesOfCase;
    QSet<QString> coveredCases;
    QSet<QString> accompaniedCases;
    QSet<QString> returnedChildren; // "caseId/memberId"
    QSet<QString> stayedChildren;
    for (const records::Record& record : records) {
        if (!record.isFinal())
            continue;
        if (record.type == records::RecordType::Notice) {
            const QDateTime moment = noticeMoment(record);
            if (moment.isValid())
                noticesOfCase[record.caseId].append(moment);
        } else if (record.type == records::RecordType::ServicesDecision) {
            if (!record.body.value(QStringLiteral("provideServices")).toBool(false))
                continue;
            const QDateTime decided = readMoment(record.body.value(QStringLiteral("decisionDate")));
            if (!decided.isValid() || decided >= end)
                continue;
            coveredCases.insert(record.caseId);
            const QJsonArray services = record.body.value(QStringLiteral("services")).toArray();
            if (services.contains(QJsonValue(QStringLiteral("social_accompaniment"))))
                accompaniedCases.insert(record.caseId);
        } else if (record.type == records::RecordType::Action) {
            const QDateTime at = readMoment(record.body.value(QStringLiteral("at")));
            if (!at.isValid() || at < start || at >= end)
                continue;
            const QString action = record.body.value(QStringLiteral("action")).toString();
            QSet<QString>* children = action == QLatin1String("child_returned_to_family") ? &returnedChildren
                : action == QLatin1String("child_stayed_in_family")                       ? &stayedChildren
                                                                                          : nullptr;
            if (!children)
                continue;
            // A child counts once per indicator and quarter, however many records mention them.
            const QJsonArray members = record.body.value(QStringLiteral("childMembers")).toArray();
            for (const QJsonValue& member : members)
                children->insert(record.caseId + QLatin1Char('/') + member.toString());
            if (members.isEmpty())
                children->insert(record.id); // no child named (not possible in a final v2 record): one child
        }
    }

    figures.returnedToFamily = int(returnedChildren.size());
    figures.stayedInFamily = int(stayedChildren.size());

    for (const records::Case& value : cases) {
        QList<QDateTime> notices = noticesOfCase.value(value.id);
        if (notices.isEmpty())
            continue;
        std::sort(notices.begin(), notices.end());
        const QDateTime first = notices.first();
        if (first >= end)
            continue;
        add(figures.identified, value);
        if (first >= start)
            add(figures.identifiedInQuarter, value);
        if (value.internallyDisplaced)
            add(figures.identifiedDisplaced, value);
        // Re-identified: a later notice in this quarter about a case first identified before it.
        const bool again = std::any_of(notices.cbegin() + 1, notices.cend(),
            [&](const QDateTime& moment) { return moment >= start && moment < end && moment > first; });
        if (again)
            add(figures.reidentified, value);
        if (!coveredCases.contains(value.id))
            continue;
        add(figures.covered, value);
        if (value.internallyDisplaced)
            add(figures.coveredDisplaced, value);
        if (accompaniedCases.contains(value.id))
            add(figures.coveredAccompaniment, value);
    }
    return figures;
}

} // namespace poruch::server::office
