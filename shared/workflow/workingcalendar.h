#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace poruch::workflow {

// Working days in one time zone (Europe/Kyiv by default): weekends, public holidays (fixed, movable from
// Orthodox Easter, or explicit dates), peacetime transfer of a holiday falling on a weekend (Labour Code
// art. 67) and martial-law periods under which holidays are ordinary working days and nothing moves
// (Law 2136-IX art. 6). All of it is read from JSON (see docs/workflow.md), never hard-coded.
class WorkingCalendar {
public:
    struct Holiday {
        QString id;
        QString nameUk;
        QString nameEn;
        int month = 0; // fixed: month and day
        int day = 0;
        bool movableFromEaster = false; // movable: Orthodox Easter + offsetDays
        int offsetDays = 0;
        QDate date; // explicit one-off date
        QDate from; // optional validity window (inclusive), null = open
        QDate until;
    };
    struct Period {
        QDate from;
        QDate until; // null = still in force
    };

    // The calendar shipped in the resource :/poruch/workflow/calendar.json.
    static Result<WorkingCalendar> builtIn();
    static Result<WorkingCalendar> fromFile(const QString& path);
    static Result<WorkingCalendar> fromJson(const QByteArray& json);

    // Gregorian date of Orthodox Easter Sunday (Julian Paschalion) in the given year.
    static QDate orthodoxEaster(int year);

    QTimeZone timeZone() const { return m_zone; }
    QString version() const { return m_version; }
    const QList<Period>& martialLaw() const { return m_martialLaw; }

    bool isWeekend(QDate date) const;
    bool isMartialLaw(QDate date) const;
    // A date that is a public holiday by the list (whether or not it is a day off under martial law).
    bool isPublicHoliday(QDate date) const;
    // A weekday off because a holiday of the same or previous year fell on a weekend in peacetime.
    bool isTransferredDayOff(QDate date) const;
    bool isWorkingDay(QDate date) const;

    // The first working day strictly after date.
    QDate nextWorkingDay(QDate date) const;
    // The n-th working day strictly after date (n >= 1); n == 0 gives date itself if it is a working day,
    // else the next working day.
    QDate addWorkingDays(QDate date, int n) const;

    // Calendar date of an instant in the calendar's time zone.
    QDate localDate(const QDateTime& moment) const;
    QDateTime startOfDay(QDate date) const;
    // The last second of a day in the calendar's zone (23:59:59 unless the file sets "dayEnd").
    QDateTime endOfDay(QDate date) const;
    QDateTime endOfWorkingDay(QDate date) const { return endOfDay(date); }

    // All holiday dates of a year per the list (before transfers), sorted.
    QList<QDate> holidaysOf(int year) const;
    // Weekdays off by transfer whose original holiday is in this year, sorted.
    QList<QDate> transfersOf(int year) const;

private:
    QTimeZone m_zone;
    QString m_version;
    QList<int> m_weekend; // ISO day numbers, 1 = Monday
    QTime m_dayEnd { 23, 59, 59 };
    bool m_transferWeekendHolidays = true;
    QList<Holiday> m_holidays;
    QList<Period> m_martialLaw;
};

} // namespace poruch::workflow
