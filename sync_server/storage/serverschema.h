#pragma once

#include "store/migration.h"

namespace poruch::server {

// Schema of the embedded server store, as forward-only migrations (user_version).
QList<store::Migration> serverSchemaMigrations();

} // namespace poruch::server
