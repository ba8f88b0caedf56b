#pragma once

#include <QByteArray>

namespace poruch::server::office {

// The office page's stylesheet (screen and print) and its small script, served from /office/assets/.
QByteArray officeStylesheet();
QByteArray officeScript();

} // namespace poruch::server::office
