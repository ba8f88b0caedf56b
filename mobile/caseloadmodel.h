#pragma once

#include "records/recordrepository.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace poruch::app {

// The caseload list (home page): every case on the tablet, most recently updated first, or the result
// of a search (Ukrainian, case-insensitive, name / address / phone via RecordRepository::searchCases),
// narrowed by status, category and "internally displaced". Reloads when the session's data changes.
class CaseloadModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filtersChanged)
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filtersChanged)
    Q_PROPERTY(QString categoryFilter READ categoryFilter WRITE setCategoryFilter NOTIFY filtersChanged)
    Q_PROPERTY(bool displacedOnly READ displacedOnly WRITE setDisplacedOnly NOTIFY filtersChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QVariantList categories READ categories CONSTANT)
public:
    enum Role {
        CaseIdRole = Qt::UserRole + 1,
        TitleRole,
        AddressRole,
        PhoneRole,
        StatusRole,
        ComplexityRole,
        DisplacedRole,
        UpdatedAtRole,
    };
    Q_ENUM(Role)

    explicit CaseloadModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);
    QString statusFilter() const { return m_statusFilter; }
    void setStatusFilter(const QString& status);
    QString categoryFilter() const { return m_categoryFilter; }
    void setCategoryFilter(const QString& code);
    bool displacedOnly() const { return m_displacedOnly; }
    void setDisplacedOnly(bool only);
    int count() const { return int(m_rows.size()); }
    // [{code, label}] of the case categories of 001 §1.6, for the filter.
    QVariantList categories() const;

    Q_INVOKABLE void reload();
    Q_INVOKABLE QString caseIdAt(int row) const;

    static constexpr int searchLimit = 200;

Q_SIGNALS:
    void filtersChanged();
    void countChanged();

private:
    QList<records::CaseSummary> m_rows;
    QString m_searchText;
    QString m_statusFilter;
    QString m_categoryFilter;
    bool m_displacedOnly = false;
};

} // namespace poruch::app
