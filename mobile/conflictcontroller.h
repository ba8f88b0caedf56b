#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariant>

namespace poruch::app {

// One sync conflict on the conflicts page: both revisions of the record side by side, field by field
// (labels and values laid out by the record's form version). The user keeps all of the tablet's or
// the server's version, or picks a side per field (or edits a text field); the resolution is written
// through LocalSyncStore on top of the server's revision and goes out with the next synchronisation.
class ConflictController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY changed)
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(bool remoteKnown READ remoteKnown NOTIFY changed)
public:
    explicit ConflictController(QObject* parent = nullptr);

    QString recordId() const { return m_recordId; }
    void setRecordId(const QString& id);
    QVariantList rows() const { return m_rows; }
    QString title() const { return m_title; }
    QString error() const { return m_error; }
    bool remoteKnown() const { return m_remoteKnown; }

    // side: "local" or "remote".
    Q_INVOKABLE void choose(const QString& key, const QString& side);
    Q_INVOKABLE void edit(const QString& key, const QString& text);
    Q_INVOKABLE QJsonObject mergedBody() const;
    // Per field: the server's version with the fields chosen "local" taken from the tablet, then the
    // edited texts on top.
    Q_INVOKABLE bool resolve();
    Q_INVOKABLE bool keepMine();
    Q_INVOKABLE bool keepTheirs();

Q_SIGNALS:
    void changed();

private:
    void build();
    bool finish(const Error* error);

    QString m_recordId;
    QString m_title;
    QString m_error;
    bool m_remoteKnown = false;
    QJsonObject m_local;
    QJsonObject m_remote;
    QVariantList m_rows;
    QHash<QString, QString> m_choice; // key -> "local" / "remote" / "edited"
    QHash<QString, QString> m_edited;
};

} // namespace poruch::app
