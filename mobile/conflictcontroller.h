#pragma once

#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariant>

namespace poruch::app {

// One sync conflict on the conflicts page: both revisions of the record side by side, field by field
// (labels and values laid out by the record's form version). The user picks the tablet's or the
// server's value per field (or edits a text field); resolve() hands the merged body to SyncStatus.
class ConflictController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY changed)
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
public:
    explicit ConflictController(QObject* parent = nullptr);

    QString recordId() const { return m_recordId; }
    void setRecordId(const QString& id);
    QVariantList rows() const { return m_rows; }
    QString title() const { return m_title; }

    // side: "local" or "remote".
    Q_INVOKABLE void choose(const QString& key, const QString& side);
    Q_INVOKABLE void edit(const QString& key, const QString& text);
    Q_INVOKABLE QJsonObject mergedBody() const;
    Q_INVOKABLE bool resolve();

Q_SIGNALS:
    void changed();

private:
    void build();

    QString m_recordId;
    QString m_title;
    QJsonObject m_local;
    QJsonObject m_remote;
    QVariantList m_rows;
    QHash<QString, QString> m_choice; // key -> "local" / "remote" / "edited"
    QHash<QString, QString> m_edited;
};

} // namespace poruch::app
