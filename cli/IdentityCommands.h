#pragma once

#include "cli/CommandLine.h"

namespace shiming::cli {

/// `shimingctl validate --type TYPE VALUE [--json] [--today YYYY-MM-DD]`: validates one document number, MRZ
/// (lines separated by newline or '|'), USCC, ICCID or mobile number. VALUE "-" reads it from stdin.
/// Exit 0 valid, 1 invalid, 2 usage error.
QList<Command> identityCommands();

/// The validate command alone (for tests).
int runValidateCommand(const QStringList& args, const Io& io);

} // namespace shiming::cli
