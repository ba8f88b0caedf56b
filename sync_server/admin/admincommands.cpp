#include "admincommands.h"

#include "auth/passwordhash.h"
#include "demodata.h"
#include "records/jsonreader.h"
#include "server/serverconfig.h"
#include "storage/embeddedstore.h"
#include "sync/syncservice.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>
#include <QUuid>

#include <cstdio>

namespace poruch::server {

namespace {

const char* usage = R"(Commands:
  check-config                          validate the configuration file
  create-user USER --role ROLE --name NAME [--unit UNIT] [--password-stdin]
                                        roles: social_worker, mobile_brigade, children_service, office, admin
  set-role USER ROLE                    change a user's role
  assign USER CASE_ID                   add a case to a user's caseload
  unassign USER CASE_ID                 remove a case from a user's caseload
  enroll-code USER                      print a one-time tablet enrollment code (valid 24 hours)
  revoke-device DEVICE_ID               the tablet wipes itself at its next contact
  revoke-user USER                      all of the user's tablets wipe themselves at next contact
  list-users                            user names, roles, units, state
  list-devices                          devices, their users and state
  check                                 integrity check of the encrypted store
  backup FILE                           online backup into a new encrypted file (same key)
  counts                                number of users, devices, cases, records, conflicts, audit entries
  seed-demo                             fill a NEW store with invented demo users and families)";

int fail(const QString& message, int code = 1)
{
    std::fprintf(stderr, "poruch-admin: %s\n", qPrintable(message));
    return code;
}

QString actor()
{
    const QString user = qEnvironmentVariable("USER");
    return QStringLiteral("cli:%1").arg(user.isEmpty() ? QStringLiteral("unknown") : user);
}

Result<User> userNamed(ServerStore& store, const QString& username)
{
    const auto user = store.findUserByName(username);
    if (!user)
        return user.error();
    if (!*user)
        return Error { QStringLiteral("not_found"), QStringLiteral("no user named \"%1\"").arg(username) };
    return **user;
}

} // namespace

int runAdminCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Poruch server administration.\n\n") + QString::fromLatin1(usage));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"), QStringLiteral("Server configuration (JSON)."), QStringLiteral("file"));
    const QCommandLineOption roleOption(
        QStringLiteral("role"), QStringLiteral("Role of a new user."), QStringLiteral("role"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"), QStringLiteral("Display name of a new user."), QStringLiteral("name"));
    const QCommandLineOption unitOption(QStringLiteral("unit"), QStringLiteral("Unit (community) of a new user."),
        QStringLiteral("unit"), QStringLiteral("default"));
    const QCommandLineOption passwordOption(
        QStringLiteral("password-stdin"), QStringLiteral("Read the new user's web password from standard input."));
    parser.addOptions({ configOption, roleOption, nameOption, unitOption, passwordOption });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see above)."));
    if (!parser.parse(arguments))
        return fail(parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s\n", qPrintable(parser.helpText()));
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("poruch-admin %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return fail(QStringLiteral("no command given (try --help)"), 2);
    if (!parser.isSet(configOption))
        return fail(QStringLiteral("--config FILE is required"), 2);
    const QString command = args.first();
    struct Arity {
        const char* name;
        int count;
    };
    static const Arity arities[] = { { "check-config", 0 }, { "create-user", 1 }, { "set-role", 2 }, { "assign", 2 },
        { "unassign", 2 }, { "enroll-code", 1 }, { "revoke-device", 1 }, { "revoke-user", 1 }, { "list-users", 0 },
        { "list-devices", 0 }, { "check", 0 }, { "backup", 1 }, { "counts", 0 }, { "seed-demo", 0 } };
    int expected = -1;
    for (const auto& arity : arities) {
        if (command == QLatin1String(arity.name))
            expected = arity.count;
    }
    if (expected < 0)
        return fail(QStringLiteral("unknown command \"%1\" (try --help)").arg(command), 2);
    if (args.size() - 1 != expected)
        return fail(QStringLiteral("%1 takes %2 argument(s) (try --help)").arg(command).arg(expected), 2);

    const auto config = loadServerConfig(parser.value(configOption));
    if (!config)
        return fail(config.error().message);
    if (command == QLatin1String("check-config")) {
        std::printf("configuration ok\n");
        return 0;
    }

    if (auto prepared = prepareDataDir(config->dataDir); !prepared)
        return fail(prepared.error().message);
    auto opened = EmbeddedStore::open(config->dataDir, config->storeKeyFile);
    if (!opened)
        return fail(QStringLiteral("cannot open the store: %1").arg(opened.error().message));
    ServerStore& store = **opened;
    SyncService service(store);

    if (command == QLatin1String("create-user")) {
        const auto role = roleFromId(parser.value(roleOption));
        if (!role)
            return fail(QStringLiteral("--role must be one of: %1").arg(roleIds().join(QStringLiteral(", "))), 2);
        if (parser.value(nameOption).trimmed().isEmpty())
            return fail(QStringLiteral("--name is required"), 2);
        User user;
        user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        user.username = args.at(1);
        user.displayName = parser.value(nameOption).trimmed();
        user.role = *role;
        user.unit = parser.value(unitOption);
        user.createdAt = QDateTime::currentDateTimeUtc();
        if (parser.isSet(passwordOption)) {
            QTextStream in(stdin);
            const QString password = in.readLine();
            if (password.size() < 10)
                return fail(QStringLiteral("the password must have at least 10 characters"), 2);
            user.passwordHash = hashPassword(password);
        }
        static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9._-]{3,40}$"));
        if (!namePattern.match(user.username).hasMatch())
            return fail(QStringLiteral("user names are 3-40 characters of a-z, 0-9, '.', '_' or '-'"), 2);
        auto done = store.transaction([&]() -> Result<void> {
            if (auto inserted = store.insertUser(user); !inserted)
                return inserted;
            return store.appendAudit(AuditEntry { 0, user.createdAt, actor(), QString(), QStringLiteral("user.create"),
                QString(), QString(), QStringLiteral("user %1 role %2").arg(user.id, roleId(user.role)) });
        });
        if (!done)
            return fail(done.error().code == QLatin1String("store.constraint")
                        && done.error().message.contains(QLatin1String("UNIQUE"))
                    ? QStringLiteral("a user named \"%1\" already exists").arg(user.username)
                    : done.error().message);
        std::printf("%s\n", qPrintable(user.id));
        return 0;
    }
    if (command == QLatin1String("list-users")) {
        const auto users = store.listUsers();
        if (!users)
            return fail(users.error().message);
        for (const User& user : *users)
            std::printf("%s\t%s\t%s\t%s\n", qPrintable(user.username), qPrintable(roleId(user.role)),
                qPrintable(user.unit), user.revoked ? "revoked" : "active");
        return 0;
    }
    if (command == QLatin1String("list-devices")) {
        const auto devices = store.listDevices();
        if (!devices)
            return fail(devices.error().message);
        for (const Device& device : *devices)
            std::printf("%s\t%s\t%s\t%s\n", qPrintable(device.id), qPrintable(device.userId),
                qPrintable(device.enrolledAt.toString(Qt::ISODate)), device.revoked() ? "revoked" : "active");
        return 0;
    }
    if (command == QLatin1String("check")) {
        if (auto checked = store.integrityCheck(); !checked)
            return fail(checked.error().message);
        std::printf("store ok\n");
        return 0;
    }
    if (command == QLatin1String("backup")) {
        if (auto saved = store.backupTo(args.at(1)); !saved)
            return fail(saved.error().message);
        std::printf("backup written to %s\n", qPrintable(args.at(1)));
        return 0;
    }
    if (command == QLatin1String("counts")) {
        const auto counts = store.counts();
        if (!counts)
            return fail(counts.error().message);
        std::printf("%s\n", QJsonDocument(*counts).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    if (command == QLatin1String("seed-demo")) {
        const auto accounts = seedDemoData(store);
        if (!accounts)
            return fail(accounts.error().message);
        std::printf("office login: demo-office / %s\nfield worker: %s\n", qPrintable(accounts->officePassword),
            qPrintable(accounts->workerUsername));
        return 0;
    }
    if (command == QLatin1String("revoke-device")) {
        if (auto revoked = service.revokeDevice(args.at(1), actor()); !revoked)
            return fail(revoked.error().message);
        std::printf("device %s revoked\n", qPrintable(args.at(1)));
        return 0;
    }

    // The rest name a user.
    const auto user = userNamed(store, args.at(1));
    if (!user)
        return fail(user.error().message);
    if (command == QLatin1String("set-role")) {
        const auto role = roleFromId(args.at(2));
        if (!role)
            return fail(QStringLiteral("role must be one of: %1").arg(roleIds().join(QStringLiteral(", "))), 2);
        User changed = *user;
        changed.role = *role;
        auto done = store.transaction([&]() -> Result<void> {
            if (auto updated = store.updateUser(changed); !updated)
                return updated;
            return store.appendAudit(
                AuditEntry { 0, QDateTime::currentDateTimeUtc(), actor(), QString(), QStringLiteral("user.set_role"),
                    QString(), QString(), QStringLiteral("user %1 role %2").arg(changed.id, roleId(changed.role)) });
        });
        if (!done)
            return fail(done.error().message);
        std::printf("role of %s is now %s\n", qPrintable(changed.username), qPrintable(roleId(changed.role)));
        return 0;
    }
    if (command == QLatin1String("assign") || command == QLatin1String("unassign")) {
        if (!records::isCanonicalUuid(args.at(2)))
            return fail(QStringLiteral("CASE_ID must be a case UUID"), 2);
        const bool assign = command == QLatin1String("assign");
        auto done = assign ? service.assignCase(user->id, args.at(2), actor())
                           : service.unassignCase(user->id, args.at(2), actor());
        if (!done)
            return fail(done.error().message);
        std::printf("%s %s\n", assign ? "assigned" : "unassigned", qPrintable(args.at(2)));
        return 0;
    }
    if (command == QLatin1String("enroll-code")) {
        const auto code = service.createEnrollmentCode(user->id, actor());
        if (!code)
            return fail(code.error().message);
        std::printf("%s\n", qPrintable(*code));
        return 0;
    }
    if (command == QLatin1String("revoke-user")) {
        if (auto revoked = service.revokeUser(user->id, actor()); !revoked)
            return fail(revoked.error().message);
        std::printf("user %s revoked\n", qPrintable(user->username));
        return 0;
    }
    return fail(QStringLiteral("unknown command \"%1\"").arg(command), 2);
}

} // namespace poruch::server
