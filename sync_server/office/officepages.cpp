// Office pages that show cases and records: inbox, case, act (screen, print, PDF), journal, deadlines.
#include "actrenderer.h"
#include "csvwriter.h"
#include "monitoringreport.h"
#include "officesite_p.h"
#include "pdfrenderer.h"
#include "server/serverlogging.h"
#include "storage/serverstore.h"

#include <QHttpServerRequest>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace poruch::server::office {

namespace {

QString query(const OfficeSite::Context& context, const QString& key)
{
    return context.request.query().queryItemValue(key, QUrl::FullyDecoded).left(200);
}

QString caseLink(const OfficeData& data, const QString& caseId)
{
    const auto it = data.cases.constFind(caseId);
    const QString title = it == data.cases.constEnd() ? QStringLiteral("справа") : it->title();
    return QStringLiteral("<a href=\"/office/case?id=%1\">%2</a>").arg(escape(urlValue(caseId)), escape(title));
}

QString recordLink(const OfficeRecord& item, const forms::FormRegistry& forms)
{
    QString label = recordTypeLabel(item.stored.type);
    // An action mark says which step or fact it records, worded by its own form version.
    if (item.stored.type == QLatin1String("action")) {
        const forms::FormDefinition* form = forms.definition(item.record.formId, item.record.formVersion);
        const forms::FieldDef* field = form ? form->field(QStringLiteral("action")) : nullptr;
        const QString code = item.record.body.value(QStringLiteral("action")).toString();
        for (const forms::Option& option : field ? field->options : QList<forms::Option>()) {
            if (option.value == code)
                label += QStringLiteral(": ") + option.label;
        }
    }
    return QStringLiteral("<a href=\"/office/record?id=%1\">%2</a>")
        .arg(escape(urlValue(item.stored.id)), escape(label));
}

QString stateBadge(const OfficeRecord& item)
{
    if (!item.mark)
        return QStringLiteral("<span class=\"badge new\">нове</span>");
    return QStringLiteral("<span class=\"badge\">%1</span> <span class=\"muted\">%2</span>")
        .arg(escape(markLabel(item.mark->state)), escape(kyivDateTime(item.mark->at)));
}

QString dueText(const workflow::Task& task)
{
    if (task.immediately)
        return QStringLiteral("негайно (від %1)").arg(kyivDateTime(task.triggerAt));
    return kyivDateTime(task.dueAt);
}

QString taskStateBadge(const workflow::Task& task)
{
    switch (task.state) {
    case workflow::TaskState::Overdue:
        return QStringLiteral("<span class=\"badge overdue\">прострочено</span>");
    case workflow::TaskState::Done:
        return QStringLiteral("<span class=\"badge ok\">виконано</span>");
    case workflow::TaskState::Open:
        break;
    }
    return QStringLiteral("<span class=\"badge\">відкрито</span>");
}

// Journal order: year, then number ("2026/17").
std::pair<int, int> journalKey(const QString& number)
{
    const QStringList parts = number.split(QLatin1Char('/'));
    return { parts.value(0).toInt(), parts.value(1).toInt() };
}

QString safeFileName(const QString& text)
{
    QString name = text;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("-"));
    return name;
}

QString pdfDocument(const QString& title, const QString& body)
{
    // For QTextDocument (not a browser): its own small stylesheet, no external resources.
    return QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title><style>"
                          "body { font-family: 'DejaVu Sans'; } h1 { font-size: 14pt; } h2 { font-size: 11pt; "
                          "margin-top: 12pt; } table { border-collapse: collapse; } th, td { border: 1px solid #888; "
                          "padding: 3px; vertical-align: top; } th { text-align: left; font-weight: normal; "
                          "background: #eeeeee; } .hash, .code { font-family: 'DejaVu Sans Mono'; font-size: 7pt; }"
                          "</style></head><body>%2</body></html>")
        .arg(escape(title), body);
}

} // namespace

