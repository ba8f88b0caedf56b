#include "servertypes.h"

namespace poruch::server {

namespace {
struct RoleName {
    Role role;
    const char* id;
};
constexpr RoleName roleNames[] = {
    { Role::SocialWorker, "social_worker" },
    { Role::MobileBrigade, "mobile_brigade" },
    { Role::ChildrenService, "children_service" },
    { Role::Office, "office" },
    { Role::Admin, "admin" },
};
} // namespace

QString roleId(Role role)
{
    for (const auto& name : roleNames) {
        if (name.role == role)
            return QString::fromLatin1(name.id);
    }
    return QString();
}

std::optional<Role> roleFromId(const QString& id)
{
    for (const auto& name : roleNames) {
        if (id == QLatin1String(name.id))
            return name.role;
    }
    return std::nullopt;
}

QStringList roleIds()
{
    QStringList ids;
    for (const auto& name : roleNames)
        ids << QString::fromLatin1(name.id);
    return ids;
}

bool isOfficeRole(Role role)
{
    return role == Role::Office || role == Role::Admin;
}

} // namespace poruch::server
