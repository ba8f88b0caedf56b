#pragma once

#include <QObject>

class QSocketNotifier;

namespace poruch {

// Turns SIGTERM/SIGINT into a Qt signal through a self-pipe, so shutdown runs in the event loop
// (a signal handler may not touch Qt objects).
class UnixSignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace poruch
