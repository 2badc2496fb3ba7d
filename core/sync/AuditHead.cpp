#include "core/sync/AuditHead.h"

#include "core/store/OutletStore.h"

using namespace Qt::StringLiterals;

namespace shiming::sync {

Result<std::optional<protocol::AuditHead>> readAuditHead(store::OutletStore& store)
{
    auto statement = store.database().prepare(u"SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"_s);
    if (!statement)
        return fail(statement.error());
    auto row = statement->step();
    if (!row)
        return fail(row.error());
    if (!*row)
        return std::optional<protocol::AuditHead>();
    return std::optional<protocol::AuditHead>(protocol::AuditHead{statement->int64(0), statement->blob(1)});
}

} // namespace shiming::sync
