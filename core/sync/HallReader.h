#pragma once

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace shiming::sync {

class HqClient;

/// What HQ said to a hall read. `reached` false: no HTTP answer (offline, TLS refused, time-out).
struct HallAnswer {
    bool reached = false;
    int status = 0;
    QString code;     ///< HQ's refusal code (NOT_A_HALL_MANAGER, NOT_FOUND, ...) when status is not 200
    QJsonObject body; ///< the answer when status is 200
    QString error;    ///< English, no personal data
    bool ok() const { return reached && status == 200 && !body.isEmpty(); }
};

/// The whole hall's records, read from HQ for a manager of this counter (docs/hq.md "Hall reads (API)"): the
/// manager's account name travels in the request target, which the request signature covers, and HQ checks it
/// against the accounts it published for the hall and audits every read. Nothing read is kept on disk.
class HallReader {
public:
    explicit HallReader(HqClient& client)
        : m_client(client)
    {}

    /// GET /v1/hall/day, /v1/hall/report and /v1/hall/record/<uuid> targets (query values percent-encoded).
    static QByteArray dayTarget(QDate date, const QString& manager, const QString& timeZone = {});
    static QByteArray reportTarget(QDate date, const QString& manager, const QString& timeZone = {});
    static QByteArray recordTarget(const QString& uuid, const QString& manager, bool reveal);

    void read(const QByteArray& target, std::function<void(const HallAnswer&)> done);
    /// Runs a read in a local event loop (command line, tests).
    HallAnswer readBlocking(const QByteArray& target);

private:
    HqClient& m_client;
};

} // namespace shiming::sync
