#pragma once

#include "cli/CommandLine.h"

#include <QJsonObject>

#include <pqxx/transaction_base>

namespace shiming::hq {

/// The halls' compliance findings at HQ (table compliance_findings, written by the ledger from the outlets'
/// finding records): for the regional compliance auditor.
namespace findings {

/// Per outlet: spot-check verdicts received (checked), open problems, alerts unacknowledged and acknowledged,
/// each counting a finding once in its latest state. For `shiming-hq stats`.
QJsonObject figuresByOutlet(pqxx::transaction_base& tx);

/// `shiming-hq findings --pg URL [--outlet ID] [--from DATE] [--to DATE] [--open] [--json]`: each finding in
/// its latest state with the records, actor and note the hall sent, and how many states HQ holds of it.
int command(const QStringList& args, const cli::Io& io);

} // namespace findings
} // namespace shiming::hq
