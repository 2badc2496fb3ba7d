#pragma once

#include "core/protocol/Batch.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/CredentialBundle.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace httplib {
class SSLClient;
}

namespace shiming::testing {

/// The PostgreSQL of the test run: the CTest fixture's cluster (SHIMING_TEST_PG_DIR) or, when a test binary runs
/// on its own, one it starts itself and stops at exit. newDatabase() makes a fresh database per test case.
class PgCluster {
public:
    static PgCluster& instance();
    /// A connection string for a new, empty database.
    std::string newDatabase();
    /// Runs one SQL query on `url` and returns the first column of the first row as text ("" when none).
    static std::string scalar(const std::string& url, const std::string& sql);

    ~PgCluster();

private:
    PgCluster();
    QString m_dir;
    bool m_owned = false;
    std::string m_adminUrl;
};

/// CPU seconds (user + system, every thread) process `pid` has used, from /proc/PID/stat; with `reaped`, plus
/// what its exited children used (those it waited for). -1 when there is no such process.
double processCpuSeconds(qint64 pid, bool reaped = false);

/// A real `shiming-hq` process: init (schema, CA) and serve on 127.0.0.1 with a free port.
class HqProcess {
public:
    /// `stateDir` empty: a fresh state directory. `faultPlan`: see hq/FaultPlan.h.
    explicit HqProcess(std::string pgUrl, QString stateDir = {}, QString faultPlan = {});
    ~HqProcess();

    bool start();
    void stop();
    int port() const { return m_port; }
    QString url() const;
    QString stateDir() const { return m_stateDir; }
    std::string pgUrl() const { return m_pgUrl; }
    /// Runs `shiming-hq enroll` and returns the bundle; `counter` > 1 enrols that counter of hall `outletId`.
    std::optional<protocol::CredentialBundle> enroll(const QString& outletId, const QString& bundlePath = {},
                                                     int counter = 1);
    /// Runs any shiming-hq subcommand; returns exit code, stdout in `output`.
    int run(const QStringList& args, QByteArray* output = nullptr, const QByteArray& input = {});
    /// Extra arguments for `serve` (e.g. --timings); set before start().
    void setServeArguments(const QStringList& args) { m_serveArguments = args; }
    /// What `serve` printed, complete after stop().
    QByteArray serveOutput() const { return m_output; }
    /// What `serve` logged (stderr) so far; complete after stop().
    QByteArray serveLog();
    /// The serving process's peak resident memory (VmHWM) in KiB; -1 when not running.
    qint64 peakRssKib() const;
    /// CPU time (user + system, all threads) the serving process has used, in seconds; -1 when not running.
    double cpuSeconds() const;

private:
    std::string m_pgUrl;
    QTemporaryDir m_temp;
    QString m_stateDir;
    QString m_faultPlan;
    QStringList m_serveArguments;
    QByteArray m_output;
    QByteArray m_log;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

/// A deliberately low-level HTTPS client (cpp-httplib) for the security tests: optional client certificate,
/// hand-made signatures, raw bodies.
struct RawResponse {
    int status = 0; // 0: no HTTP response (TLS refused, connection cut)
    QByteArray body;
    std::map<std::string, std::string> headers;
};

class RawClient {
public:
    /// `bundle` nullptr: no client certificate at all.
    RawClient(int port, const QString& caPath, const protocol::CredentialBundle* bundle);
    ~RawClient();
    /// Keep one connection (and its TLS session) across requests, as the outlet's HqClient does; by default
    /// every request opens a new connection.
    void setKeepAlive(bool keepAlive) { m_keepAlive = keepAlive; }
    /// Connect and read timeouts in seconds (10 and 30 by default).
    void setTimeouts(int connectSeconds, int readSeconds)
    {
        m_connectTimeout = connectSeconds;
        m_readTimeout = readSeconds;
    }

    struct Signing {
        qint64 timeMs = 0;           // 0: now
        QByteArray nonce;            // empty: fresh
        QByteArray bodyForSignature; // null: sign the real body
        bool sign = true;
        QString outletHeader; // empty: the bundle's outlet
    };
    RawResponse post(const QByteArray& target, const QByteArray& body, const Signing& signing);
    RawResponse post(const QByteArray& target, const QByteArray& body) { return post(target, body, Signing{}); }
    RawResponse get(const QByteArray& target);
    /// Posts `bytes` zero bytes with chunked transfer encoding (no Content-Length), signed headers.
    RawResponse postChunked(const QByteArray& target, qint64 bytes);
    /// Posts exactly the same bytes and headers as the previous post() (a captured request replayed).
    RawResponse replayLast();

private:
    int m_port;
    QString m_caPath;
    QTemporaryDir m_dir;
    std::optional<protocol::CredentialBundle> m_bundle;
    QByteArray m_lastTarget, m_lastBody;
    std::map<std::string, std::string> m_lastHeaders;
    bool m_keepAlive = false;
    int m_connectTimeout = 10;
    int m_readTimeout = 30;
    qint64 m_chunkedBytes = -1; ///< >= 0: the next POST streams this many bytes chunked instead of `body`
    std::unique_ptr<httplib::SSLClient> m_client;
    RawResponse send(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                     const std::map<std::string, std::string>& headers);
};

/// A sample registration for the ledger: `identity` picks the document number, `serial` the number and SIM.
protocol::RecordContent sampleContent(int identity, int serial, const QString& operatorCode = QStringLiteral("CMCC"),
                                      int photoBytes = 20 * 1024);
protocol::Batch makeBatch(const QString& outletId, const QList<protocol::RecordContent>& contents,
                          qint64 firstSequence = 1);

} // namespace shiming::testing
