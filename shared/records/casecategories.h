#pragma once

#include <QList>
#include <QString>

namespace poruch::records {

// Who the procedure covers (seed 001 §1.6): stable codes with their Ukrainian labels. Data, not logic:
// a case stores codes only; labels are for display. The list carries a version so that a later
// community-specific list can be told apart.
struct CaseCategory {
    QString code;
    QString label;
};

inline constexpr int kCaseCategoriesVersion = 1;
const QList<CaseCategory>& caseCategories();
bool isCaseCategory(const QString& code);
QString caseCategoryLabel(const QString& code); // empty for unknown codes

} // namespace poruch::records
