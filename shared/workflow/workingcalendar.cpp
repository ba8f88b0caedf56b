#include "workflow/workingcalendar.h"

#include "workflow/workflowlogging.h"

#include <QCalendar>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace poruch::workflow {

namespace {

Error invalid(const QString& message)
{
    return Error { QStringLiteral("workflow.calendar_invalid"), message };
}

// "YYYY-MM-DD" only; anything else is a null date.
QDate parseDate(const QJsonValue& v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

bool inPeriod(QDate d, QDate from, QDate until)
{
    return (!from.isValid() || d >= from) && (!until.isValid() || d <= until);
}

} // namespace

QDate WorkingCalendar::orthodoxEaster(int year)
{
    // Meeus' Julian algorithm gives the date in the Julian calendar; QCalendar converts it to Gregorian.
    const int a = year % 4;
    const int b = year % 7;
    const int c = year % 19;
    const int d = (19 * c + 15) % 30;
    const int e = (2 * a + 4 * b - d + 34) % 7;
    const int month = (d + e + 114) / 31;
    const int day = ((d + e + 114) % 31) + 1;
    return QDate(year, month, day, QCalendar(QCalendar::System::Julian));
}

Result<WorkingCalendar> WorkingCalendar::builtIn()
{
    return fromFile(QStringLiteral(":/poruch/workflow/calendar.json"));
}

Result<WorkingCalendar> WorkingCalendar::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("workflow.io"), QStringLiteral("Cannot read the calendar file") };
    return fromJson(file.readAll());
}

Result<WorkingCalendar> WorkingCalendar::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error { QStringLiteral("workflow.calendar_parse"),
            QStringLiteral("Calendar is not a JSON object: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset) };
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("schema")).toString() != QLatin1String("poruch.calendar/1"))
        return invalid(QStringLiteral("Calendar schema must be \"poruch.calendar/1\""));

    WorkingCalendar cal;
    cal.m_version = root.value(QStringLiteral("version")).toString();

    const QString zoneId = root.value(QStringLiteral("timeZone")).toString(QStringLiteral("Europe/Kyiv"));
    cal.m_zone = QTimeZone(zoneId.toUtf8());
    // Older tz databases only know the former spelling of the Ukrainian capital.
    if (!cal.m_zone.isValid() && zoneId == QLatin1String("Europe/Kyiv"))
        cal.m_zone = QTimeZone("Europe/Kiev");
    if (!cal.m_zone.isValid())
        return invalid(QStringLiteral("Unknown time zone \"%1\"").arg(zoneId));

    const QJsonArray weekend
        = root.value(QStringLiteral("weekend")).toArray(QJsonArray { 6, 7 }); // Saturday and Sunday by default
    for (const QJsonValue& v : weekend) {
        const int day = v.toInt(0);
        if (day < 1 || day > 7)
            return invalid(QStringLiteral("Weekend days must be ISO day numbers 1..7"));
        if (!cal.m_weekend.contains(day))
            cal.m_weekend.append(day);
    }
    if (cal.m_weekend.size() == 7)
        return invalid(QStringLiteral("A week needs at least one working day"));

    if (root.contains(QStringLiteral("dayEnd"))) {
        cal.m_dayEnd = QTime::fromString(root.value(QStringLiteral("dayEnd")).toString(), QStringLiteral("HH:mm:ss"));
        if (!cal.m_dayEnd.isValid())
            return invalid(QStringLiteral("dayEnd must be HH:mm:ss"));
    }
    cal.m_transferWeekendHolidays = root.value(QStringLiteral("transferWeekendHolidays")).toBool(true);

    static const QRegularExpression monthDay(QStringLiteral("^(\\d\\d)-(\\d\\d)$"));
    const QJsonArray holidays = root.value(QStringLiteral("holidays")).toArray();
    for (const QJsonValue& v : holidays) {
        const QJsonObject o = v.toObject();
        Holiday h;
        h.id = o.value(QStringLiteral("id")).toString();
        if (h.id.isEmpty())
            return invalid(QStringLiteral("Every holiday needs an id"));
        const QJsonObject name = o.value(QStringLiteral("name")).toObject();
        h.nameUk = name.value(QStringLiteral("uk")).toString();
        h.nameEn = name.value(QStringLiteral("en")).toString();
        int kinds = 0;
        if (o.contains(QStringLiteral("fixed"))) {
            ++kinds;
            const auto m = monthDay.match(o.value(QStringLiteral("fixed")).toString());
            h.month = m.hasMatch() ? m.captured(1).toInt() : 0;
            h.day = m.hasMatch() ? m.captured(2).toInt() : 0;
            if (!QDate(2000, h.month, h.day).isValid()) // 2000 is a leap year, so 02-29 is accepted
                return invalid(QStringLiteral("Holiday \"%1\": fixed must be \"MM-DD\"").arg(h.id));
        }
        if (o.contains(QStringLiteral("movable"))) {
            ++kinds;
            if (o.value(QStringLiteral("movable")).toString() != QLatin1String("orthodox_easter"))
                return invalid(
                    QStringLiteral("Holiday \"%1\": the only movable rule is \"orthodox_easter\"").arg(h.id));
            h.movableFromEaster = true;
            h.offsetDays = o.value(QStringLiteral("offsetDays")).toInt(0);
        }
        if (o.contains(QStringLiteral("date"))) {
            ++kinds;
            h.date = parseDate(o.value(QStringLiteral("date")));
            if (!h.date.isValid())
                return invalid(QStringLiteral("Holiday \"%1\": date must be YYYY-MM-DD").arg(h.id));
        }
        if (kinds != 1)
            return invalid(QStringLiteral("Holiday \"%1\" needs exactly one of fixed, movable, date").arg(h.id));
        for (const auto& [key, target] :
            { std::pair { QStringLiteral("from"), &h.from }, std::pair { QStringLiteral("until"), &h.until } }) {
            const QJsonValue bound = o.value(key);
            if (bound.isUndefined() || bound.isNull())
                continue;
            *target = parseDate(bound);
            if (!target->isValid())
                return invalid(QStringLiteral("Holiday \"%1\": %2 must be YYYY-MM-DD").arg(h.id, key));
        }
        cal.m_holidays.append(h);
    }

    // "martialLaw" is one period object or an array of them; until: null means still in force.
    QJsonValue martial = root.value(QStringLiteral("martialLaw"));
    QJsonArray periods;
    if (martial.isObject())
        periods.append(martial);
    else if (martial.isArray())
        periods = martial.toArray();
    else if (!martial.isUndefined() && !martial.isNull())
        return invalid(QStringLiteral("martialLaw must be a period object or an array of periods"));
    for (const QJsonValue& v : std::as_const(periods)) {
        const QJsonObject o = v.toObject();
        Period p;
        p.from = parseDate(o.value(QStringLiteral("from")));
        const QJsonValue until = o.value(QStringLiteral("until"));
        if (!until.isNull() && !until.isUndefined())
            p.until = parseDate(until);
        if (!p.from.isValid() || (!until.isNull() && !until.isUndefined() && !p.until.isValid()))
            return invalid(QStringLiteral("A martial-law period needs from: YYYY-MM-DD and until: YYYY-MM-DD or null"));
        if (p.until.isValid() && p.until < p.from)
            return invalid(QStringLiteral("A martial-law period ends before it starts"));
        cal.m_martialLaw.append(p);
    }

    qCDebug(lcWorkflow) << "calendar loaded, holidays:" << cal.m_holidays.size()
                        << "martial-law periods:" << cal.m_martialLaw.size();
    return cal;
}

