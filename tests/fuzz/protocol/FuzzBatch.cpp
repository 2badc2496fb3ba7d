// Feeds arbitrary bytes to every protocol decoder: none may crash, hang or accept a record whose hash is wrong.
#include "core/protocol/Batch.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/CredentialBundle.h"
#include "core/protocol/FeedPage.h"
#include "core/protocol/Sha256.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (auto batch = shiming::protocol::decodeBatch(bytes)) {
        for (const auto& record : batch->records) {
            if (record.invalidReason.isEmpty() && shiming::protocol::sha256(record.contentCbor) != record.contentHash)
                std::abort();
        }
    }
    (void)shiming::protocol::decodeBatchAnswer(bytes);
    (void)shiming::protocol::decodeFeedPage(bytes);
    (void)shiming::protocol::CredentialBundle::fromJson(bytes);
    return 0;
}
