#include "caseloadmodel.h"

#include "applogging.h"
#include "appsession.h"
#include "records/casecategories.h"
#include "store/database.h"

#include <QSet>

namespace poruch::app {

using records::Case;

CaseloadModel::CaseloadModel(QObject* parent)
    : QAbstractListModel(parent)
{
    if (auto* session = AppSession::instance())
        connect(session, &AppSession::dataChanged, this, &CaseloadModel::reload);
    reload();
}

int CaseloadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CaseloadModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const records::CaseSummary& row = m_rows.at(index.row());
    switch (role) {
    case CaseIdRole:
        return row.id;
    case TitleRole:
        return row.title.isEmpty() ? tr("New household (no members yet)") : row.title;
    case AddressRole:
        return row.address;
    case PhoneRole:
        return row.phone;
    case StatusRole:
        return records::caseStatusId(row.status);
    case ComplexityRole:
        return records::complexityId(row.complexity);
    case DisplacedRole:
        return row.internallyDisplaced;
    case UpdatedAtRole:
        return row.updatedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> CaseloadModel::roleNames() const
{
    return {
        { CaseIdRole, "caseId" },
        { TitleRole, "title" },
        { AddressRole, "address" },
        { PhoneRole, "phone" },
        { StatusRole, "status" },
        { ComplexityRole, "complexity" },
        { DisplacedRole, "displaced" },
        { UpdatedAtRole, "updatedAt" },
    };
}

void CaseloadModel::setSearchText(const QString& text)
{
    if (m_searchText == text)
        return;
    m_searchText = text;
    Q_EMIT filtersChanged();
    reload();
}

void CaseloadModel::setStatusFilter(const QString& status)
{
    if (m_statusFilter == status)
        return;
    m_statusFilter = status;
    Q_EMIT filtersChanged();
    reload();
}

void CaseloadModel::setCategoryFilter(const QString& code)
{
    if (m_categoryFilter == code)
        return;
    m_categoryFilter = code;
    Q_EMIT filtersChanged();
    reload();
}

void CaseloadModel::setDisplacedOnly(bool only)
{
    if (m_displacedOnly == only)
        return;
    m_displacedOnly = only;
    Q_EMIT filtersChanged();
    reload();
}

QVariantList CaseloadModel::categories() const
{
    QVariantList list;
    for (const records::CaseCategory& category : records::caseCategories())
        list << QVariantMap { { QStringLiteral("code"), category.code }, { QStringLiteral("label"), category.label } };
    return list;
}

QString CaseloadModel::caseIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

void CaseloadModel::reload()
{
    QList<records::CaseSummary> rows;
    auto* session = AppSession::instance();
    records::RecordRepository* repo = session ? session->repository() : nullptr;
    if (repo) {
        std::optional<Case::Status> status;
        if (m_statusFilter == QLatin1String("open"))
            status = Case::Status::Open;
        else if (m_statusFilter == QLatin1String("closed"))
            status = Case::Status::Closed;

        Result<QList<records::CaseSummary>> found = QList<records::CaseSummary>();
        if (!m_searchText.trimmed().isEmpty()) {
            found = repo->searchCases(m_searchText, searchLimit);
        } else {
            records::CaseloadQuery query;
            query.status = status;
            auto total = repo->countCases(status);
            query.limit = total ? qMax(1, total.value()) : 50;
            found = repo->listCaseload(query);
        }
        if (!found) {
            qCWarning(lcApp) << "caseload query failed:" << found.error().code;
        } else {
            // Category codes are not part of CaseSummary: ask the store which cases carry the code.
            QSet<QString> inCategory;
            if (!m_categoryFilter.isEmpty() && session->database()) {
                auto st = session->database()->prepare(
                    QStringLiteral("SELECT id FROM cases WHERE categories LIKE ?1 ESCAPE '\\'"));
                if (st) {
                    QString code = m_categoryFilter;
                    code.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                        .replace(QLatin1Char('%'), QLatin1String("\\%"))
                        .replace(QLatin1Char('_'), QLatin1String("\\_"));
                    st->bind(1, QStringLiteral("%\"") + code + QStringLiteral("\"%"));
                    while (true) {
                        auto has = st->step();
                        if (!has || !has.value())
                            break;
                        inCategory.insert(st->text(0));
                    }
                }
            }
            for (const records::CaseSummary& summary : found.value()) {
                if (status && summary.status != *status)
                    continue;
                if (m_displacedOnly && !summary.internallyDisplaced)
                    continue;
                if (!m_categoryFilter.isEmpty() && !inCategory.contains(summary.id))
                    continue;
                rows << summary;
            }
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT countChanged();
}

} // namespace poruch::app
