#pragma once

#include "core/common/Error.h"
#include "core/protocol/SyncRecord.h"
#include "core/registration/Registration.h"

namespace shiming::sync {

/// Turns the outlet's Registration into what HQ receives: the fields HQ checks up front (customer document,
/// operator, number, ICCID), every media item as raw bytes, and the rest of the record in `extra` so HQ keeps
/// the whole registration.
Result<protocol::RecordContent> toRecordContent(const registration::Registration& record, const QString& operatorCode);

} // namespace shiming::sync