bool WorkingCalendar::isWeekend(QDate date) const
{
    return m_weekend.contains(date.dayOfWeek());
}

bool WorkingCalendar::isMartialLaw(QDate date) const
{
    return std::any_of(m_martialLaw.cbegin(), m_martialLaw.cend(),
        [date](const Period& p) { return inPeriod(date, p.from, p.until); });
}

QList<QDate> WorkingCalendar::holidaysOf(int year) const
{
    QList<QDate> out;
    const QDate easter = orthodoxEaster(year);
    for (const Holiday& h : m_holidays) {
        QDate d;
        if (h.date.isValid())
            d = h.date.year() == year ? h.date : QDate();
        else if (h.movableFromEaster)
            d = easter.addDays(h.offsetDays);
        else
            d = QDate(year, h.month, h.day);
        if (d.isValid() && d.year() == year && inPeriod(d, h.from, h.until) && !out.contains(d))
            out.append(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool WorkingCalendar::isPublicHoliday(QDate date) const
{
    return holidaysOf(date.year()).contains(date);
}

QList<QDate> WorkingCalendar::transfersOf(int year) const
{
    QList<QDate> out;
    if (!m_transferWeekendHolidays)
        return out;
    const QList<QDate> holidays = holidaysOf(year);
    const QList<QDate> nextYear = holidaysOf(year + 1);
    for (const QDate& h : holidays) {
        // Art. 67 applies only in peacetime; under martial law the holiday is simply not a day off.
        if (!isWeekend(h) || isMartialLaw(h))
            continue;
        QDate d = h.addDays(1);
        while (isWeekend(d) || holidays.contains(d) || nextYear.contains(d) || out.contains(d))
            d = d.addDays(1);
        out.append(d);
    }
    return out;
}

bool WorkingCalendar::isTransferredDayOff(QDate date) const
{
    // A late-December holiday can move into January of the next year.
    return transfersOf(date.year()).contains(date) || transfersOf(date.year() - 1).contains(date);
}

bool WorkingCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid() || isWeekend(date))
        return false;
    if (isMartialLaw(date))
        return true; // holidays are working days and nothing is transferred
    return !isPublicHoliday(date) && !isTransferredDayOff(date);
}

QDate WorkingCalendar::nextWorkingDay(QDate date) const
{
    QDate d = date.addDays(1);
    while (!isWorkingDay(d))
        d = d.addDays(1);
    return d;
}

QDate WorkingCalendar::addWorkingDays(QDate date, int n) const
{
    if (n <= 0)
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    QDate d = date;
    for (int i = 0; i < n; ++i)
        d = nextWorkingDay(d);
    return d;
}

QDate WorkingCalendar::localDate(const QDateTime& moment) const
{
    return moment.toTimeZone(m_zone).date();
}

QDateTime WorkingCalendar::startOfDay(QDate date) const
{
    return date.startOfDay(m_zone);
}

QDateTime WorkingCalendar::endOfDay(QDate date) const
{
    return QDateTime(date, m_dayEnd, m_zone);
}

} // namespace poruch::workflow
