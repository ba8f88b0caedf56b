// Loading of form definitions and catalogs: built-ins, versions side by side, synced folders and broken definitions.
#include "forms/formregistry.h"
#include "forms/formvalidator.h"
#include "formstestsupport.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace poruch::forms;
using namespace formstest;

class TestFormRegistry : public QObject {
    Q_OBJECT

private:
    FormRegistry m_registry;

    static QStringList allFormIds()
    {
        return { "notice", "home_visit", "safety_assessment", "needs_assessment", "crisis_intervention",
            "services_decision", "services_contract", "individual_plan", "mdt_meeting", "refusal_questionnaire",
            "action" };
    }

    static QHash<QString, QList<int>> shippedVersions() { return { { "action", { 1, 2, 3 } } }; }

    static void collectTypes(const QList<FieldDef>& fields, QSet<FieldType>& types)
    {
        for (const FieldDef& f : fields) {
            types.insert(f.type);
            collectTypes(f.children, types);
        }
    }

    static FormValidator validator()
    {
        ValidationContext ctx;
        ctx.now = QDateTime::fromString(QStringLiteral("2026-03-28T12:00:00+02:00"), Qt::ISODate);
        return FormValidator(ctx);
    }

    static QStringList issueKeys(const ValidationIssues& issues)
    {
        QStringList out;
        for (const ValidationIssue& i : issues)
            out << i.fieldKey + QLatin1Char('|') + i.code;
        return out;
    }

    // A registry holding the test catalog, ready for test definitions.
    static FormRegistry testRegistry()
    {
        FormRegistry r;
        const auto ok = r.loadJson(readData(QStringLiteral("test_catalog.json")), QStringLiteral("test_catalog.json"));
        if (!ok.ok())
            qFatal("%s", qPrintable(ok.error().message));
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto loaded = m_registry.loadBuiltIn();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
    }

