#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/registration/Registration.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <random>

namespace shiming::store {

class OutletStore;

/// Realistic fake registrations for demos, benchmarks and tests: Chinese names (some with characters outside
/// the BMP such as 𠮷, some minority names with the middle dot), valid resident ID numbers (GB 11643 check
/// character), addresses, packages, numbers, ICCIDs with a Luhn check, a chip photo, a ~20 KB live photo
/// (drawn with OpenCV, JPEG) and a signature (PNG). Photos come from a pool generated once per generator
/// (`photoPoolSize`), so large seeds share photo blobs (the store keeps each distinct blob once).
class DemoDataGenerator {
public:
    explicit DemoDataGenerator(quint32 seed = 20261128, int photoPoolSize = 32);

    /// A random person's resident ID card as a reader would deliver it.
    IdentityDocument person(QDate today);
    /// A complete registration by `clerk` at `at`.
    registration::Registration registration(const QString& clerk, const QDateTime& at);
    /// A later transaction on the number of `earlier` (a new number): its holder re-verifies, replaces the SIM
    /// (a new ICCID), cancels, or transfers it to a new random person (the holder as CurrentHolder).
    registration::Registration transaction(const registration::Registration& earlier, registration::Transaction t,
                                           const QString& clerk, const QDateTime& at);

    QByteArray livePhoto();
    QByteArray chipPhoto();
    QByteArray signature();

    /// A JPEG of about `targetBytes` (a drawn face with noise); `variant` varies the drawing.
    static QByteArray drawPhoto(int variant, int width, int height, int targetBytes);
    /// A PNG signature: a few random pen strokes.
    static QByteArray drawSignature(int variant);

private:
    std::mt19937 m_rng;
    QList<QByteArray> m_live;
    QList<QByteArray> m_chip;
    QList<QByteArray> m_signatures;
    int m_poolSize;
    qint64 m_counter = 0;

    int pick(int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(m_rng)); }
    const QByteArray& pooled(QList<QByteArray>& pool, const std::function<QByteArray(int)>& make);
};

/// Seeds `count` registrations spread over the last `days` days (chronological, 09:00–21:00 local), in
/// transactions of `batchSize`. `progress` (optional) is called after each batch with the number written.
/// `allTransactions`: of every ten records, six are new numbers and one each a re-verification, SIM replacement,
/// transfer and cancellation of an earlier new number of the seed (each number gets at most one); otherwise all
/// are new numbers.
Result<qint64> seedDemoRegistrations(OutletStore& store, const QString& clerk, qint64 count, int days,
                                     const Clock& clock, DemoDataGenerator& generator, int batchSize = 2000,
                                     const std::function<void(qint64)>& progress = {}, bool allTransactions = false);

} // namespace shiming::store
