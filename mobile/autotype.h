#pragma once

#include <QJsonObject>
#include <QString>

namespace poruch::app {

class AppSession;

// Test hook for the kill test (tests/app/tst_killtest): types into a notice draft one change at a time
// through FormController, the object the form renderer writes through, and prints "ack <step>" after
// each change returned from the store. The test kills the process at random points, restarts it with
// --test-dump-record and checks the stored body equals autotypeBodyAt(last ack) or the step after.
namespace autotype {
int stepCount();
// The body fields the script has set after `steps` changes (0 = none).
QJsonObject bodyAt(int steps);
// Sets up or unlocks with pin, resumes or starts the draft (its id is kept in <dataDir>/autotype.record),
// prints "record <id>" then types. Returns the process exit code.
int run(AppSession& session, const QString& pin);
} // namespace autotype

} // namespace poruch::app
