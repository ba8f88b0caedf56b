#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariant>

namespace poruch::app {

// The case card: the household's members, the timeline of its records (oldest first), adding members
// and records of any type. Open tasks come from a DeadlineModel with the same caseId.
class CaseController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    Q_PROPERTY(QString address READ address NOTIFY loaded)
    Q_PROPERTY(QString phone READ phone NOTIFY loaded)
    Q_PROPERTY(bool displaced READ displaced NOTIFY loaded)
    Q_PROPERTY(QString categoriesText READ categoriesText NOTIFY loaded)
    Q_PROPERTY(QVariantList members READ members NOTIFY loaded)
    Q_PROPERTY(QVariantList records READ records NOTIFY loaded)
    Q_PROPERTY(QVariantList recordTypes READ recordTypes CONSTANT)
    Q_PROPERTY(QVariantList relations READ relations CONSTANT)
    Q_PROPERTY(QString error READ error NOTIFY loaded)
public:
    explicit CaseController(QObject* parent = nullptr);

    QString caseId() const { return m_caseId; }
    void setCaseId(const QString& caseId);
    QString title() const { return m_title; }
    QString address() const { return m_address; }
    QString phone() const { return m_phone; }
    bool displaced() const { return m_displaced; }
    QString categoriesText() const { return m_categoriesText; }
    QVariantList members() const { return m_members; }
    QVariantList records() const { return m_records; }
    QVariantList recordTypes() const;
    QVariantList relations() const;
    QString error() const { return m_error; }

    Q_INVOKABLE void reload();
    // A new draft of the type (latest form version) in this case; returns its id, "" on failure.
    Q_INVOKABLE QString createRecord(const QString& typeId);
    // birthDate "YYYY-MM-DD" or "" (unknown).
    Q_INVOKABLE bool addMember(const QString& fullName, bool child, const QString& birthDate, const QString& relation);
    Q_INVOKABLE bool updateContacts(const QString& address, const QString& phone, bool displaced);
    // "New notice" on the home page: a new household and a notice draft. Returns {caseId, recordId}.
    Q_INVOKABLE QVariantMap createCaseWithNotice();

Q_SIGNALS:
    void caseIdChanged();
    void loaded();

private:
    QString m_caseId;
    QString m_title;
    QString m_address;
    QString m_phone;
    bool m_displaced = false;
    QString m_categoriesText;
    QVariantList m_members;
    QVariantList m_records;
    QString m_error;
};

} // namespace poruch::app
