// FormValidator, table-driven over every rule kind of docs/forms.md, with the Ukrainian messages the UI shows.
#include "forms/formregistry.h"
#include "forms/formvalidator.h"
#include "formstestsupport.h"

#include <QTest>

using namespace poruch::forms;
using namespace formstest;

namespace {
QString png(int extraBytes)
{
    return QString::fromLatin1((QByteArrayLiteral("\x89PNG\r\n\x1a\n") + QByteArray(extraBytes, 'x')).toBase64());
}
} // namespace

class TestFormValidator : public QObject {
    Q_OBJECT

private:
    FormRegistry m_registry;
    const FormDefinition* m_form = nullptr;
    QJsonObject m_base;

    static ValidationContext context()
    {
        ValidationContext ctx;
        ctx.now = QDateTime::fromString(QStringLiteral("2026-03-27T12:00:00+02:00"), Qt::ISODate);
        ctx.memberIds = QStringList { QStringLiteral("m-1"), QStringLiteral("m-2") };
        return ctx;
    }

    static QStringList keys(const ValidationIssues& issues)
    {
        QStringList out;
        for (const ValidationIssue& i : issues)
            out << i.fieldKey + QLatin1Char('|') + i.code;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_registry.loadJson(readData(QStringLiteral("test_catalog.json"))).ok());
        QVERIFY(m_registry.loadJson(readData(QStringLiteral("test_form.json"))).ok());
        m_form = m_registry.definition(QStringLiteral("test_form"), 1);
        QVERIFY(m_form);
        // The smallest final body: every unconditionally required field.
        m_base = QJsonObject { { "name", "Олена" }, { "startedAt", "2026-03-27T10:00:00+02:00" }, { "level", "a" },
            { "team", QJsonArray { QJsonObject { { "name", "Голова" }, { "role", "chair" } } } } };
        QCOMPARE(keys(FormValidator(context()).validate(*m_form, m_base, FormValidator::Mode::Final)), QStringList());
    }

    // patch: JSON object merged over the base body (null removes a key).
    // expected: "fieldKey|code" of every issue, in order. message: the first issue's message, when given.
    void rules_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<bool>("final");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, const char* patch, bool final, QStringList expected, const char* message = "") {
            QTest::newRow(name) << QByteArray(patch) << final << expected << QString::fromUtf8(message);
        };
        // required
        row("required: text missing", R"({"name": null})", true, { "name|required" }, "Заповніть поле «Ім'я».");
        row("required: blank text", R"({"name": "   "})", true, { "name|required" });
        row("required: empty participants", R"({"team": []})", true, { "team|required" }, "Заповніть поле «Комісія».");
        row("required: choice missing", R"({"level": null})", true, { "level|required" });
        row("required: column in a row", R"({"measures": [{"at": "2026-03-27T11:00:00+02:00"}]})", true,
            { "measures[0].what|required" }, "Заповніть поле «Заходи, запис 1: Захід».");
        row("required: consent decision", R"({"consent": {"by": "Мати"}})", true, { "consent.decision|required" },
            "Заповніть поле «Згода: Рішення».");
        // requiredIf
        row("requiredIf equals bool", R"({"flag": true})", true, { "reason|required_if" },
            "Заповніть поле «Причина»: за зазначених відповідей воно обов'язкове.");
        row("requiredIf not met", R"({"flag": false})", true, {});
        row("requiredIf in", R"({"level": "b"})", true, { "levelComment|required_if" });
        row("requiredIf in, satisfied", R"({"level": "c", "levelComment": "так", "measures": [{"what": "x",
            "at": "2026-03-27T11:00:00+02:00"}]})",
            true, {});
        row("requiredIf notEmpty", R"({"signs": ["t.01"]})", true, { "signsDetails|required_if" });
        row("requiredIf consent refused", R"({"consent": {"decision": "refused"}})", true,
            { "consent.refusalReason|required_if" },
            "Заповніть поле «Згода: Причина відмови»: за зазначених відповідей воно обов'язкове.");
        row("requiredIf consent given", R"({"consent": {"decision": "given"}})", true, {});
        row("requiredIf sibling in row", R"({"measures": [{"what": "x", "at": "2026-03-27T11:00:00+02:00",
            "done": true}]})",
            true, { "measures[0].result|required_if" });
        row("requiredIf table on level c", R"({"level": "c", "levelComment": "так"})", true,
            { "measures|required_if" });
        // type
        row("type: number as string", R"({"age": "7"})", false, { "age|type" },
            "Поле «Вік» має неправильний тип значення: очікується число.");
        row("type: yesno as string", R"({"flag": "так"})", false, { "flag|type" },
            "Поле «Ознака» має неправильний тип значення: очікується так/ні.");
        row("type: multi as string", R"({"signs": "t.01"})", false, { "signs|type" });
        row("type: text as number", R"({"name": 5})", false, { "name|type" });
        row("type: consent as string", R"({"consent": "given"})", false, { "consent|type" });
        row("type: row not an object", R"({"team": ["Голова"]})", false, { "team[0]|type" });
        // date and date-time formats
        row("format: date with time", R"({"birthDate": "2020-01-01T00:00:00+02:00"})", false,
            { "birthDate|format_date" }, "Поле «Дата народження»: дату потрібно вказати у форматі РРРР-ММ-ДД.");
        row("format: impossible date", R"({"birthDate": "2021-02-30"})", false, { "birthDate|format_date" });
        row("format: dotted date", R"({"startDate": "27.03.2026"})", false, { "startDate|format_date" });
        row("format: date-time without offset", R"({"startedAt": "2026-03-27T10:00:00"})", false,
            { "startedAt|format_datetime" },
            "Поле «Розпочато»: дату й час потрібно вказати у форматі ISO 8601 з часовим поясом (наприклад, "
            "2026-03-27T17:30:00+02:00).");
        row("format: date-time as date", R"({"completedAt": "2026-03-27"})", false, { "completedAt|format_datetime" });
        row("format: hour 25", R"({"completedAt": "2026-03-27T25:00:00+02:00"})", false,
            { "completedAt|format_datetime" });
        row("format: Z offset ok", R"({"completedAt": "2026-03-27T09:00:00Z"})", false, {});
        // number ranges
        row("min", R"({"age": -1})", false, { "age|min" }, "Поле «Вік»: значення не може бути меншим за 0.");
        row("max", R"({"age": 18})", false, { "age|max" }, "Поле «Вік»: значення не може бути більшим за 17.");
        row("min negative bound", R"({"score": -5.5})", false, { "score|min" });
        row("max fractional", R"({"score": 5.01})", false, { "score|max" });
        row("bounds inclusive", R"({"age": 17, "score": -5})", false, {});
        row("integer", R"({"age": 7.5})", false, { "age|integer" }, "Поле «Вік»: потрібне ціле число.");
        row("integer and max", R"({"age": 20.5})", false, { "age|integer", "age|max" });
        row("fraction allowed", R"({"score": 2.5})", false, {});
        // string length and pattern
        row("maxLength text", R"({"name": "Олександрина"})", false, { "name|max_length" },
            "Поле «Ім'я»: не більше 10 символів.");
        row("maxLength multiline", R"({"note": "123456789012345678901"})", false, { "note|max_length" });
        row("maxLength in a row", R"({"measures": [{"what": "01234567890123456789012345678901234567890123456789X",
            "at": "2026-03-27T11:00:00+02:00"}]})",
            false, { "measures[0].what|max_length" });
        row("maxLength exact fits", R"({"name": "Олександра"})", false, {});
        row("pattern", R"({"code": "ab"})", false, { "code|pattern" }, "Поле «Код» має неправильний формат.");
        row("pattern too long", R"({"code": "ABC"})", false, { "code|pattern" });
        row("pattern ok", R"({"code": "AB"})", false, {});
        // options
        row("option unknown", R"({"level": "d"})", false, { "level|option" },
            "Поле «Рівень»: значення не входить до переліку допустимих.");
        row("option label instead of value", R"({"level": "А"})", false, { "level|option" });
        row("option participant role", R"({"team": [{"name": "Х", "role": "boss"}]})", false,
            { "team[0].role|option" });
        row("option consent decision", R"({"consent": {"decision": "yes"}})", false, { "consent.decision|option" });
        // catalog codes
        row("catalog: unknown code", R"({"signs": ["t.09"]})", false, { "signs|catalog_code" },
            "Поле «Ознаки»: коду «t.09» немає в довіднику «Тестовий довідник» (версія 1).");
        row("catalog: code of another catalog", R"({"signs": ["abuse.03"]})", false, { "signs|catalog_code" });
        row("catalog: wrong section", R"({"sectionSigns": ["t.01"]})", false, { "sectionSigns|catalog_code" });
        row("catalog: child code ok", R"({"signs": ["t.02.1", "t.03"], "sectionSigns": ["t.03"]})", false, {});
        row("catalog: duplicate", R"({"signs": ["t.01", "t.01"]})", false, { "signs|duplicate" },
            "Поле «Ознаки»: коди не повинні повторюватися.");
        // unknown keys
        row("unknown top-level key", R"({"nmae": "Олена"})", false, { "nmae|unknown_field" },
            "Невідоме поле «nmae»: його немає у цій версії форми.");
        row("unknown consent key", R"({"consent": {"decision": "given", "witness": "Х"}})", false,
            { "consent.witness|unknown_field" });
        row("unknown row key", R"({"team": [{"name": "Х", "email": "x"}]})", false, { "team[0].email|unknown_field" });
        row("unknown keys sorted", R"({"zz": 1, "aa": 2})", true, { "aa|unknown_field", "zz|unknown_field" });
        // date order against another field
        row("notBefore", R"({"startDate": "2026-03-10", "endDate": "2026-03-09"})", true, { "endDate|not_before" },
            "Поле «Кінець» не може бути раніше, ніж «Початок».");
        row("notBefore same day ok", R"({"startDate": "2026-03-10", "endDate": "2026-03-10"})", true, {});
        row("notBefore date-times across offsets", R"({"completedAt": "2026-03-27T07:59:00Z"})", true,
            { "completedAt|not_before" });
        row("notBefore in a row vs top field", R"({"measures": [{"what": "x", "at": "2026-03-27T09:00:00+02:00"}]})",
            true, { "measures[0].at|not_before" },
            "Поле «Заходи, запис 1: Коли» не може бути раніше, ніж «Розпочато».");
        row("notBefore other missing", R"({"endDate": "2026-03-09"})", true, {});
        // date order against now
        row("notAfter now: datetime", R"({"startedAt": "2026-03-27T12:30:00+02:00"})", true,
            { "startedAt|not_after_now" }, "Поле «Розпочато» не може бути в майбутньому.");
        row("notAfter now: tolerance", R"({"startedAt": "2026-03-27T12:04:00+02:00"})", true, {});
        row("notAfter now: date tomorrow", R"({"birthDate": "2026-03-28"})", true, { "birthDate|not_after_now" });
        row("notAfter now: date today", R"({"birthDate": "2026-03-27"})", true, {});
        row("notAfter now: consent part", R"({"consent": {"decision": "given", "at": "2026-04-01T10:00:00+03:00"}})",
            true, { "consent.at|not_after_now" });
        // rows
        row("min_rows", R"({"level": "c", "levelComment": "x", "measures": []})", true, { "measures|required_if" });
        row("max_rows", R"({"team": [{"name": "1"}, {"name": "2"}, {"name": "3"}, {"name": "4"}]})", false,
            { "team|max_rows" }, "Поле «Комісія»: максимальна кількість записів — 3.");
        row("max_rows table", R"({"measures": [{"what": "1"}, {"what": "2"}, {"what": "3"}]})", false,
            { "measures|max_rows" });
        row("row name required", R"({"team": [{"position": "член"}]})", true, { "team[0].name|required" });
        // members
        row("member unknown", R"({"person": "m-9"})", false, { "person|member" },
            "Поле «Особа»: особу не знайдено серед членів сім'ї у справі.");
        row("member list unknown", R"({"people": ["m-1", "m-3"]})", false, { "people|member" });
        row("member list duplicate", R"({"people": ["m-1", "m-1"]})", false, { "people|duplicate" });
        row("member ok", R"({"person": "m-2", "people": ["m-1", "m-2"]})", false, {});
        // signature image
        row("signature not base64", R"({"signature": {"png": "###"}})", false, { "signature.png|image" },
            "Поле «Підпис: Зображення підпису»: потрібне зображення PNG у кодуванні base64.");
        row("signature not png", R"({"signature": {"png": "R0lGODlhAQABAAAAACw="}})", false, { "signature.png|image" });
        row("signature missing image", R"({"signature": {"signer": "Х"}})", true, { "signature.png|required" });
        // Draft: what is present is checked, nothing is required and dates are not ordered.
        row("draft: missing required ok", R"({"name": null, "level": null, "team": null, "startedAt": null})", false,
            {});
        row("draft: requiredIf not enforced", R"({"flag": true, "consent": {"decision": "refused"}})", false, {});
        row("draft: date order not enforced", R"({"startDate": "2026-03-10", "endDate": "2026-03-09"})", false, {});
        row("draft: types still checked", R"({"name": null, "age": "x"})", false, { "age|type" });
    }
    void rules()
    {
        QFETCH(QByteArray, patch);
        QFETCH(bool, final);
        QFETCH(QStringList, expected);
        QFETCH(QString, message);
        QJsonObject body = m_base;
        const QJsonObject p = QJsonDocument::fromJson(patch).object();
        QVERIFY2(!p.isEmpty(), "patch is not valid JSON");
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (it.value().isNull())
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        const auto issues = FormValidator(context()).validate(
            *m_form, body, final ? FormValidator::Mode::Final : FormValidator::Mode::Draft);
        QCOMPARE(keys(issues), expected);
        if (!message.isEmpty())
            QCOMPARE(issues.first().message, message);
        for (const ValidationIssue& i : issues)
            QVERIFY(!i.message.isEmpty());
    }

    void signatureImage()
    {
        QJsonObject body = m_base;
        body[QLatin1String("signature")]
            = QJsonObject { { "png", png(50) }, { "signer", "Х" }, { "signedAt", "2026-03-27T11:00:00+02:00" } };
        QCOMPARE(keys(FormValidator(context()).validate(*m_form, body, FormValidator::Mode::Final)), QStringList());
        body[QLatin1String("signature")] = QJsonObject { { "png", png(200) } };
        const auto issues = FormValidator(context()).validate(*m_form, body, FormValidator::Mode::Draft);
        QCOMPARE(keys(issues), QStringList { QStringLiteral("signature.png|image_size") });
        QCOMPARE(issues.first().message,
            QStringLiteral("Поле «Підпис: Зображення підпису»: зображення завелике (понад 0 КБ)."));
    }

    void membersUncheckedWithoutCase()
    {
        QJsonObject body = m_base;
        body[QLatin1String("person")] = QStringLiteral("anyone");
        ValidationContext ctx = context();
        ctx.memberIds.reset();
        QVERIFY(FormValidator(ctx).validate(*m_form, body, FormValidator::Mode::Final).isEmpty());
    }

    // "refersTo": "record" (action version 3's relatesTo): with the case's record ids known, the id must be
    // one of them; without them (the server), only the text rules apply.
    void recordReferenceMustBeOfTheCase()
    {
        FormRegistry builtIn;
        QVERIFY(builtIn.loadBuiltIn().ok());
        const FormDefinition* action = builtIn.definition(QStringLiteral("action"), 3);
        QVERIFY(action);
        QCOMPARE(action->field(QStringLiteral("relatesTo"))->refersTo, QStringLiteral("record"));
        const QString ofCase = QStringLiteral("0b9c2c1e-6f5a-4a43-9d35-1f7f3b1f2a10");
        const QString other = QStringLiteral("7d3e1b22-1c4b-4f0e-8a55-2b6c7a9e0c31");
        const QStringList ids { ofCase };
        const QJsonObject good { { "relatesTo", ofCase } };
        QCOMPARE(
            keys(FormValidator(context()).withCaseRecords(ids).validate(*action, good, FormValidator::Mode::Draft)),
            QStringList());
        const QJsonObject bad { { "relatesTo", other } };
        const auto issues
            = FormValidator(context()).withCaseRecords(ids).validate(*action, bad, FormValidator::Mode::Draft);
        QCOMPARE(keys(issues), QStringList { QStringLiteral("relatesTo|record") });
        QCOMPARE(issues.first().message,
            QStringLiteral("Поле «Запис справи, що зумовив дію»: запис не знайдено серед записів цієї справи."));
        QCOMPARE(keys(FormValidator(context()).validate(*action, bad, FormValidator::Mode::Draft)), QStringList());
        // Version 2 has no reference attribute: the same body passes even with the ids known.
        QCOMPARE(keys(FormValidator(context()).withCaseRecords(ids).validate(
                     *builtIn.definition(QStringLiteral("action"), 2), bad, FormValidator::Mode::Draft)),
            QStringList());
    }

    void recordReferenceOnlyOnTextFields_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<bool>("ok");
        QTest::newRow("text") << QByteArray(R"({"key": "r", "type": "text", "label": "R", "refersTo": "record"})")
                              << true;
        QTest::newRow("number") << QByteArray(R"({"key": "r", "type": "number", "label": "R", "refersTo": "record"})")
                                << false;
        QTest::newRow("other target") << QByteArray(R"({"key": "r", "type": "text", "label": "R", "refersTo": "case"})")
                                      << false;
    }
    void recordReferenceOnlyOnTextFields()
    {
        QFETCH(QByteArray, field);
        QFETCH(bool, ok);
        const QByteArray form = R"({"kind": "form", "id": "ref_form", "version": 1, "title": "T", "sections": [
            {"key": "main", "title": "M", "fields": [)"
            + field + "]}]}";
        FormRegistry registry;
        const auto loaded = registry.loadJson(form);
        QCOMPARE(loaded.ok(), ok);
        if (!ok)
            QCOMPARE(loaded.error().code, QStringLiteral("forms.invalid_definition"));
    }

    // The notice's policeConsent rule as written in the shipped definition.
    void noticePoliceConsent()
    {
        FormRegistry builtIn;
        QVERIFY(builtIn.loadBuiltIn().ok());
        QJsonObject body = readObject(QStringLiteral("bodies/notice.final.json"));
        const FormValidator v(context());
        auto run = [&] {
            return keys(v.validate(builtIn, QStringLiteral("notice"), 1, body, FormValidator::Mode::Final).value());
        };
        body[QLatin1String("receivedAt")] = QStringLiteral("2026-03-27T09:15:00+02:00");
        QCOMPARE(run(), QStringList());
        body[QLatin1String("policeConsent")]
            = QJsonObject { { "decision", "refused" }, { "by", "Мати" }, { "at", "2026-03-27T09:30:00+02:00" } };
        QCOMPARE(run(), QStringList { QStringLiteral("policeConsent.refusalReason|required_if") });
        body[QLatin1String("policeConsent")] = QJsonObject { { "decision", "given" } };
        QCOMPARE(run(),
            (QStringList {
                QStringLiteral("policeConsent.by|required_if"), QStringLiteral("policeConsent.at|required_if") }));
        body.remove(QLatin1String("policeConsent"));
        QCOMPARE(run(), QStringList { QStringLiteral("policeConsent|required_if") }); // crisis == true
        body[QLatin1String("crisis")] = false;
        QCOMPARE(run(), QStringList());
        body[QLatin1String("indicatorsAbuse")] = QJsonArray { QStringLiteral("abuse.21") };
        QCOMPARE(run(), QStringList { QStringLiteral("indicatorsAbuse|catalog_code") });
    }
};

QTEST_GUILESS_MAIN(TestFormValidator)
#include "tst_formvalidator.moc"
