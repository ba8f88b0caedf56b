// The four indicator catalogs of seed 001 and the services list of seed 004: counts, codes, wording.
#include "forms/formregistry.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace poruch::forms;

class TestCatalogs : public QObject {
    Q_OBJECT

private:
    FormRegistry m_registry;

    static int count(const Catalog& c, const QString& section, bool withChildren)
    {
        int n = 0;
        for (const CatalogSection& s : c.sections()) {
            if (!section.isEmpty() && s.key != section)
                continue;
            for (const CatalogItem& i : s.items)
                n += 1 + (withChildren ? int(i.children.size()) : 0);
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto loaded = m_registry.loadBuiltIn();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
    }

    void everyCatalogLoads_data()
    {
        QTest::addColumn<QString>("id");
        for (const char* id :
            { "indicators_general", "indicators_abuse", "indicators_abandonment", "indicators_health", "services" })
            QTest::newRow(id) << QString::fromLatin1(id);
    }
    void everyCatalogLoads()
    {
        QFETCH(QString, id);
        const Catalog* c = m_registry.catalog(id, 1);
        QVERIFY(c);
        QCOMPARE(c->version(), 1);
        QVERIFY(!c->title().isEmpty());
        QCOMPARE(m_registry.latestCatalog(id), c);
    }

    // Counts as they stand in seed 001 (appendices 1-3 and the health-exam signs) and seed 004.
    void itemCounts_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("section");
        QTest::addColumn<bool>("withChildren");
        QTest::addColumn<int>("expected");
        QTest::newRow("general top level") << "indicators_general"
                                           << "general" << false << 16;
        QTest::newRow("general with alienation signs") << "indicators_general"
                                                       << "general" << true << 24;
        QTest::newRow("education staff") << "indicators_general"
                                         << "education" << false << 10;
        QTest::newRow("abuse") << "indicators_abuse"
                               << "" << true << 20;
        QTest::newRow("abandonment") << "indicators_abandonment"
                                     << "" << true << 22;
        QTest::newRow("health exam") << "indicators_health"
                                     << "" << true << 8;
        QTest::newRow("services") << "services"
                                  << "" << true << 13;
    }
    void itemCounts()
    {
        QFETCH(QString, id);
        QFETCH(QString, section);
        QFETCH(bool, withChildren);
        QFETCH(int, expected);
        const Catalog* c = m_registry.catalog(id, 1);
        QVERIFY(c);
        QCOMPARE(count(*c, section, withChildren), expected);
    }

    void parentalAlienationSigns()
    {
        const Catalog* c = m_registry.catalog(QStringLiteral("indicators_general"), 1);
        QVERIFY(c);
        const CatalogItem* sixteen = c->item(QStringLiteral("general.16"));
        QVERIFY(sixteen);
        QCOMPARE(sixteen->children.size(), 8);
        QVERIFY(sixteen->text.contains(QStringLiteral("синдрому відчуження батьків")));
        QCOMPARE(sixteen->children.first().code, QStringLiteral("general.16.1"));
        QCOMPARE(sixteen->children.last().text,
            QStringLiteral(
                "вороже ставлення дитини поширюється також на друзів та/або членів сім'ї одного з батьків."));
        QCOMPARE(c->sectionOf(QStringLiteral("general.16.8")), QStringLiteral("general"));
        QCOMPARE(c->sectionOf(QStringLiteral("education.10")), QStringLiteral("education"));
    }

