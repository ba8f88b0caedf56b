#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariant>

class QTimer;

namespace poruch::app {

// Crisis mode for the mobile brigade. start() makes, in one step, a household, a notice marked as a
// crisis (identified now) and a crisis-intervention draft (started now); the page shows the time since
// identification against the 24-hour limit (rule crisis_intervention_within_24h). Quick entries add a
// timed line to the intervention's measures; the victim's consent to inform the police (or the refusal
// and its reason) goes into the notice's policeConsent, which the deadline engine reads.
class CrisisController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY changed)
    Q_PROPERTY(QString noticeId READ noticeId NOTIFY changed)
    Q_PROPERTY(QString interventionId READ interventionId NOTIFY changed)
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(QDateTime identifiedAt READ identifiedAt NOTIFY changed)
    Q_PROPERTY(QString elapsedText READ elapsedText NOTIFY tick)
    Q_PROPERTY(QString remainingText READ remainingText NOTIFY tick)
    Q_PROPERTY(double progress READ progress NOTIFY tick)
    Q_PROPERTY(bool overdue READ overdue NOTIFY tick)
    Q_PROPERTY(QVariantList entries READ entries NOTIFY changed)
    Q_PROPERTY(QString consentDecision READ consentDecision NOTIFY changed)
    Q_PROPERTY(QString consentText READ consentText NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    static constexpr qint64 limitSeconds = 24 * 3600;

    explicit CrisisController(QObject* parent = nullptr);

    QString caseId() const { return m_caseId; }
    // Resumes the latest crisis of an existing case.
    void setCaseId(const QString& caseId);
    QString noticeId() const { return m_noticeId; }
    QString interventionId() const { return m_interventionId; }
    bool active() const { return !m_interventionId.isEmpty(); }
    QDateTime identifiedAt() const { return m_identifiedAt; }
    QString elapsedText() const;
    QString remainingText() const;
    double progress() const;
    bool overdue() const;
    QVariantList entries() const { return m_entries; }
    QString consentDecision() const { return m_consent.value(QStringLiteral("decision")).toString(); }
    QString consentText() const;
    QString error() const { return m_error; }

    Q_INVOKABLE bool start();
    // kind: "police" (102 called), "ambulance" (103 called), "shelter" (placed in a shelter),
    // "medical" (referred for medical care).
    Q_INVOKABLE bool quickEntry(const QString& kind);
    // decision: "given" / "refused" / "not_asked"; reason is required for a refusal.
    Q_INVOKABLE bool recordConsent(const QString& decision, const QString& by, const QString& refusalReason);

Q_SIGNALS:
    void changed();
    void tick();

private:
    void load();
    qint64 elapsedSeconds() const;
    bool update(const QString& recordId, const std::function<void(QJsonObject&)>& edit);

    QString m_caseId;
    QString m_noticeId;
    QString m_interventionId;
    QDateTime m_identifiedAt;
    QVariantList m_entries;
    QJsonObject m_consent;
    QString m_error;
    QTimer* m_timer = nullptr;
};

} // namespace poruch::app
