#pragma once

#include "records/case.h"
#include "records/record.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace poruch::server::office {

// A calendar quarter in Europe/Kyiv, e.g. 2026-Q1 = [2026-01-01 00:00, 2026-04-01 00:00) Kyiv time.
struct Quarter {
    int year = 0;
    int number = 0; // 1..4
    static std::optional<Quarter> parse(const QString& text); // "2026-Q1"
    static Quarter containing(const QDate& kyivDate);
    QString id() const; // "2026-Q1"
    QString labelUk() const; // "I квартал 2026 р."
    QDateTime start() const;
    QDateTime end() const; // exclusive
    Quarter yearBefore() const { return Quarter { year - 1, number }; }
};

// Families (cases) and children (child members of those cases) counted by one indicator.
struct Count {
    int families = 0;
    int children = 0;
};

// The effectiveness indicators of resolution 817 §9 for one quarter (docs/office.md explains each).
struct MonitoringFigures {
    Quarter quarter;
    Count identified; // since the start, as at the end of the quarter
    Count identifiedInQuarter;
    Count identifiedDisplaced; // of identified: internally displaced
    Count covered; // of identified: a decision to provide services dated before the quarter's end
    Count coveredDisplaced;
    Count coveredAccompaniment; // of covered: social accompaniment among the decided services
    Count reidentified; // a further notice in the quarter for a case identified earlier
    // Distinct children named (childMembers) by final actions dated in the quarter (action form version 2).
    int returnedToFamily = 0; // child_returned_to_family
    int stayedInFamily = 0; // child_stayed_in_family

    // Shares in percent (0..100); -1 when the denominator is zero.
    double coveredShareFamilies() const;
    double coveredShareChildren() const;
    double displacedShareOfCoveredFamilies() const;
    double accompanimentShareOfCoveredFamilies() const;
};

inline constexpr double coverageTargetPercent = 85.0;

// part / whole in percent; -1 when whole is zero (shown as "—").
double percent(int part, int whole);

// Pure: the figures of `quarter` from cases and records (only final records count).
MonitoringFigures computeMonitoring(
    const QList<records::Case>& cases, const QList<records::Record>& records, const Quarter& quarter);

// The moment a notice identified its case: receivedAt, else identifiedAt, else finalizedAt.
QDateTime noticeMoment(const records::Record& notice);

} // namespace poruch::server::office