    void everyDefinitionLoads_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString& id : allFormIds())
            QTest::newRow(qPrintable(id)) << id;
    }
    void everyDefinitionLoads()
    {
        QFETCH(QString, id);
        const FormDefinition* d = m_registry.definition(id, 1);
        QVERIFY(d);
        QCOMPARE(d->id(), id);
        QCOMPARE(d->version(), 1);
        QCOMPARE(d->recordType(), id);
        QVERIFY(!d->title().isEmpty());
        QVERIFY(!d->fields().isEmpty());
        for (const FieldDef* f : d->fields())
            QVERIFY2(!f->label.isEmpty(), qPrintable(f->key));
        // Only the forms listed in shippedVersions have more than version 1.
        const QList<int> versions = shippedVersions().value(id, { 1 });
        QCOMPARE(m_registry.versions(id), versions);
        QCOMPARE(m_registry.latest(id)->version(), versions.last());
        QCOMPARE(m_registry.latest(id)->recordType(), id);
    }

    void onlyKnownForms()
    {
        const QStringList ids = m_registry.formIds();
        const QStringList expected = allFormIds();
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()), QSet<QString>(expected.begin(), expected.end()));
    }

    // A complete, realistic body of each form passes final validation: the definitions are usable as shipped.
    void sampleBodiesAreFinal_data() { everyDefinitionLoads_data(); }
    void sampleBodiesAreFinal()
    {
        QFETCH(QString, id);
        const QJsonObject body = readObject(QStringLiteral("bodies/%1.final.json").arg(id));
        QVERIFY(!body.isEmpty());
        const auto issues = validator().validate(m_registry, id, 1, body, FormValidator::Mode::Final);
        QVERIFY(issues.ok());
        QVERIFY2(issues.value().isEmpty(), qPrintable(issueKeys(issues.value()).join(QLatin1Char(' '))));
        // An empty body is never final: every form has required fields.
        QVERIFY(!validator().validate(m_registry, id, 1, {}, FormValidator::Mode::Final).value().isEmpty());
        QVERIFY(validator().validate(m_registry, id, 1, {}, FormValidator::Mode::Draft).value().isEmpty());
        // The sample stays valid in the latest version too (new versions only add).
        const int latest = m_registry.latest(id)->version();
        const auto asLatest = validator().validate(m_registry, id, latest, body, FormValidator::Mode::Final);
        QVERIFY(asLatest.ok());
        QVERIFY2(asLatest.value().isEmpty(), qPrintable(issueKeys(asLatest.value()).join(QLatin1Char(' '))));
    }

    // Action version 2 adds the removal decision and the two outcome facts of resolution 817 §9; a record
    // written with version 1 keeps validating with version 1, which does not know the new codes.
    void actionVersion2AddsOutcomes()
    {
        const QString id = QStringLiteral("action");
        QJsonObject body = readObject(QStringLiteral("bodies/action.final.json"));
        body.insert(QStringLiteral("action"), QStringLiteral("child_stayed_in_family"));
        const auto asV1 = validator().validate(m_registry, id, 1, body, FormValidator::Mode::Final);
        QCOMPARE(issueKeys(asV1.value()), QStringList { "action|option" });
        const auto missingChild = validator().validate(m_registry, id, 2, body, FormValidator::Mode::Final);
        QCOMPARE(issueKeys(missingChild.value()), QStringList { "childMembers|required_if" });
        body.insert(QStringLiteral("childMembers"), QJsonArray { QStringLiteral("m-child-1") });
        QCOMPARE(issueKeys(validator().validate(m_registry, id, 2, body, FormValidator::Mode::Final).value()),
            QStringList());
        // The removal decision names no child: the safety assessment it relates to does.
        body.insert(QStringLiteral("action"), QStringLiteral("removal_decision_taken"));
        body.remove(QStringLiteral("childMembers"));
        QCOMPARE(issueKeys(validator().validate(m_registry, id, 2, body, FormValidator::Mode::Final).value()),
            QStringList());
        // Version 1 knows no childMembers field.
        body.insert(QStringLiteral("action"), QStringLiteral("police_informed"));
        body.insert(QStringLiteral("childMembers"), QJsonArray { QStringLiteral("m-child-1") });
        QCOMPARE(issueKeys(validator().validate(m_registry, id, 1, body, FormValidator::Mode::Final).value()),
            QStringList { "childMembers|unknown_field" });
    }

    void everyFieldTypeUsed()
    {
        const QList<FieldType> jsonTypes { FieldType::Text, FieldType::Multiline, FieldType::Date, FieldType::DateTime,
            FieldType::Number, FieldType::YesNo, FieldType::Choice, FieldType::Multi, FieldType::Member,
            FieldType::Participants, FieldType::Signature, FieldType::Consent, FieldType::Table };
        QSet<FieldType> builtIn;
        for (const QString& id : m_registry.formIds()) {
            for (const SectionDef& s : m_registry.latest(id)->sections())
                collectTypes(s.fields, builtIn);
        }
        FormRegistry r = testRegistry();
        QVERIFY(r.loadJson(readData(QStringLiteral("test_form.json"))).ok());
        QSet<FieldType> test;
        for (const SectionDef& s : r.latest(QStringLiteral("test_form"))->sections())
            collectTypes(s.fields, test);
        for (FieldType t : jsonTypes) {
            QVERIFY2(builtIn.contains(t), qPrintable(fieldTypeName(t)));
            QVERIFY2(test.contains(t), qPrintable(fieldTypeName(t)));
            QCOMPARE(fieldTypeFromName(fieldTypeName(t)), std::optional<FieldType>(t));
        }
        QCOMPARE(fieldTypeFromName(QStringLiteral("png")), std::nullopt); // internal part type only
        QCOMPARE(fieldTypeFromName(QStringLiteral("Text")), std::nullopt);
    }

    void fieldsParsed()
    {
        FormRegistry r = testRegistry();
        QVERIFY(r.loadJson(readData(QStringLiteral("test_form.json"))).ok());
        const FormDefinition* d = r.definition(QStringLiteral("test_form"), 1);
        QVERIFY(d);
        QCOMPARE(d->sections().size(), 2);
        const FieldDef* name = d->field(QStringLiteral("name"));
        QVERIFY(name && name->required && name->type == FieldType::Text && name->maxLength == 10);
        QVERIFY(d->field(QStringLiteral("code"))->pattern.match(QStringLiteral("AB")).hasMatch());
        QCOMPARE(d->field(QStringLiteral("note"))->type, FieldType::Multiline);
        QCOMPARE(d->field(QStringLiteral("birthDate"))->notAfter, QStringLiteral("now"));
        QCOMPARE(d->field(QStringLiteral("endDate"))->notBefore, QStringLiteral("startDate"));
        QCOMPARE(d->field(QStringLiteral("completedAt"))->type, FieldType::DateTime);
        const FieldDef* age = d->field(QStringLiteral("age"));
        QVERIFY(age->min && *age->min == 0 && age->max && *age->max == 17 && age->integer);
        QCOMPARE(d->field(QStringLiteral("flag"))->type, FieldType::YesNo);
        const FieldDef* reason = d->field(QStringLiteral("reason"));
        QVERIFY(reason->requiredIf && reason->requiredIf->field == QLatin1String("flag")
            && reason->requiredIf->kind == Condition::Kind::Equals
            && reason->requiredIf->values == QList<QJsonValue> { true });
        QCOMPARE(d->field(QStringLiteral("level"))->options.size(), 3);
        QCOMPARE(d->field(QStringLiteral("levelComment"))->requiredIf->kind, Condition::Kind::In);
        QCOMPARE(d->field(QStringLiteral("signsDetails"))->requiredIf->kind, Condition::Kind::NotEmpty);
        const FieldDef* signs = d->field(QStringLiteral("signs"));
        QVERIFY(
            signs->catalog && signs->catalog->id() == QLatin1String("test_signs") && signs->catalogRef.version == 1);
        QCOMPARE(d->field(QStringLiteral("sectionSigns"))->catalogSection, QStringLiteral("b"));
        QVERIFY(!d->field(QStringLiteral("person"))->multiple);
        QVERIFY(d->field(QStringLiteral("people"))->multiple);
        const FieldDef* team = d->field(QStringLiteral("team"));
        QCOMPARE(team->minRows, 1);
        QCOMPARE(team->maxRows, 3);
        QCOMPARE(team->child(QStringLiteral("role"))->type, FieldType::Choice);
        QVERIFY(team->child(QStringLiteral("name"))->required);
        QVERIFY(team->child(QStringLiteral("position")) && team->child(QStringLiteral("phone")));
        const FieldDef* measures = d->field(QStringLiteral("measures"));
        QCOMPARE(measures->children.size(), 4);
        QCOMPARE(measures->child(QStringLiteral("at"))->notBefore, QStringLiteral("startedAt"));
        const FieldDef* consent = d->field(QStringLiteral("consent"));
        QCOMPARE(consent->purpose, QStringLiteral("Інформування поліції"));
        QVERIFY(consent->child(QStringLiteral("decision"))->hasOption(QStringLiteral("refused")));
        QVERIFY(consent->child(QStringLiteral("decision"))->required);
        QCOMPARE(
            consent->child(QStringLiteral("refusalReason"))->requiredIf->field, QStringLiteral("consent.decision"));
        QCOMPARE(consent->child(QStringLiteral("at"))->notAfter, QStringLiteral("now"));
        QVERIFY(consent->child(QStringLiteral("by")) && consent->child(QStringLiteral("purpose")));
        const FieldDef* signature = d->field(QStringLiteral("signature"));
        QCOMPARE(signature->child(QStringLiteral("png"))->type, FieldType::PngImage);
        QCOMPARE(signature->child(QStringLiteral("png"))->maxBytes, 100);
        QCOMPARE(
            d->fieldAtPath(QStringLiteral("consent.refusalReason")), consent->child(QStringLiteral("refusalReason")));
        QCOMPARE(d->fieldAtPath(QStringLiteral("consent.nothing")), nullptr);
    }

    // A record keeps validating against the version it was written in after a new version arrives.
    void newVersionKeepsOldRecordsValid()
    {
        FormRegistry r = m_registry;
        QJsonObject v2 = r.definition(QStringLiteral("notice"), 1)->json();
        v2[QLatin1String("version")] = 2;
        QJsonArray sections = v2.value(QLatin1String("sections")).toArray();
        QJsonObject header = sections.at(0).toObject();
        QJsonArray fields;
        for (const QJsonValue& f : header.value(QLatin1String("fields")).toArray()) {
            if (f.toObject().value(QLatin1String("key")).toString() != QLatin1String("senderNumber"))
                fields << f;
        }
        fields << QJsonObject { { "key", "registrationCode" }, { "type", "text" }, { "label", "Реєстраційний код" },
            { "required", true } };
        header[QLatin1String("fields")] = fields;
        sections[0] = header;
        v2[QLatin1String("sections")] = sections;
        const auto loaded = r.loadJson(toBytes(v2), QStringLiteral("notice.v2"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));

        QCOMPARE(r.versions(QStringLiteral("notice")), (QList<int> { 1, 2 }));
        QCOMPARE(r.latest(QStringLiteral("notice"))->version(), 2);
        QCOMPARE(r.definition(QStringLiteral("notice"), 1)->version(), 1);
        QVERIFY(r.definition(QStringLiteral("notice"), 1)->field(QStringLiteral("senderNumber")));
        QVERIFY(!r.definition(QStringLiteral("notice"), 2)->field(QStringLiteral("senderNumber")));

        const QJsonObject v1Body = readObject(QStringLiteral("bodies/notice.final.json"));
        QVERIFY(v1Body.contains(QLatin1String("senderNumber")));
        const auto asV1 = validator().validate(r, QStringLiteral("notice"), 1, v1Body, FormValidator::Mode::Final);
        QVERIFY(asV1.ok());
        QCOMPARE(issueKeys(asV1.value()), QStringList());
        const auto asV2 = validator().validate(r, QStringLiteral("notice"), 2, v1Body, FormValidator::Mode::Final);
        QCOMPARE(issueKeys(asV2.value()), (QStringList { "registrationCode|required", "senderNumber|unknown_field" }));

        // Loading the same v2 again is a no-op; a different v2 is a conflict.
        QVERIFY(r.loadJson(toBytes(v2)).ok());
        v2[QLatin1String("title")] = QStringLiteral("Інша назва");
        const auto conflict = r.loadJson(toBytes(v2));
        QVERIFY(!conflict.ok());
        QCOMPARE(conflict.error().code, QStringLiteral("forms.version_conflict"));
        QCOMPARE(r.latest(QStringLiteral("notice"))->title(), r.definition(QStringLiteral("notice"), 2)->title());
        QVERIFY(r.latest(QStringLiteral("notice"))->title() != QStringLiteral("Інша назва"));
    }

    void unknownVersionIsAnError()
    {
        const auto r = validator().validate(m_registry, QStringLiteral("notice"), 7, {}, FormValidator::Mode::Draft);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("forms.unknown_form"));
        QCOMPARE(m_registry.definition(QStringLiteral("notice"), 7), nullptr);
        QCOMPARE(m_registry.latest(QStringLiteral("no_such_form")), nullptr);
    }

    void brokenDefinitionsRejected_data()
    {
        using Edit = std::function<QJsonObject(QJsonObject)>;
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        auto setOn = [](const char* key, const char* prop, QJsonValue value) -> Edit {
            return [=](QJsonObject f) {
                return editField(f, QString::fromLatin1(key), [&](QJsonObject& o) { o[QLatin1String(prop)] = value; });
            };
        };
        QTest::newRow("unknown catalog") << setOn(
            "signs", "catalog", QJsonObject { { "id", "no_such" }, { "version", 1 } })
                                         << "forms.unknown_catalog"
                                         << "catalog 'no_such' version 1 is not loaded";
        QTest::newRow("unknown catalog version")
            << setOn("signs", "catalog", QJsonObject { { "id", "test_signs" }, { "version", 2 } })
            << "forms.unknown_catalog"
            << "catalog 'test_signs' version 2";
        QTest::newRow("unknown catalog section")
            << setOn("sectionSigns", "catalogSection", "zz") << "forms.unknown_reference"
            << "catalog section 'zz'";
        QTest::newRow("requiredIf unknown field")
            << setOn("reason", "requiredIf", QJsonObject { { "field", "flagg" }, { "equals", true } })
            << "forms.unknown_reference"
            << "requiredIf names unknown field 'flagg'";
        QTest::newRow("requiredIf unknown part")
            << setOn("reason", "requiredIf", QJsonObject { { "field", "consent.verdict" }, { "equals", "given" } })
            << "forms.unknown_reference"
            << "unknown field 'consent.verdict'";
        QTest::newRow("requiredIf value not an option")
            << setOn("levelComment", "requiredIf", QJsonObject { { "field", "level" }, { "equals", "z" } })
            << "forms.unknown_reference"
            << "does not fit field 'level'";
        QTest::newRow("requiredIf two kinds") << setOn(
            "reason", "requiredIf", QJsonObject { { "field", "flag" }, { "equals", true }, { "notEmpty", true } })
                                              << "forms.invalid_definition"
                                              << "exactly one of";
        QTest::newRow("notBefore unknown field")
            << setOn("endDate", "notBefore", "beginDate") << "forms.unknown_reference"
            << "unknown field 'beginDate'";
        QTest::newRow("notBefore not a date") << setOn("endDate", "notBefore", "name") << "forms.unknown_reference"
                                              << "is not a date";
        QTest::newRow("column notBefore unknown") << setOn("at", "notBefore", "startedOn") << "forms.unknown_reference"
                                                  << "unknown field 'startedOn'";
        QTest::newRow("unknown type") << setOn("name", "type", "string") << "forms.invalid_definition"
                                      << "unknown type 'string'";
        QTest::newRow("internal type") << setOn("name", "type", "png") << "forms.invalid_definition"
                                       << "unknown type 'png'";
        QTest::newRow("typo in rule") << setOn("name", "requird", true) << "forms.invalid_definition"
                                      << "unknown key 'requird'";
        QTest::newRow("choice without options") << Edit([](QJsonObject f) {
            return editField(f, QStringLiteral("level"), [](QJsonObject& o) { o.remove(QLatin1String("options")); });
        }) << "forms.invalid_definition"
                                                << "needs options";
        QTest::newRow("duplicate field key") << setOn("code", "key", "name") << "forms.invalid_definition"
                                             << "duplicate field 'name'";
        QTest::newRow("min above max") << setOn("age", "min", 30) << "forms.invalid_definition"
                                       << "min is greater than max";
        QTest::newRow("range on text") << setOn("name", "max", 3) << "forms.invalid_definition"
                                       << "only for number";
        QTest::newRow("bad pattern") << setOn("code", "pattern", "([A-Z") << "forms.invalid_definition"
                                     << "not a valid regular expression";
        QTest::newRow("unknown consent part")
            << setOn("consent", "parts", QJsonObject { { "reason", QJsonObject { { "required", true } } } })
            << "forms.invalid_definition"
            << "part 'reason': no such part";
        QTest::newRow("nested table") << setOn("what", "type", "table") << "forms.invalid_definition"
                                      << "cannot be nested";
        QTest::newRow("bad wording") << setOn("name", "wording", "mine") << "forms.invalid_definition"
                                     << "wording must be";
        QTest::newRow("version zero") << Edit([](QJsonObject f) {
            f[QLatin1String("version")] = 0;
            return f;
        }) << "forms.invalid_definition"
                                      << "version must be an integer";
    }
    void brokenDefinitionsRejected()
    {
        using Edit = std::function<QJsonObject(QJsonObject)>;
        QFETCH(Edit, edit);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        FormRegistry r = testRegistry();
        const QJsonObject base = readObject(QStringLiteral("test_form.json"));
        QVERIFY(FormRegistry(r).loadJson(toBytes(base)).ok()); // the unedited definition is fine
        const auto loaded = r.loadJson(toBytes(edit(base)), QStringLiteral("broken.json"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, code);
        QVERIFY2(loaded.error().message.contains(messagePart), qPrintable(loaded.error().message));
        QVERIFY2(
            loaded.error().message.startsWith(QStringLiteral("broken.json: ")), qPrintable(loaded.error().message));
        QCOMPARE(r.definition(QStringLiteral("test_form"), 1), nullptr);
    }

    void batchIsAllOrNothing()
    {
        FormRegistry r;
        QJsonObject broken = editField(readObject(QStringLiteral("test_form.json")), QStringLiteral("name"),
            [](QJsonObject& o) { o[QLatin1String("type")] = QStringLiteral("nope"); });
        const QJsonArray batch { readObject(QStringLiteral("test_catalog.json")), broken };
        const auto loaded = r.loadJson(QJsonDocument(batch).toJson());
        QVERIFY(!loaded.ok());
        QVERIFY(r.catalogIds().isEmpty());
        QVERIFY(r.formIds().isEmpty());
        // The same batch without the broken form loads both parts, catalog before form whatever the order.
        const QJsonArray good { readObject(QStringLiteral("test_form.json")),
            readObject(QStringLiteral("test_catalog.json")) };
        QVERIFY(r.loadJson(QJsonDocument(good).toJson()).ok());
        QCOMPARE(r.formIds(), QStringList { QStringLiteral("test_form") });
    }

    void loadDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("catalogs")));
        for (const auto& [name, target] : { std::pair { "test_catalog.json", "catalogs/test_signs.v1.json" },
                 std::pair { "test_form.json", "test_form.v1.json" } }) {
            QFile out(dir.filePath(QString::fromLatin1(target)));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(readData(QString::fromLatin1(name)));
        }
        FormRegistry r = m_registry;
        const auto loaded = r.loadDirectory(dir.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        QVERIFY(r.definition(QStringLiteral("test_form"), 1));
        QVERIFY(r.definition(QStringLiteral("notice"), 1));

        const auto missing = r.loadDirectory(dir.filePath(QStringLiteral("nope")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("forms.io"));
    }

    void invalidJson()
    {
        FormRegistry r;
        const auto loaded = r.loadJson(QByteArray("{\"kind\": \"form\","), QStringLiteral("sync"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QStringLiteral("forms.parse"));
        const auto kind = r.loadJson(QByteArray("{\"kind\": \"survey\"}"));
        QCOMPARE(kind.error().code, QStringLiteral("forms.invalid_definition"));
    }

    void builtInReloadIsNoOp()
    {
        FormRegistry r = m_registry;
        QVERIFY(r.loadBuiltIn().ok());
        QCOMPARE(r.formIds(), m_registry.formIds());
        QCOMPARE(r.versions(QStringLiteral("notice")), QList<int> { 1 });
    }
};

QTEST_GUILESS_MAIN(TestFormRegistry)
#include "tst_formregistry.moc"
