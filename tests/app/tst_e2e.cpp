// End to end, offscreen: the real Main.qml with the real singletons over a real encrypted store, the
// real poruch-server over TLS (certificate pinned) and the real poruch-admin. The test drives the UI by
// mouse clicks and typed keys only: set a PIN, enroll (code from poruch-admin, fingerprint as the office
// prints it), lock and unlock, record a notice with three indicators (taps counted, target <= 12), add a
// home visit and a safety assessment, finalize the notice, synchronise, check the server has the act
// with a journal number, then revoke the tablet and check it wiped itself and is back at first run.
#include "../client/serverpeek.h"
#include "appsession.h"
#include "records/recordrepository.h"
#include "serverconnection.h"
#include "serverprocess.h"
#include "sync/certificatepin.h"
#include "syncstatus.h"

#include <QDir>
#include <QJsonArray>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(Poruch_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Poruch_UiPlugin)

using poruch::app::AppSession;
using poruch::app::SyncStatus;
using poruch::test::ServerProcess;

namespace {

const QString pin = QStringLiteral("482915");
const int tapTarget = 12;

// Depth-first over the visual tree (popups live in the window's overlay, also under contentItem).
QQuickItem* findItem(QQuickItem* root, const std::function<bool(QQuickItem*)>& match)
{
    if (!root || !root->isVisible())
        return nullptr;
    if (match(root))
        return root;
    const QList<QQuickItem*> children = root->childItems();
    for (QQuickItem* child : children) {
        if (QQuickItem* found = findItem(child, match))
            return found;
    }
    return nullptr;
}

QQuickItem* byName(QQuickItem* root, const QString& name)
{
    return findItem(root, [&](QQuickItem* item) { return item->objectName() == name; });
}

QQuickItem* byText(QQuickItem* root, const QString& text)
{
    return findItem(root, [&](QQuickItem* item) {
        return item->inherits("QQuickAbstractButton") && item->property("text").toString() == text;
    });
}

} // namespace

