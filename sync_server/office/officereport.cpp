// Quarterly monitoring report: the effectiveness indicators of resolution 817 §9 (docs/office.md).
#include "csvwriter.h"
#include "monitoringreport.h"
#include "officesite_p.h"
#include "pdfrenderer.h"
#include "server/serverlogging.h"

#include <QLocale>

namespace poruch::server::office {

namespace {

QString percentText(double value)
{
    if (value < 0)
        return QStringLiteral("—");
    return QLocale(QLocale::Ukrainian).toString(value, 'f', 1) + QStringLiteral(" %");
}

// "сімей: 3 · дітей: 2" (no number agreement needed in Ukrainian).
QString countText(const Count& count)
{
    return QStringLiteral("сімей: %1 · дітей: %2").arg(count.families).arg(count.children);
}

// A chart label on two lines (split at the space nearest the middle), as SVG tspans.
QString twoLines(const QString& label, int x)
{
    int split = -1;
    for (int i = 0; i < label.size(); ++i) {
        if (label.at(i) == QLatin1Char(' ')
            && (split < 0 || qAbs(i - label.size() / 2) < qAbs(split - label.size() / 2)))
            split = i;
    }
    if (split < 0)
        return label.toHtmlEscaped();
    return QStringLiteral("<tspan x=\"%1\">%2</tspan><tspan x=\"%1\" dy=\"13\">%3</tspan>")
        .arg(QString::number(x), label.left(split).toHtmlEscaped(), label.mid(split + 1).toHtmlEscaped());
}

struct Indicator {
    QString label;
    QString current;
    QString previous;
};

QList<Indicator> indicators(const MonitoringFigures& now, const MonitoringFigures& before)
{
    const auto shareText = [](const Count& part, const Count& whole) {
        return QStringLiteral("сімей: %1 · дітей: %2")
            .arg(percentText(percent(part.families, whole.families)),
                percentText(percent(part.children, whole.children)));
    };
    return {
        { QStringLiteral("Кількість сімей та дітей, виявлених з початку реалізації (на кінець кварталу)"),
            countText(now.identified), countText(before.identified) },
        { QStringLiteral("у тому числі виявлених у кварталі"), countText(now.identifiedInQuarter),
            countText(before.identifiedInQuarter) },
        { QStringLiteral("Кількість виявлених сімей та дітей, переміщених із територій бойових дій або окупації "
                         "(ВПО)"),
            countText(now.identifiedDisplaced), countText(before.identifiedDisplaced) },
        { QStringLiteral("Частка сімей та дітей, охоплених соціальними послугами, у загальній кількості виявлених "
                         "(ціль — не менше 85 %)"),
            shareText(now.covered, now.identified), shareText(before.covered, before.identified) },
        { QStringLiteral("Частка ВПО у загальній кількості сімей та дітей, охоплених соціальними послугами"),
            shareText(now.coveredDisplaced, now.covered), shareText(before.coveredDisplaced, before.covered) },
        { QStringLiteral("Частка сімей та дітей, охоплених послугою соціального супроводу, у загальній кількості "
                         "охоплених соціальними послугами"),
            shareText(now.coveredAccompaniment, now.covered), shareText(before.coveredAccompaniment, before.covered) },
        { QStringLiteral("Кількість повторно виявлених сімей та дітей"), countText(now.reidentified),
            countText(before.reidentified) },
        { QStringLiteral("Кількість дітей, повернутих у біологічну сім'ю із закладів інституційного догляду та "
                         "виховання дітей"),
            QString::number(now.returnedToFamily), QString::number(before.returnedToFamily) },
        { QStringLiteral("Кількість дітей, які внаслідок подолання складних життєвих обставин залишилися у сім'ях, "
                         "в яких існував ризик їх відібрання"),
            QString::number(now.stayedInFamily), QString::number(before.stayedInFamily) },
    };
}

// Grouped bars of the shares (0..100 %) for both quarters with the 85 % target line.
QString sharesChart(const MonitoringFigures& now, const MonitoringFigures& before)
{
    struct Bar {
        QString label;
        double current;
        double previous;
    };
    const QList<Bar> bars {
        { QStringLiteral("Охоплено послугами: сім'ї"), now.coveredShareFamilies(), before.coveredShareFamilies() },
        { QStringLiteral("Охоплено послугами: діти"), now.coveredShareChildren(), before.coveredShareChildren() },
        { QStringLiteral("Соціальний супровід серед охоплених"), now.accompanimentShareOfCoveredFamilies(),
            before.accompanimentShareOfCoveredFamilies() },
        { QStringLiteral("ВПО серед охоплених"), now.displacedShareOfCoveredFamilies(),
            before.displacedShareOfCoveredFamilies() },
    };
    const int width = 900, height = 310, left = 50, top = 20, plotHeight = 200, groupWidth = 205;
    const auto y = [&](double value) { return top + plotHeight - plotHeight * qBound(0.0, value, 100.0) / 100.0; };
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%1\" "
                                 "height=\"%2\" viewBox=\"0 0 %1 %2\" role=\"img\" aria-label=\"Частки охоплення "
                                 "послугами\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">")
                      .arg(width)
                      .arg(height);
    for (int tick = 0; tick <= 100; tick += 25) {
        svg += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#dde3e9\"/><text x=\"%4\" "
                              "y=\"%5\" text-anchor=\"end\">%6 %</text>")
                   .arg(left)
                   .arg(width - 10)
                   .arg(y(tick))
                   .arg(left - 6)
                   .arg(y(tick) + 4)
                   .arg(tick);
    }
    for (int i = 0; i < bars.size(); ++i) {
        const int x = left + 15 + i * groupWidth;
        const Bar& bar = bars.at(i);
        const auto column = [&](double value, int offset, const char* colour) {
            const double shown = qMax(0.0, value);
            return QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"50\" height=\"%3\" fill=\"%4\"/><text x=\"%5\" "
                                  "y=\"%6\" text-anchor=\"middle\">%7</text>")
                .arg(x + offset)
                .arg(y(shown))
                .arg(top + plotHeight - y(shown))
                .arg(QLatin1String(colour))
                .arg(x + offset + 25)
                .arg(y(shown) - 4)
                .arg(value < 0 ? QStringLiteral("—") : QString::number(qRound(value)) + QStringLiteral(" %"));
        };
        svg += column(bar.current, 0, "#1f4e79") + column(bar.previous, 56, "#9fb8cf");
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>")
                   .arg(QString::number(x + 53), QString::number(top + plotHeight + 18), twoLines(bar.label, x + 53));
    }
    svg += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#c0392b\" stroke-width=\"2\" "
                          "stroke-dasharray=\"6 4\"/><text x=\"%2\" y=\"%4\" text-anchor=\"end\" fill=\"#c0392b\">"
                          "ціль 85 %</text>")
               .arg(left)
               .arg(width - 10)
               .arg(y(coverageTargetPercent))
               .arg(y(coverageTargetPercent) - 5);
    svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"12\" height=\"12\" fill=\"#1f4e79\"/><text x=\"%3\" "
                          "y=\"%4\">%5</text><rect x=\"%6\" y=\"%2\" width=\"12\" height=\"12\" fill=\"#9fb8cf\"/>"
                          "<text x=\"%7\" y=\"%4\">%8</text>")
               .arg(left)
               .arg(height - 30)
               .arg(left + 18)
               .arg(height - 20)
               .arg(now.quarter.labelUk())
               .arg(left + 220)
               .arg(left + 238)
               .arg(before.quarter.labelUk());
    return svg + QStringLiteral("</svg>");
}

