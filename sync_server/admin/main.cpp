// poruch-admin: administration of a poruch-server data folder from the command line.
#include "admincommands.h"
#include "core/version.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("poruch-admin"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(poruch::versionString));
    return poruch::server::runAdminCommand(QCoreApplication::arguments());
}
