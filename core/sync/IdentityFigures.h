#pragma once

#include "core/common/Error.h"
#include "core/registration/Policy.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace shiming::store {
class OutletStore;
}

namespace shiming::sync {

/// Downlink kind of HQ's per-identity figures. Key: the identity's HMAC under the enrolment bundle's identity
/// key (protocol::identityHash, as the risk list); payload JSON {"count": n, "hqTime": ms}.
inline constexpr QStringView IdentityCountKind = u"identity_count";

/// HQ's number of active registrations for one identity with this outlet's operator, and when HQ said it.
struct IdentityFigure {
    int count = 0;
    qint64 hqTimeMs = 0;
};

/// One figure from a batch answer, for the identity `key` (identityHash).
struct IdentityFigureUpdate {
    QString key;
    int count = 0;
};

/// The key a figure is stored under: the same HMAC HQ and the risk list use. Empty when `identityKey` is empty
/// (not enrolled). `documentType` is the storage key (registration::documentTypeStorageKey).
QString identityFigureKey(const QByteArray& identityKey, const QString& documentType, const QString& documentNumber);

/// Stores the figures of one batch answer (HQ's time `hqTimeMs`) in one transaction: a figure replaces the
/// stored one unless that is newer (by HQ's time); within the list a later entry for the same key wins (HQ
/// decided the batch in that order). Returns how many were written. An empty list writes nothing.
Result<int> storeIdentityFigures(store::OutletStore& store, const QList<IdentityFigureUpdate>& figures,
                                 qint64 hqTimeMs);

/// HQ's last figure for an identity, or nullopt when HQ never sent one (or the stored payload is unreadable).
Result<std::optional<IdentityFigure>> identityFigure(store::OutletStore& store, const QString& key);

/// This outlet's holdings for the per-identity limit: its live (not voided, not rejected) registrations under
/// the document number, and when HQ sent a figure for the identity, that figure plus this outlet's live records
/// of the document number HQ has not answered yet (it cannot have counted them). IdentityHoldings::effective()
/// is then max(local live, HQ's figure + unanswered). Without an identity key (not enrolled) only local records.
Result<registration::IdentityHoldings> identityHoldings(store::OutletStore& store, const QByteArray& identityKey,
                                                        DocumentType type, const QString& number);

} // namespace shiming::sync