// Bars of the identified / re-identified families of both quarters.
QString countsChart(const MonitoringFigures& now, const MonitoringFigures& before)
{
    struct Bar {
        QString label;
        int current;
        int previous;
    };
    const QList<Bar> bars {
        { QStringLiteral("Виявлено у кварталі (сім'ї)"), now.identifiedInQuarter.families,
            before.identifiedInQuarter.families },
        { QStringLiteral("Виявлено у кварталі (діти)"), now.identifiedInQuarter.children,
            before.identifiedInQuarter.children },
        { QStringLiteral("Повторно виявлено (сім'ї)"), now.reidentified.families, before.reidentified.families },
    };
    int maximum = 1;
    for (const Bar& bar : bars)
        maximum = qMax(maximum, qMax(bar.current, bar.previous));
    const int width = 900, height = 260, left = 50, top = 20, plotHeight = 170, groupWidth = 270;
    const auto y = [&](int value) { return top + plotHeight - plotHeight * value / maximum; };
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%1\" "
                                 "height=\"%2\" viewBox=\"0 0 %1 %2\" role=\"img\" aria-label=\"Кількість виявлених "
                                 "сімей і дітей\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">"
                                 "<line x1=\"%3\" x2=\"%4\" y1=\"%5\" y2=\"%5\" stroke=\"#888\"/>")
                      .arg(width)
                      .arg(height)
                      .arg(left)
                      .arg(width - 10)
                      .arg(top + plotHeight);
    for (int i = 0; i < bars.size(); ++i) {
        const int x = left + 20 + i * groupWidth;
        const Bar& bar = bars.at(i);
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"60\" height=\"%3\" fill=\"#1f4e79\"/><text x=\"%4\" "
                              "y=\"%5\" text-anchor=\"middle\">%6</text>")
                   .arg(x)
                   .arg(y(bar.current))
                   .arg(top + plotHeight - y(bar.current))
                   .arg(x + 30)
                   .arg(y(bar.current) - 4)
                   .arg(bar.current);
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"60\" height=\"%3\" fill=\"#9fb8cf\"/><text x=\"%4\" "
                              "y=\"%5\" text-anchor=\"middle\">%6</text>")
                   .arg(x + 66)
                   .arg(y(bar.previous))
                   .arg(top + plotHeight - y(bar.previous))
                   .arg(x + 96)
                   .arg(y(bar.previous) - 4)
                   .arg(bar.previous);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>")
                   .arg(QString::number(x + 63), QString::number(top + plotHeight + 18), twoLines(bar.label, x + 63));
    }
    return svg + QStringLiteral("</svg>");
}

} // namespace

