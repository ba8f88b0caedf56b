#include "records/casecategories.h"

namespace poruch::records {

const QList<CaseCategory>& caseCategories()
{
    // Order and wording follow 001 §1.6; codes never change once shipped.
    static const QList<CaseCategory> table {
        { QStringLiteral("vulnerable_or_difficult"),
            QStringLiteral("Діти, сім'ї з дітьми, особи та вагітні жінки з числа вразливих груп населення або ті, що "
                           "перебувають у складних життєвих обставинах") },
        { QStringLiteral("child_abuse_or_threat"),
            QStringLiteral("Діти, щодо яких встановлено або отримано інформацію (у тому числі ймовірну) про чинники "
                           "СЖО, жорстоке поводження, загрозу життю або здоров'ю") },
        { QStringLiteral("children_removed"),
            QStringLiteral("Сім'ї, у яких дітей відібрано у батьків без позбавлення їх батьківських прав") },
        { QStringLiteral("divorce_residence_dispute"),
            QStringLiteral("Сім'ї, де триває розлучення батьків і вирішується спір щодо місця проживання дітей, "
                           "участі батьків у їх вихованні") },
        { QStringLiteral("parent_long_illness"),
            QStringLiteral("Сім'ї з дітьми, в яких тривала хвороба батьків перешкоджає виконувати батьківські "
                           "обов'язки") },
        { QStringLiteral("disability"),
            QStringLiteral("Сім'ї, у яких виховуються діти з інвалідністю, та сім'ї з дітьми, у яких батьки мають "
                           "інвалідність") },
        { QStringLiteral("parental_rights_restored"),
            QStringLiteral("Сім'ї, у яких батьків поновлено в батьківських правах") },
        { QStringLiteral("labour_migrant_parents"),
            QStringLiteral("Сім'ї з дітьми, де батьки є трудовими мігрантами") },
        { QStringLiteral("low_income"), QStringLiteral("Малозабезпечені сім'ї з дітьми") },
        { QStringLiteral("children_in_institutions"),
            QStringLiteral("Сім'ї, діти яких перебувають у закладах інституційного догляду та виховання") },
        { QStringLiteral("children_in_patronage"),
            QStringLiteral("Сім'ї, дітей з яких влаштовано в сім'ю патронатного вихователя") },
        { QStringLiteral("children_run_away"),
            QStringLiteral("Сім'ї, у яких діти систематично самовільно залишають місце проживання") },
        { QStringLiteral("children_skip_school"),
            QStringLiteral("Сім'ї, у яких діти систематично без поважних причин не відвідують заклади освіти") },
        { QStringLiteral("newborn_abandonment_intent"),
            QStringLiteral("Жінки, які виявили намір відмовитися від новонародженої дитини") },
        { QStringLiteral("underage_single_parent"), QStringLiteral("Неповнолітні одинокі матері (батьки)") },
        { QStringLiteral("family_based_care"),
            QStringLiteral("Діти, які перебувають на вихованні в сім'ях опікунів, піклувальників, прийомних сім'ях, "
                           "дитячих будинках сімейного типу") },
        { QStringLiteral("care_leavers"),
            QStringLiteral("Особи з числа дітей-сиріт і дітей, позбавлених батьківського піклування") },
    };
    return table;
}

bool isCaseCategory(const QString& code)
{
    return !caseCategoryLabel(code).isEmpty();
}

QString caseCategoryLabel(const QString& code)
{
    for (const CaseCategory& category : caseCategories()) {
        if (category.code == code)
            return category.label;
    }
    return {};
}

} // namespace poruch::records