QHttpServerResponse OfficeSite::inbox(Context& context)
{
    auto loaded = data(context);
    if (!loaded)
        return dataUnavailable(&context);
    const QString show = query(context, QStringLiteral("show")) == QLatin1String("all") ? QStringLiteral("all")
                                                                                        : QStringLiteral("new");
    QList<const OfficeRecord*> items;
    for (const OfficeRecord& item : loaded->records) {
        if (!item.stored.final)
            continue;
        if (show == QLatin1String("new") && item.mark)
            continue;
        items.append(&item);
    }
    std::stable_sort(items.begin(), items.end(), [](const OfficeRecord* a, const OfficeRecord* b) {
        return a->ingestOrder > b->ingestOrder; // newest first
    });
    QString body = QStringLiteral("<h1>Вхідні акти і повідомлення</h1>"
                                  "<form class=\"filters\" method=\"get\" action=\"/office/inbox\"><label>Показати"
                                  "<select name=\"show\" data-autosubmit=\"1\">");
    body += QStringLiteral("<option value=\"new\"%1>нові (ще не отримані)</option><option value=\"all\"%2>усі"
                           "</option></select></label><button type=\"submit\" class=\"secondary\">Оновити</button>"
                           "</form>")
                .arg(show == QLatin1String("new") ? QStringLiteral(" selected") : QString(),
                    show == QLatin1String("all") ? QStringLiteral(" selected") : QString());
    if (items.isEmpty()) {
        body += QStringLiteral("<p class=\"muted\">Нових актів і повідомлень немає.</p>");
    } else {
        body += QStringLiteral("<table class=\"inbox\"><thead><tr><th>Надійшло</th><th>Документ</th><th>№ у журналі"
                               "</th><th>Сім'я / справа</th><th>Надіслав(ла)</th><th>Стан</th><th class=\"no-print\">"
                               "Відмітити</th></tr></thead><tbody>");
        for (const OfficeRecord* item : items) {
            QString actions;
            for (const auto& [state, label] :
                { std::pair { "received", "Отримано" }, std::pair { "registered", "Зареєстровано" } }) {
                if (item->mark && item->mark->state == QLatin1String(state))
                    continue;
                actions += QStringLiteral("<form class=\"inline\" method=\"post\" action=\"/office/mark\">%1"
                                          "<input type=\"hidden\" name=\"record\" value=\"%2\">"
                                          "<input type=\"hidden\" name=\"state\" value=\"%3\">"
                                          "<button type=\"submit\" class=\"secondary\">%4</button></form> ")
                               .arg(csrfField(context.session.csrfToken), escape(item->stored.id), QLatin1String(state),
                                   QString::fromUtf8(label));
            }
            body += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td>"
                                   "<td class=\"no-print\">%8</td></tr>")
                        .arg(item->mark ? QString() : QStringLiteral(" class=\"new\""),
                            escape(kyivDateTime(item->ingest.lastAt)), recordLink(*item, m_forms),
                            escape(item->stored.journalNumber), caseLink(*loaded, item->stored.caseId),
                            escape(loaded->userName(item->ingest.lastUserId)), stateBadge(*item), actions);
        }
        body += QStringLiteral("</tbody></table>");
    }
    audit(context, QStringLiteral("web.view"), QString(), QString(),
        QStringLiteral("page inbox, %1 records").arg(items.size()));
    return htmlPage(context, QStringLiteral("Вхідні"), QStringLiteral("inbox"), body);
}