QHttpServerResponse OfficeSite::report(Context& context, const QString& format)
{
    auto loaded = data(context);
    if (!loaded)
        return dataUnavailable(&context);
    const Quarter current = Quarter::containing(toKyiv(QDateTime::currentDateTimeUtc()).date());
    const Quarter quarter
        = Quarter::parse(context.request.query().queryItemValue(QStringLiteral("quarter"))).value_or(current);
    QList<records::Case> cases = loaded->cases.values();
    QList<records::Record> records;
    for (const OfficeRecord& item : loaded->records)
        records.append(item.record);
    const MonitoringFigures now = computeMonitoring(cases, records, quarter);
    const MonitoringFigures before = computeMonitoring(cases, records, quarter.yearBefore());
    const QList<Indicator> rows = indicators(now, before);
    const QString title = QStringLiteral("Показники ефективності соціальної роботи за %1").arg(quarter.labelUk());
    audit(context, QStringLiteral("web.view"), QString(), QString(),
        QStringLiteral("report %1 %2").arg(quarter.id(), format));

    if (format == QLatin1String("csv")) {
        CsvWriter writer;
        writer.row({ QStringLiteral("Показник"), quarter.labelUk(), quarter.yearBefore().labelUk() });
        for (const Indicator& row : rows)
            writer.row({ row.label, row.current, row.previous });
        QHttpServerResponse response(QByteArrayLiteral("text/csv; charset=utf-8"), writer.bytes());
        secure(response);
        response.setHeader(
            "Content-Disposition", "attachment; filename=\"monitoring-" + quarter.id().toLatin1() + ".csv\"");
        return response;
    }

    QString table = QStringLiteral("<table class=\"report\"><thead><tr><th>Показник (постанова № 817, п. 9)</th>"
                                   "<th><span class=\"nowrap\">%1</span></th><th><span class=\"nowrap\">%2</span> "
                                   "(аналогічний період попереднього року)</th></tr></thead><tbody>")
                        .arg(escape(quarter.labelUk()), escape(quarter.yearBefore().labelUk()));
    for (const Indicator& row : rows)
        table += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(escape(row.label), escape(row.current), escape(row.previous));
    table += QStringLiteral("</tbody></table>");

    if (format == QLatin1String("pdf")) {
        const QString document = QStringLiteral("<html><head><meta charset=\"utf-8\"><style>body { font-family: "
                                                "'DejaVu Sans'; } table { border-collapse: collapse; } th, td { "
                                                "border: 1px solid #888; padding: 4px; }</style></head><body><h1>%1"
                                                "</h1>%2</body></html>")
                                     .arg(escape(title), table);
        const auto pdf = renderPdf(document, title);
        if (!pdf) {
            qCWarning(lcServer) << "office: report pdf failed" << pdf.error().code;
            return errorPage(&context, Status::InternalServerError, QStringLiteral("PDF не створено"),
                QStringLiteral("Не вдалося створити PDF."));
        }
        QHttpServerResponse response(QByteArrayLiteral("application/pdf"), *pdf);
        secure(response);
        response.setHeader(
            "Content-Disposition", "attachment; filename=\"monitoring-" + quarter.id().toLatin1() + ".pdf\"");
        return response;
    }

    QString options;
    Quarter option = current;
    for (int i = 0; i < 12; ++i) {
        options += QStringLiteral("<option value=\"%1\"%2>%3</option>")
                       .arg(option.id(), option.id() == quarter.id() ? QStringLiteral(" selected") : QString(),
                           escape(option.labelUk()));
        option = option.number == 1 ? Quarter { option.year - 1, 4 } : Quarter { option.year, option.number - 1 };
    }
    QString body = QStringLiteral("<h1>Квартальний моніторинг: %1</h1>").arg(escape(title));
    body += QStringLiteral("<form class=\"filters\" method=\"get\" action=\"/office/report\"><label>Квартал<select "
                           "name=\"quarter\" data-autosubmit=\"1\">%1</select></label><button type=\"submit\" "
                           "class=\"secondary\">Показати</button></form>")
                .arg(options);
    body += QStringLiteral("<div class=\"actions\"><a href=\"/office/report.csv?quarter=%1\">Експорт у CSV</a>"
                           "<a href=\"/office/report.pdf?quarter=%1\">Завантажити PDF</a><button type=\"button\" "
                           "class=\"print-button secondary\">Друкувати</button></div>")
                .arg(quarter.id());
    body += table;
    body += QStringLiteral("<h2>Частки охоплення послугами</h2>") + sharesChart(now, before);
    body += QStringLiteral("<h2>Виявлені сім'ї та діти</h2>") + countsChart(now, before);
    return htmlPage(context, QStringLiteral("Моніторинг"), QStringLiteral("report"), body);
}

} // namespace poruch::server::office
