#include "benchoptions.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

namespace poruch::bench {

BenchOptions::BenchOptions(const QString& description, int serverOptions)
    : m_quick(QStringLiteral("quick"), QStringLiteral("Small smoke run (one repetition)."))
    , m_reps(QStringLiteral("reps"), QStringLiteral("Repetitions."), QStringLiteral("n"), QStringLiteral("5"))
    , m_plain(QStringLiteral("plain"), QStringLiteral("Plain HTTP instead of TLS."))
    , m_maxBody(QStringLiteral("max-body-bytes"),
          QStringLiteral("Fault check: the server refuses request bodies over n bytes (the run must then fail)."),
          QStringLiteral("n"), QStringLiteral("0"))
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOptions({ m_quick, m_reps });
    if (serverOptions & PlainOption)
        m_parser.addOption(m_plain);
    if (serverOptions & MaxBodyOption)
        m_parser.addOption(m_maxBody);
}

void BenchOptions::process(const QCoreApplication& app, const QString& moreLogRules)
{
    m_parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\nporuch.*.info=false") + moreLogRules);
}

int BenchOptions::repetitions() const
{
    return quick() ? 1 : std::max(1, m_parser.value(m_reps).toInt());
}

} // namespace poruch::bench