QHttpServerResponse OfficeSite::mark(Context& context)
{
    const QString recordId = context.form.queryItemValue(QStringLiteral("record"), QUrl::FullyDecoded);
    const QString state = context.form.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (state != QLatin1String("received") && state != QLatin1String("registered"))
        return errorPage(&context, Status::BadRequest, QStringLiteral("Помилка"), QStringLiteral("Невідомий стан."));
    auto loaded = data(context);
    if (!loaded)
        return dataUnavailable(&context);
    const OfficeRecord* item = loaded->record(recordId);
    if (!item)
        return errorPage(&context, Status::NotFound, QStringLiteral("Не знайдено"),
            QStringLiteral("Такого документа немає серед документів вашого підрозділу."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto done = m_store.transaction([&]() -> Result<void> {
        if (auto marked = m_store.setRecordMark(RecordMark { recordId, state, context.user.id, now }); !marked)
            return marked;
        return m_store.appendAudit(AuditEntry {
            0, now, context.user.id, QString(), QStringLiteral("web.mark"), item->stored.caseId, recordId, state });
    });
    if (!done)
        return dataUnavailable(&context, QStringLiteral("Відмітку не збережено."));
    return redirect(QStringLiteral("/office/inbox"));
}

QHttpServerResponse OfficeSite::casePage(Context& context)
{
    const QString caseId = query(context, QStringLiteral("id"));
    auto loaded = data(context);
    if (!loaded)
        return dataUnavailable(&context);
    const auto found = loaded->cases.constFind(caseId);
    if (found == loaded->cases.constEnd())
        return errorPage(&context, Status::NotFound, QStringLiteral("Не знайдено"),
            QStringLiteral("Такої справи немає серед справ вашого підрозділу."));
    const records::Case& value = *found;
    const QList<const OfficeRecord*> recordsOfCase = loaded->recordsOfCase(caseId);

    QString body = QStringLiteral("<h1>Справа: %1</h1>").arg(escape(value.title()));
    body += QStringLiteral("<table class=\"act-meta\"><tr><th>Адреса</th><td>%1</td></tr><tr><th>Телефон</th><td>%2"
                           "</td></tr><tr><th>Внутрішньо переміщені особи (ВПО)</th><td>%3</td></tr>"
                           "<tr><th>Стан справи</th><td>%4</td></tr></table>")
                .arg(escape(value.address), escape(value.phone),
                    value.internallyDisplaced ? QStringLiteral("так") : QStringLiteral("ні"),
                    value.status == records::Case::Status::Open ? QStringLiteral("відкрита")
                                                                : QStringLiteral("закрита"));

    body += QStringLiteral("<h2>Члени сім'ї</h2><table><thead><tr><th>Прізвище, ім'я, по батькові</th><th>Дитина / "
                           "дорослий</th><th>Дата народження</th><th>Ким доводиться</th></tr></thead><tbody>");
    for (const records::Member& member : value.members) {
        QString relation = member.relation;
        for (const records::MemberRelation& known : records::memberRelations()) {
            if (known.code == member.relation)
                relation = known.label;
        }
        body += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(escape(member.fullName),
                        member.role == records::Member::Role::Child ? QStringLiteral("дитина")
                                                                    : QStringLiteral("дорослий"),
                        member.birthDate.isValid() ? member.birthDate.toString(QStringLiteral("dd.MM.yyyy"))
                                                   : QStringLiteral("—"),
                        escape(relation));
    }
    body += QStringLiteral("</tbody></table>");

    const ChainCheck chain = verifyChain(recordsOfCase);
    body += QStringLiteral("<h2>Цілісність підписаних актів</h2>");
    if (chain.ok)
        body += QStringLiteral("<p><span class=\"badge ok\">ланцюжок хешів цілий</span> перевірено актів: %1</p>")
                    .arg(chain.finals);
    else
        body += QStringLiteral("<p><span class=\"badge bad\">порушено</span> %1 (документ %2)</p>")
                    .arg(escape(chain.problem), escape(chain.firstBadRecordId));

    body += QStringLiteral("<h2>Відкриті строки</h2>");
    QString taskRows;
    for (const workflow::Task& task : tasks(*loaded, caseId)) {
        if (task.state == workflow::TaskState::Done)
            continue;
        taskRows
            += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                   .arg(task.state == workflow::TaskState::Overdue ? QStringLiteral(" class=\"overdue\"") : QString(),
                       escape(dueText(task)), escape(task.whatUk), escape(roleLabel(task.role)), escape(task.source),
                       taskStateBadge(task));
    }
    body += taskRows.isEmpty() ? QStringLiteral("<p class=\"muted\">Відкритих строків немає.</p>")
                               : QStringLiteral("<table><thead><tr><th>Строк</th><th>Що зробити</th><th>Хто діє</th>"
                                                "<th>Підстава</th><th>Стан</th></tr></thead><tbody>%1</tbody></table>")
                                     .arg(taskRows);

    body += QStringLiteral("<h2>Хронологія документів</h2><table><thead><tr><th>Надійшло</th><th>Документ</th>"
                           "<th>Стан</th><th>№ у журналі</th><th>Виправлення</th><th>Надіслав(ла)</th></tr></thead>"
                           "<tbody>");
    for (const OfficeRecord* item : recordsOfCase) {
        QString amendments;
        if (!item->record.amends.isEmpty())
            amendments += QStringLiteral("виправляє <a href=\"/office/record?id=%1\">попередній акт</a>")
                              .arg(escape(urlValue(item->record.amends)));
        for (const OfficeRecord* other : recordsOfCase) {
            if (other->record.amends == item->stored.id)
                amendments += QStringLiteral("виправлено <a href=\"/office/record?id=%1\">актом від %2</a> ")
                                  .arg(escape(urlValue(other->stored.id)), escape(kyivDate(other->ingest.lastAt)));
        }
        body += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                    .arg(escape(kyivDateTime(item->ingest.lastAt)), recordLink(*item, m_forms),
                        item->stored.final ? QStringLiteral("підписаний")
                                           : QStringLiteral("чернетка (ред. %1)").arg(item->stored.revision),
                        escape(item->stored.journalNumber), amendments,
                        escape(loaded->userName(item->ingest.lastUserId)));
    }
    body += QStringLiteral("</tbody></table>");
    audit(context, QStringLiteral("web.view"), caseId, QString(), QStringLiteral("page case"));
    return htmlPage(context, QStringLiteral("Справа"), QString(), body);
}

std::variant<OfficeSite::ActInView, QHttpServerResponse> OfficeSite::actInView(
    Context& context, const QString& recordId)
{
    auto loaded = data(context);
    if (!loaded)
        return dataUnavailable(&context);
    ActInView act { std::move(*loaded) };
    act.item = act.data.record(recordId);
    if (!act.item)
        return errorPage(&context, Status::NotFound, QStringLiteral("Не знайдено"),
            QStringLiteral("Такого документа немає серед документів вашого підрозділу."));
    const auto owner = act.data.cases.constFind(act.item->stored.caseId);
    act.ownerCase = owner == act.data.cases.constEnd() ? nullptr : &*owner;
    act.definition = m_forms.definition(act.item->record.formId, act.item->record.formVersion);
    return act;
}

RecordTitleLookup OfficeSite::ActInView::recordTitles() const
{
    // Only records of the act's own case: what the field means (and what the sync server accepts).
    return [this](const QString& recordId) {
        const OfficeRecord* referred = data.record(recordId);
        return referred && referred->stored.caseId == item->stored.caseId ? recordTitle(*referred) : QString();
    };
}

QHttpServerResponse OfficeSite::recordPage(Context& context, bool printView)
{
    const QString recordId = query(context, QStringLiteral("id"));
    auto found = actInView(context, recordId);
    if (auto* refused = std::get_if<QHttpServerResponse>(&found))
        return std::move(*refused);
    const ActInView& act = std::get<ActInView>(found);
    const OfficeData* loaded = &act.data;
    const OfficeRecord* item = act.item;
    const records::Case* ownerCase = act.ownerCase;
    const forms::FormDefinition* definition = act.definition;
    QString body;
    const QString id = escape(urlValue(recordId));
    if (printView) {
        body += QStringLiteral("<div class=\"actions no-print\"><button type=\"button\" class=\"print-button\">"
                               "Друкувати</button><a href=\"/office/record?id=%1\">Назад до акта</a></div>")
                    .arg(id);
    } else {
        body += QStringLiteral("<div class=\"actions\"><a href=\"/office/record/print?id=%1\">Версія для друку</a>"
                               "<a href=\"/office/record/pdf?id=%1\">Завантажити PDF</a>"
                               "<a href=\"/office/case?id=%2\">До справи</a></div>")
                    .arg(id, escape(urlValue(item->stored.caseId)));
        body += QStringLiteral("<p class=\"muted\">Надіслав(ла): %1, %2. Стан у відділі: %3</p>")
                    .arg(escape(loaded->userName(item->ingest.lastUserId)), escape(kyivDateTime(item->ingest.lastAt)),
                        stateBadge(*item));
    }
    body += renderActHtml(definition, item->record, ownerCase, item->stored.journalNumber, act.recordTitles());
    audit(context, QStringLiteral("web.view"), item->stored.caseId, recordId,
        printView ? QStringLiteral("page record print") : QStringLiteral("page record"));
    const QString title = recordTypeLabel(item->stored.type);
    if (!printView)
        return htmlPage(context, title, QString(), body);
    PageFrame frame;
    frame.title = title;
    frame.printView = true;
    return html(page(frame, body), Status::Ok);
}

QHttpServerResponse OfficeSite::recordPdf(Context& context)
{
    const QString recordId = query(context, QStringLiteral("id"));
    auto found = actInView(context, recordId);
    if (auto* refused = std::get_if<QHttpServerResponse>(&found))
        return std::move(*refused);
    const ActInView& act = std::get<ActInView>(found);
    const OfficeRecord* item = act.item;
    const records::Case* ownerCase = act.ownerCase;
    const forms::FormDefinition* definition = act.definition;
    const QString journal = item->stored.journalNumber;
    const QString title = journal.isEmpty()
        ? recordTypeLabel(item->stored.type)
        : QStringLiteral("%1 № %2").arg(recordTypeLabel(item->stored.type), journal);
    const auto pdf = renderPdf(
        pdfDocument(title, renderActHtml(definition, item->record, ownerCase, journal, act.recordTitles())), title);
    if (!pdf) {
        qCWarning(lcServer) << "office: pdf failed" << pdf.error().code << recordId;
        return errorPage(&context, Status::InternalServerError, QStringLiteral("PDF не створено"),
            QStringLiteral("Не вдалося створити PDF. Скористайтеся версією для друку."));
    }
    audit(context, QStringLiteral("web.view"), item->stored.caseId, recordId, QStringLiteral("pdf record"));
    QHttpServerResponse response(QByteArrayLiteral("application/pdf"), *pdf);
    secure(response);
    const QString name = safeFileName(journal.isEmpty() ? recordId : QStringLiteral("akt-%1").arg(journal));
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name.toLatin1() + ".pdf\"");
    return response;
}

QHttpServerResponse OfficeSite::journal(Context& context, bool csv)
{
    auto loaded = data(context);
    if (!loaded)
        return dataUnavailable(&context);
    const QDate from = QDate::fromString(query(context, QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(query(context, QStringLiteral("to")), Qt::ISODate);
    QString status = query(context, QStringLiteral("status"));
    if (status != QLatin1String("new") && status != QLatin1String("received") && status != QLatin1String("registered"))
        status = QStringLiteral("all");

    struct Row {
        const OfficeRecord* item;
        QDateTime received;
    };
    QList<Row> rows;
    // A corrected notice keeps its number: the journal shows the registration (the original) once.
    QSet<QString> registered;
    for (const OfficeRecord& item : loaded->records)
        if (item.stored.type == QLatin1String("notice") && item.record.amends.isEmpty())
            registered.insert(item.stored.journalNumber);
    for (const OfficeRecord& item : loaded->records) {
        if (item.stored.type != QLatin1String("notice") || item.stored.journalNumber.isEmpty())
            continue;
        if (!item.record.amends.isEmpty() && registered.contains(item.stored.journalNumber))
            continue;
        QDateTime received
            = QDateTime::fromString(item.record.body.value(QStringLiteral("receivedAt")).toString(), Qt::ISODateWithMs);
        if (!received.isValid())
            received = item.ingest.firstAt;
        const QDate day = toKyiv(received).date();
        if ((from.isValid() && day < from) || (to.isValid() && day > to))
            continue;
        const QString state = item.mark ? item.mark->state : QStringLiteral("new");
        if (status != QLatin1String("all") && state != status)
            continue;
        rows.append(Row { &item, received });
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return journalKey(a.item->stored.journalNumber) < journalKey(b.item->stored.journalNumber);
    });
    audit(context, QStringLiteral("web.view"), QString(), QString(),
        QStringLiteral("%1 journal, %2 notices")
            .arg(csv ? QStringLiteral("csv") : QStringLiteral("page"))
            .arg(rows.size()));

    const auto subject = [&](const OfficeRecord* item) {
        const auto it = loaded->cases.constFind(item->stored.caseId);
        return it == loaded->cases.constEnd() ? QString() : it->title();
    };
    if (csv) {
        CsvWriter writer;
        writer.row({ QStringLiteral("№ у журналі"), QStringLiteral("Дата і час отримання"), QStringLiteral("Сім'я"),
            QStringLiteral("Адреса"), QStringLiteral("Надіслав(ла)"), QStringLiteral("Стан"),
            QStringLiteral("Ідентифікатор документа") });
        for (const Row& row : rows) {
            const auto it = loaded->cases.constFind(row.item->stored.caseId);
            writer.row({ row.item->stored.journalNumber, kyivDateTime(row.received), subject(row.item),
                it == loaded->cases.constEnd() ? QString() : it->address,
                loaded->userName(row.item->ingest.firstUserId),
                row.item->mark ? markLabel(row.item->mark->state) : markLabel(QString()), row.item->stored.id });
        }
        QHttpServerResponse response(QByteArrayLiteral("text/csv; charset=utf-8"), writer.bytes());
        secure(response);
        response.setHeader("Content-Disposition", "attachment; filename=\"zhurnal-povidomlen.csv\"");
        return response;
    }

    const auto selected
        = [&](const char* value) { return status == QLatin1String(value) ? QStringLiteral(" selected") : QString(); };
    QString body = QStringLiteral("<h1>Журнал обліку звернень і повідомлень стосовно дітей, які перебувають у "
                                  "складних життєвих обставинах</h1>");
    body += QStringLiteral("<form class=\"filters\" method=\"get\" action=\"/office/journal\">"
                           "<label>З дати<input type=\"date\" name=\"from\" value=\"%1\"></label>"
                           "<label>По дату<input type=\"date\" name=\"to\" value=\"%2\"></label>"
                           "<label>Стан<select name=\"status\"><option value=\"all\"%3>усі</option>"
                           "<option value=\"new\"%4>нові</option><option value=\"received\"%5>отримано</option>"
                           "<option value=\"registered\"%6>зареєстровано</option></select></label>"
                           "<button type=\"submit\">Застосувати</button></form>")
                .arg(from.isValid() ? from.toString(Qt::ISODate) : QString(),
                    to.isValid() ? to.toString(Qt::ISODate) : QString(), selected("all"), selected("new"),
                    selected("received"), selected("registered"));
    QUrlQuery csvQuery;
    if (from.isValid())
        csvQuery.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    if (to.isValid())
        csvQuery.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    csvQuery.addQueryItem(QStringLiteral("status"), status);
    body += QStringLiteral("<div class=\"actions\"><a href=\"/office/journal.csv?%1\">Експорт у CSV</a>"
                           "<button type=\"button\" class=\"print-button secondary\">Друкувати</button></div>")
                .arg(escape(csvQuery.toString(QUrl::FullyEncoded)));
    if (rows.isEmpty()) {
        body += QStringLiteral("<p class=\"muted\">За цими умовами записів немає.</p>");
    } else {
        body += QStringLiteral("<table><thead><tr><th>№</th><th>Дата і час отримання</th><th>Сім'я / дитина</th>"
                               "<th>Надіслав(ла)</th><th>Стан</th></tr></thead><tbody>");
        for (const Row& row : rows) {
            body += QStringLiteral("<tr><td><a href=\"/office/record?id=%1\">%2</a></td><td>%3</td><td>%4</td>"
                                   "<td>%5</td><td>%6</td></tr>")
                        .arg(escape(urlValue(row.item->stored.id)), escape(row.item->stored.journalNumber),
                            escape(kyivDateTime(row.received)), caseLink(*loaded, row.item->stored.caseId),
                            escape(loaded->userName(row.item->ingest.firstUserId)), stateBadge(*row.item));
        }
        body += QStringLiteral("</tbody></table>");
    }
    return htmlPage(context, QStringLiteral("Журнал обліку"), QStringLiteral("journal"), body);
}

QHttpServerResponse OfficeSite::deadlines(Context& context)
{
    auto loaded = data(context);
    if (!loaded)
        return dataUnavailable(&context);
    QList<workflow::Task> open;
    for (const workflow::Task& task : tasks(*loaded)) {
        if (task.state != workflow::TaskState::Done)
            open.append(task);
    }
    int overdue = 0;
    QString rows;
    for (const workflow::Task& task : open) {
        const bool late = task.state == workflow::TaskState::Overdue;
        overdue += late ? 1 : 0;
        rows += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>")
                    .arg(late ? QStringLiteral(" class=\"overdue\"") : QString(), escape(dueText(task)),
                        escape(task.whatUk), escape(roleLabel(task.role)),
                        task.caseId.isEmpty() ? escape(Quarter::parse(task.quarter).value_or(Quarter {}).labelUk())
                                              : caseLink(*loaded, task.caseId),
                        escape(task.source), taskStateBadge(task));
    }
    QString body = QStringLiteral("<h1>Строки: усі відкриті строки підрозділу</h1><p>Відкритих: %1, з них "
                                  "прострочено: <span class=\"badge overdue\">%2</span></p>")
                       .arg(open.size())
                       .arg(overdue);
    body += rows.isEmpty() ? QStringLiteral("<p class=\"muted\">Відкритих строків немає.</p>")
                           : QStringLiteral("<table><thead><tr><th>Строк</th><th>Що зробити</th><th>Хто діє</th>"
                                            "<th>Справа</th><th>Підстава</th><th>Стан</th></tr></thead><tbody>%1"
                                            "</tbody></table>")
                                 .arg(rows);
    audit(context, QStringLiteral("web.view"), QString(), QString(),
        QStringLiteral("page deadlines, %1 tasks").arg(open.size()));
    return htmlPage(context, QStringLiteral("Строки"), QStringLiteral("deadlines"), body);
}

} // namespace poruch::server::office
