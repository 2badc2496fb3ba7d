#pragma once

#include "core/common/Error.h"
#include "core/protocol/Batch.h"

#include <optional>

namespace shiming::store {
class OutletStore;
}

namespace shiming::sync {

/// The head of the outlet's hash-chained audit log (last entry id and hash) as it stands, for HQ: every batch
/// carries it, so HQ notices a database that went back to an older copy. Reads the store's audit table
/// directly (no store API change); nullopt for an empty log.
Result<std::optional<protocol::AuditHead>> readAuditHead(store::OutletStore& store);

} // namespace shiming::sync
