#pragma once

#include "records/record.h"

#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariant>

namespace poruch::records {
class RecordRepository;
} // namespace poruch::records

namespace poruch::forms {
class FormDefinition;
struct FieldDef;
} // namespace poruch::forms

namespace poruch::app {

// One record open in the generic form renderer (qml/forms). Every change is written at once to the
// encrypted store with RecordRepository::saveDraft (autosave: killing the app loses nothing) and
// checked with FormValidator in Draft mode; finalize() needs Mode::Final to pass. A final record is
// read-only; amend() starts a correction. The renderer reads `sections` (the definition of the
// record's own form version) and `body`, and writes through the Q_INVOKABLE setters.
class FormController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString typeLabel READ typeLabel NOTIFY changed)
    Q_PROPERTY(QString caseId READ caseId NOTIFY changed)
    Q_PROPERTY(QString formId READ formId NOTIFY changed)
    Q_PROPERTY(int formVersion READ formVersion NOTIFY changed)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY changed)
    Q_PROPERTY(bool isAmendment READ isAmendment NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY bodyChanged)
    Q_PROPERTY(QVariantList sections READ sections NOTIFY changed)
    Q_PROPERTY(QVariantMap body READ body NOTIFY bodyChanged)
    Q_PROPERTY(QVariantMap issues READ issues NOTIFY issuesChanged)
    Q_PROPERTY(int issueCount READ issueCount NOTIFY issuesChanged)
    Q_PROPERTY(bool finalChecked READ finalChecked NOTIFY issuesChanged)
    Q_PROPERTY(QVariantList members READ members NOTIFY changed)
    // The case's other records for "refersTo": "record" fields: [{id, typeLabel, when, status, journalNumber}],
    // newest first.
    Q_PROPERTY(QVariantList caseRecords READ caseRecords NOTIFY changed)
    Q_PROPERTY(QString savedAt READ savedAt NOTIFY bodyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    explicit FormController(QObject* parent = nullptr);

    QString recordId() const { return m_record.id; }
    void setRecordId(const QString& id);
    bool isLoaded() const { return m_form != nullptr; }
    QString title() const;
    QString typeLabel() const;
    QString caseId() const { return m_record.caseId; }
    QString formId() const { return m_record.formId; }
    int formVersion() const { return m_record.formVersion; }
    bool readOnly() const { return m_record.isFinal(); }
    bool isAmendment() const { return !m_record.amends.isEmpty(); }
    int revision() const { return m_record.revision; }
    QVariantList sections() const { return m_sections; }
    QVariantMap body() const { return m_record.body.toVariantMap(); }
    QVariantMap issues() const { return m_issues; }
    int issueCount() const { return int(m_issues.size()); }
    bool finalChecked() const { return m_finalChecked; }
    QVariantList members() const { return m_members; }
    QVariantList caseRecords() const { return m_caseRecords; }
    QString savedAt() const { return m_savedAt; }
    QString error() const { return m_error; }
    const records::Record& record() const { return m_record; }

    // The body value of a top-level field. Pass `revision` from QML so bindings re-read it after each save.
    Q_INVOKABLE QVariant value(const QString& key, int revision = 0) const;
    // Sets (or, for null / "" / [] / {}, removes) a top-level field and saves at once.
    Q_INVOKABLE bool setValue(const QString& key, const QVariant& value);
    // A part of a consent or signature object (e.g. "policeConsent", "decision").
    Q_INVOKABLE bool setPart(const QString& key, const QString& part, const QVariant& value);
    // "YYYY-MM-DD HH:MM" (or dd.MM.yyyy HH:mm) typed by the user -> ISO 8601 with offset; unparsable text is
    // kept as typed so the validator can say what is wrong and nothing typed is lost.
    Q_INVOKABLE bool setDateTimeText(const QString& key, const QString& text);
    Q_INVOKABLE bool setDateText(const QString& key, const QString& text);
    Q_INVOKABLE QString dateTimeText(const QString& key) const;
    Q_INVOKABLE QString dateText(const QString& key) const;
    Q_INVOKABLE QString nowText() const; // "YYYY-MM-DD HH:MM"
    Q_INVOKABLE QString todayText() const;
    // Catalog checklist of a multi field: [{key, title, items: [{code, text, child, checked}]}], items
    // filtered by a case-insensitive substring; sections with no match are left out.
    Q_INVOKABLE QVariantList catalogGroups(const QString& key, const QString& filter) const;
    Q_INVOKABLE bool toggleCode(const QString& key, const QString& code, bool on);
    Q_INVOKABLE bool toggleMember(const QString& key, const QString& memberId, bool on);
    // Rows of table and participants fields.
    Q_INVOKABLE bool addRow(const QString& key);
    Q_INVOKABLE bool removeRow(const QString& key, int row);
    Q_INVOKABLE bool setCell(const QString& key, int row, const QString& column, const QVariant& value);
    // Signature pad result: base64 PNG ("" clears the signature).
    Q_INVOKABLE bool setSignature(const QString& key, const QString& pngBase64, const QString& signer);

    // Runs FormValidator Mode::Final and shows its issues; returns their number.
    Q_INVOKABLE int checkFinal();
    // Finalizes when Mode::Final passes; the record becomes read-only.
    Q_INVOKABLE bool finalize();
    // A new draft correcting this final record; returns its id.
    Q_INVOKABLE QString amend();
    // Writes the act as a password-protected PDF (AES-256) under <data dir>/exports; returns the file path
    // ("" on failure). exportPassword() is that file's one-time password, to be shown once.
    Q_INVOKABLE QString exportPdf();
    Q_INVOKABLE QString exportPassword() const { return m_exportPassword; }

Q_SIGNALS:
    void recordIdChanged();
    void changed();
    void bodyChanged();
    void issuesChanged();
    void errorChanged();

private:
    void load(QString id); // by value: callers pass m_record.id, which load() resets
    bool save(QJsonObject body);
    void validate(bool final);
    void loadCaseRecords(records::RecordRepository& repo);
    void setError(const QString& error);
    const forms::FieldDef* field(const QString& key) const;

    records::Record m_record;
    const forms::FormDefinition* m_form = nullptr;
    QVariantList m_sections;
    QVariantList m_members;
    QStringList m_memberIds;
    QVariantList m_caseRecords;
    QStringList m_caseRecordIds;
    QHash<QString, QString> m_memberNames;
    QVariantMap m_issues;
    bool m_finalChecked = false;
    QString m_savedAt;
    QString m_error;
    QString m_exportPassword;
};

} // namespace poruch::app
