#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

class QCoreApplication;

namespace poruch::bench {

// The command line every bench program shares: --quick (a small smoke run with one repetition) and
// --reps N (default 5); the server benches also take --plain (HTTP instead of TLS) and --max-body-bytes N
// (fault check: the server refuses larger bodies, so the run must fail). A program adds its own options to
// parser() before process().
class BenchOptions {
public:
    enum ServerOption { NoServerOptions = 0, PlainOption = 1, MaxBodyOption = 2 }; // may be or-ed
    explicit BenchOptions(const QString& description, int serverOptions = NoServerOptions);

    QCommandLineParser& parser() { return m_parser; }
    // Parses (exits on --help or an error) and silences debug/info logs, which would dominate the timings
    // (plus `moreLogRules`, e.g. "\nqt.*.warning=false").
    void process(const QCoreApplication& app, const QString& moreLogRules = {});

    bool quick() const { return m_parser.isSet(m_quick); }
    int repetitions() const; // 1 with --quick
    bool tls() const { return !m_parser.isSet(m_plain); }
    int maxBodyBytes() const { return m_parser.value(m_maxBody).toInt(); } // 0: the server's default

private:
    QCommandLineParser m_parser;
    const QCommandLineOption m_quick;
    const QCommandLineOption m_reps;
    const QCommandLineOption m_plain;
    const QCommandLineOption m_maxBody;
};

} // namespace poruch::bench