    // Wording is copied from the seed: spot checks of first/last items and no leftover numbering or markup.
    void wordingFromSeed_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("general.01")
            << "indicators_general"
            << "general.01"
            << "Один або двоє батьків дитини понад 6 місяців ніде не працюють, не перебувають на "
               "обліку в Центрі зайнятості";
        QTest::newRow("education.01") << "indicators_general"
                                      << "education.01"
                                      << "Дитина досягла шкільного віку, але не зареєстрована у жодному закладі освіти";
        QTest::newRow("abuse.13") << "indicators_abuse"
                                  << "abuse.13"
                                  << "Сусіди скаржаться на часті крики, звуки ударів, порушення спокою";
        QTest::newRow("abandonment.01") << "indicators_abandonment"
                                        << "abandonment.01"
                                        << "Вагітність небажана чи позашлюбна";
        QTest::newRow("abandonment.22") << "indicators_abandonment"
                                        << "abandonment.22"
                                        << "Батьки дитини раннього віку не відвідують її в закладі охорони здоров'я";
        QTest::newRow("health.08") << "indicators_health"
                                   << "health.08"
                                   << "Наявність значної невідповідності ваги/зросту дитини її віковій нормі";
        QTest::newRow("services") << "services"
                                  << "social_accompaniment"
                                  << "соціальний супровід";
    }
    void wordingFromSeed()
    {
        QFETCH(QString, id);
        QFETCH(QString, code);
        QFETCH(QString, text);
        const Catalog* c = m_registry.catalog(id, 1);
        QVERIFY(c);
        const CatalogItem* item = c->item(code);
        QVERIFY(item);
        QCOMPARE(item->text, text);
    }

    void noNumberingOrMarkup()
    {
        static const QRegularExpression bad(QStringLiteral("^\\s*(\\d+\\.|-)|</?[a-z]+>"));
        for (const QString& id : m_registry.catalogIds()) {
            const Catalog* c = m_registry.latestCatalog(id);
            for (const QString& code : c->codes()) {
                const QString text = c->item(code)->text;
                QVERIFY2(!bad.match(text).hasMatch(), qPrintable(code));
                QCOMPARE(text, text.trimmed());
            }
        }
    }

    // Codes are stable: records store them. The golden list may only grow, with a new catalog version.
    void codesMatchGolden()
    {
        QStringList lines;
        QSet<QString> seen;
        for (const QString& id : m_registry.catalogIds()) {
            for (int version : m_registry.catalogVersions(id)) {
                const Catalog* c = m_registry.catalog(id, version);
                for (const QString& code : c->codes()) {
                    const QString line = QStringLiteral("%1 v%2 %3").arg(id).arg(version).arg(code);
                    QVERIFY2(!seen.contains(line), qPrintable(line));
                    seen.insert(line);
                    lines << line;
                }
            }
        }
        const QString goldenPath = QStringLiteral(PORUCH_TEST_DATA_DIR "/catalog_codes.golden");
        QFile golden(goldenPath);
        QVERIFY(golden.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList expected = QString::fromUtf8(golden.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList actualSorted = lines;
        actualSorted.sort();
        expected.sort();
        if (actualSorted != expected) {
            QFile fail(goldenPath + QStringLiteral(".fail"));
            QVERIFY(fail.open(QIODevice::WriteOnly | QIODevice::Text));
            fail.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
            QFAIL(qPrintable(
                QStringLiteral("catalog codes differ from the golden list; diff %1 %1.fail").arg(goldenPath)));
        }
    }

    void codesHaveCatalogPrefix_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("general") << "indicators_general"
                                 << "^(general\\.(0[1-9]|1[0-6])(\\.[1-8])?|education\\.(0[1-9]|10))$";
        QTest::newRow("abuse") << "indicators_abuse"
                               << "^abuse\\.(0[1-9]|1[0-9]|20)$";
        QTest::newRow("abandonment") << "indicators_abandonment"
                                     << "^abandonment\\.(0[1-9]|1[0-9]|2[0-2])$";
        QTest::newRow("health") << "indicators_health"
                                << "^health\\.0[1-8]$";
    }
    void codesHaveCatalogPrefix()
    {
        QFETCH(QString, id);
        QFETCH(QString, pattern);
        const QRegularExpression re(pattern);
        const Catalog* c = m_registry.catalog(id, 1);
        QVERIFY(c);
        for (const QString& code : c->codes())
            QVERIFY2(re.match(code).hasMatch(), qPrintable(code));
    }

    void brokenCatalogsRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("duplicate code") << QByteArray(
            R"({"kind":"catalog","id":"x","version":1,"title":"X","sections":[{"key":"s","title":"S",
               "items":[{"code":"x.01","text":"a"},{"code":"x.01","text":"b"}]}]})")
                                        << "forms.invalid_catalog";
        QTest::newRow("child duplicates parent")
            << QByteArray(R"({"kind":"catalog","id":"x","version":1,"title":"X","sections":[{"key":"s","title":"S",
               "items":[{"code":"x.01","text":"a","children":[{"code":"x.01","text":"b"}]}]}]})")
            << "forms.invalid_catalog";
        QTest::newRow("empty text") << QByteArray(R"({"kind":"catalog","id":"x","version":1,"title":"X","sections":[
               {"key":"s","title":"S","items":[{"code":"x.01","text":"  "}]}]})")
                                    << "forms.invalid_catalog";
        QTest::newRow("bad code") << QByteArray(R"({"kind":"catalog","id":"x","version":1,"title":"X","sections":[
               {"key":"s","title":"S","items":[{"code":"X 01","text":"a"}]}]})")
                                  << "forms.invalid_catalog";
        QTest::newRow("version not integer") << QByteArray(R"({"kind":"catalog","id":"x","version":1.5,"title":"X",
               "sections":[{"key":"s","title":"S","items":[{"code":"x.01","text":"a"}]}]})")
                                             << "forms.invalid_catalog";
        QTest::newRow("changed built-in version")
            << QByteArray(R"({"kind":"catalog","id":"services","version":1,"title":"X","sections":[
               {"key":"s","title":"S","items":[{"code":"x.01","text":"a"}]}]})")
            << "forms.version_conflict";
    }
    void brokenCatalogsRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        FormRegistry registry = m_registry;
        const auto r = registry.loadJson(json, QStringLiteral("test"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogs)
#include "tst_catalogs.moc"