class TestEndToEnd : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;
    QTemporaryDir m_dataDir;
    std::unique_ptr<poruch::app::ServerConnection> m_connection;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<SyncStatus> m_sync;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
    int m_taps = 0;
    QString m_caseId;
    QString m_noticeId;

    QQuickItem* root() const { return m_window->contentItem(); }

    QQuickItem* need(const QString& name, QQuickItem* under = nullptr)
    {
        QQuickItem* item = nullptr;
        // Pages arrive through StackView transitions and Loaders: give them a moment.
        for (int i = 0; i < 100 && !item; ++i) {
            item = byName(under ? under : root(), name);
            if (!item)
                QTest::qWait(20);
        }
        if (!item)
            qWarning() << "no visible item named" << name;
        return item;
    }

    // One finger tap at the centre of item. It must be on screen and not clipped away: the test taps
    // what a user can see, nothing else.
    bool tap(QQuickItem* item)
    {
        if (!item)
            return false;
        const QPointer<QQuickItem> guard(item);
        settle(); // runs the event loop: the page holding item may close meanwhile
        if (!guard) {
            qWarning("the item went away before the tap");
            return false;
        }
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        if (!QRectF(0, 0, m_window->width(), m_window->height()).contains(centre)) {
            qWarning() << "not on screen:" << item->objectName() << centre;
            return false;
        }
        for (QQuickItem* p = item->parentItem(); p; p = p->parentItem()) {
            if (p->clip() && !p->mapRectToScene(p->boundingRect()).contains(centre)) {
                qWarning() << "scrolled out of view:" << item->objectName() << centre;
                return false;
            }
        }
        ++m_taps;
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        QTest::qWait(30);
        return true;
    }

    // Typing into a text field: one tap to focus it, then the keys.
    bool type(QQuickItem* field, const QString& text)
    {
        if (!tap(field))
            return false;
        for (const QChar c : text) {
            const Qt::Key key
                = c.unicode() < 128 && c.isLetterOrNumber() ? Qt::Key(c.toUpper().unicode()) : Qt::Key_unknown;
            QTest::sendKeyEvent(QTest::Click, m_window, key, QString(c), Qt::NoModifier);
        }
        QTest::qWait(30);
        return field->property("text").toString().endsWith(text);
    }

    // Page transitions move everything: wait until the page stack stands still.
    void settle()
    {
        QObject* stack = m_window->findChild<QObject*>(QStringLiteral("stack"));
        for (int i = 0; i < 200 && stack && stack->property("busy").toBool(); ++i)
            QTest::qWait(20);
        QTest::qWait(20);
    }

    QQuickItem* formView() { return need(QStringLiteral("formView")); }

    // The editor of one field on the open form (FormView.editorFor).
    QQuickItem* editor(const QString& key)
    {
        QVariant result;
        QQuickItem* view = formView();
        if (!view
            || !QMetaObject::invokeMethod(view, "editorFor", Q_RETURN_ARG(QVariant, result), Q_ARG(QVariant, key)))
            return nullptr;
        return qvariant_cast<QQuickItem*>(result);
    }

    // Outside the counted steps: scroll a field into view (a swipe) before tapping in it.
    QQuickItem* reveal(const QString& key)
    {
        QQuickItem* item = editor(key);
        if (item)
            QMetaObject::invokeMethod(formView(), "reveal", Q_ARG(QVariant, QVariant::fromValue(item)));
        QTest::qWait(30);
        return item;
    }

    poruch::records::Record stored(const QString& id)
    {
        auto record = m_session->repository()->getRecord(id);
        return record ? *record : poruch::records::Record {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        QQuickStyle::setStyle(QStringLiteral("Material"));
        QVERIFY2(m_server.start({}, true), qPrintable(m_server.error()));
        QCOMPARE(m_server.admin({ QStringLiteral("create-user"), QStringLiteral("worker-e2e"), QStringLiteral("--role"),
                     QStringLiteral("social_worker"), QStringLiteral("--name"), QStringLiteral("Шевчук Оксана") }),
            0);

        AppSession::Config config;
        config.dataDir = m_dataDir.path();
        config.kdf = poruch::store::KdfParams::insecureForTests(); // fast; production strength is the default
        config.sync.initialBackoffMs = 200;
        config.sync.maxBackoffMs = 2000;
        config.sync.probeIntervalMs = 300;
        config.sync.transferTimeoutMs = 10000;
        config.sync.autoSyncIntervalMs = 0;
        config.syncDebounceMs = 200;
        m_connection = std::make_unique<poruch::app::ServerConnection>(QUrl(), QList<QSslCertificate> {});
        m_session = std::make_unique<AppSession>(config);
        m_sync = std::make_unique<SyncStatus>(nullptr);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_engine->load(QUrl(QStringLiteral("qrc:/Poruch/Ui/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().first());
        QVERIFY(m_window);
        m_window->resize(1280, 800);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_sync.reset();
        m_session.reset();
        m_connection.reset();
    }

    void setPinAndEnroll()
    {
        QCOMPARE(m_session->state(), AppSession::State::Setup);
        QVERIFY(type(need(QStringLiteral("pin")), pin));
        QVERIFY(type(need(QStringLiteral("confirmation")), pin));
        QVERIFY(tap(need(QStringLiteral("submit"))));
        QTRY_COMPARE(m_session->state(), AppSession::State::Unlocked);
        QCOMPARE(m_session->userId(), QStringLiteral("local"));

        QByteArray out;
        QCOMPARE(m_server.admin({ QStringLiteral("enroll-code"), QStringLiteral("worker-e2e") }, &out), 0);
        const QString code = QString::fromUtf8(out).trimmed();
        // As the office page prints it: pairs of upper-case hex digits joined by ':'.
        const QString hex = poruch::client::CertificatePin::fingerprint(m_server.tls().certificate).toUpper();
        QStringList pairs;
        for (int i = 0; i + 1 < hex.size(); i += 2)
            pairs << hex.mid(i, 2);
        QVERIFY(tap(need(QStringLiteral("serverChip"))));
        QVERIFY(type(need(QStringLiteral("enrollServer")), m_server.baseUrl().toString()));
        QVERIFY(type(need(QStringLiteral("enrollCode")), code));
        QVERIFY(type(need(QStringLiteral("enrollFingerprint")), pairs.join(QLatin1Char(':'))));
        QVERIFY(tap(need(QStringLiteral("enroll"))));
        QTRY_VERIFY_WITH_TIMEOUT(m_sync->enrolled(), 30000);
        QVERIFY2(m_sync->enrollMessage().contains(QStringLiteral("enrolled")), qPrintable(m_sync->enrollMessage()));
        // New records carry the enrolled identity.
        QVERIFY(m_session->userId() != QLatin1String("local"));
        QCOMPARE(m_session->userName(), QStringLiteral("Шевчук Оксана"));

        // Lock and unlock by hand: the enrollment lives in the encrypted store.
        QVERIFY(tap(need(QStringLiteral("lock"))));
        QTRY_COMPARE(m_session->state(), AppSession::State::Locked);
        QVERIFY(!m_session->syncClient());
        QVERIFY(type(need(QStringLiteral("pin")), pin));
        QVERIFY(tap(need(QStringLiteral("submit"))));
        QTRY_COMPARE(m_session->state(), AppSession::State::Unlocked);
        QVERIFY(m_sync->enrolled());
        QVERIFY(m_session->syncClient());
    }

    void noticeWithThreeIndicatorsInTwelveTaps()
    {
        QVERIFY(need(QStringLiteral("newNotice"))); // the home page after unlock
        m_taps = 0;
        QVERIFY(tap(need(QStringLiteral("newNotice"))));
        QQuickItem* bar = need(QStringLiteral("sectionBar"));
        QVERIFY(bar);
        // Who: the child's name, about a child.
        QVERIFY(tap(need(QStringLiteral("section_2"), bar)));
        QVERIFY(
            type(need(QStringLiteral("input"), editor(QStringLiteral("subjectName"))), QStringLiteral("Гнатюк Марія")));
        QVERIFY(tap(need(QStringLiteral("yes"), editor(QStringLiteral("concernsChild")))));
        // What: three indicators of the abuse catalog.
        QVERIFY(tap(need(QStringLiteral("section_3"), bar)));
        QQuickItem* abuse = editor(QStringLiteral("indicatorsAbuse"));
        QVERIFY(tap(need(QStringLiteral("toggle"), abuse)));
        for (const QString& code :
            { QStringLiteral("abuse.01"), QStringLiteral("abuse.02"), QStringLiteral("abuse.03") })
            QVERIFY2(tap(need(QStringLiteral("item_") + code, abuse)), qPrintable(code));
        std::printf(
            "e2e: taps from the home page until the notice with three indicators was saved: %d (target <= %d)\n",
            m_taps, tapTarget);
        std::fflush(stdout);
        QVERIFY2(m_taps <= tapTarget, qPrintable(QStringLiteral("%1 taps").arg(m_taps)));

        // Saved (autosave of every change), into the outbox.
        auto caseload = m_session->repository()->listCaseload({});
        QVERIFY(caseload && caseload->size() == 1);
        m_caseId = caseload->first().id;
        auto file = m_session->repository()->openCase(m_caseId);
        QVERIFY(file && file->records.size() == 1);
        m_noticeId = file->records.first().id;
        const poruch::records::Record notice = stored(m_noticeId);
        QCOMPARE(notice.body.value("subjectName").toString(), QStringLiteral("Гнатюк Марія"));
        QCOMPARE(notice.body.value("concernsChild").toBool(), true);
        QCOMPARE(notice.body.value("indicatorsAbuse").toArray(),
            QJsonArray({ QStringLiteral("abuse.01"), QStringLiteral("abuse.02"), QStringLiteral("abuse.03") }));
        QCOMPARE(notice.body.value("receivedByName").toString(), QStringLiteral("Шевчук Оксана")); // prefilled
        QCOMPARE(notice.authorUserId, m_session->userId());
        QVERIFY(!m_sync->recordState(m_noticeId).isEmpty()); // pending, or sent already
    }

    void completeAndFinalizeTheNotice()
    {
        // The rest of the required fields, through the UI (not counted).
        const QList<QPair<QString, QString>> taps = {
            { QStringLiteral("channel"), QStringLiteral("option_phone") },
            { QStringLiteral("origin"), QStringLiteral("option_report") },
            { QStringLiteral("subjectKind"), QStringLiteral("option_child") },
            { QStringLiteral("crisis"), QStringLiteral("no") },
            { QStringLiteral("pregnancyRisk"), QStringLiteral("no") },
            { QStringLiteral("newbornAbandonmentIntent"), QStringLiteral("no") },
            { QStringLiteral("reporterSource"), QStringLiteral("option_neighbours") },
        };
        for (const auto& [key, button] : taps)
            QVERIFY2(tap(need(button, reveal(key))), qPrintable(key));
        QVERIFY(type(need(QStringLiteral("input"), reveal(QStringLiteral("subjectAge"))), QStringLiteral("9")));
        QVERIFY(tap(need(QStringLiteral("finalize"))));
        QObject* dialog = m_window->findChild<QObject*>(QStringLiteral("confirmFinalize"));
        QVERIFY2(dialog, "no confirmation dialog on the form page");
        QTRY_VERIFY2(dialog->property("opened").toBool(), "the confirmation did not open: the notice is not complete");
        QVERIFY(tap(byText(dialog->property("footer").value<QQuickItem*>(), QStringLiteral("Yes"))));
        QTRY_VERIFY2(
            stored(m_noticeId).isFinal(), qPrintable(need(QStringLiteral("saveState"))->property("text").toString()));
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    void addHomeVisitAndSafetyAssessment()
    {
        QVERIFY(tap(need(QStringLiteral("back")))); // the case card
        for (const QString& label : { QStringLiteral("Home visit"), QStringLiteral("Child safety assessment") }) {
            QVERIFY(tap(need(QStringLiteral("addRecord"))));
            QQuickItem* item = nullptr;
            for (int i = 0; i < 100 && !item; ++i) {
                item = byText(root(), label);
                if (!item)
                    QTest::qWait(20);
            }
            QVERIFY2(item, qPrintable(label));
            QVERIFY(tap(item));
            QVERIFY(need(QStringLiteral("formView")));
            QVERIFY(tap(need(QStringLiteral("back"))));
        }
        auto file = m_session->repository()->openCase(m_caseId);
        QVERIFY(file);
        QCOMPARE(file->records.size(), 3);
    }

    void syncAndFindTheActOnTheServer()
    {
        QVERIFY(tap(need(QStringLiteral("serverChip"))));
        QVERIFY(tap(need(QStringLiteral("syncNow"))));
        QTRY_VERIFY_WITH_TIMEOUT(m_sync->upToDate(), 60000);
        QCOMPARE(m_sync->pending(), 0);
        QCOMPARE(m_sync->recordState(m_noticeId), QStringLiteral("sent"));
        const auto onServer = clienttest::serverRecords(m_server);
        QVERIFY(onServer.contains(m_noticeId));
        const clienttest::ServerRecord& act = onServer.value(m_noticeId);
        QVERIFY(act.record.isFinal());
        QVERIFY2(!act.journalNumber.isEmpty(), "the notice about a child has no journal number");
        QCOMPARE(act.record.body.value("indicatorsAbuse").toArray().size(), 3);
        QCOMPARE(act.record.contentHash, stored(m_noticeId).contentHash);
        int ofTheCase = 0;
        for (const clienttest::ServerRecord& r : onServer)
            ofTheCase += r.record.caseId == m_caseId ? 1 : 0;
        QCOMPARE(ofTheCase, 3);
        std::printf("e2e: the server has the act with journal number %s\n", qPrintable(act.journalNumber));
    }

    void revocationWipesTheTablet()
    {
        const QString deviceId = m_session->deviceId();
        QByteArray err;
        QCOMPARE(m_server.admin({ QStringLiteral("revoke-device"), deviceId }, nullptr, &err), 0);
        const QString keyFile = QDir(m_dataDir.path()).filePath(QStringLiteral("store.key"));
        QVERIFY(QFile::exists(keyFile));
        // The client also syncs by itself (after saves, on a timer); if it met the revocation first, the
        // app has already wiped and closed the sync page, which is just as right.
        if (!tap(need(QStringLiteral("syncNow"))))
            QCOMPARE(m_session->state(), AppSession::State::Setup);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), AppSession::State::Setup, 30000);
        QVERIFY(m_session->wiped());
        QVERIFY(m_session->message().contains(QStringLiteral("revoked")));
        QVERIFY(!m_session->repository());
        QVERIFY(!m_sync->enrolled());
        // No store, no key, no device secret: only the non-secret bookkeeping files may remain.
        const QStringList left = QDir(m_dataDir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString& name : left) {
            QVERIFY2(name == QLatin1String("device.id") || name == QLatin1String("unlock.state"),
                qPrintable(QStringLiteral("left behind: ") + name));
        }
        QVERIFY(!QFile::exists(keyFile));
        // Back at first run: the PIN setup with its confirmation field, and the reason shown.
        QVERIFY(need(QStringLiteral("confirmation")));
        QVERIFY(!m_window->property("unlocked").toBool());
    }
};

QTEST_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
