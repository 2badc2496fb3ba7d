#include "HqTestSupport.h"

#include "core/protocol/RequestSignature.h"

#include <httplib.h>
#include <pqxx/pqxx>

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace shiming::testing {

namespace {

QByteArray runScript(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SHIMING_PG_SCRIPT), args);
    process.waitForFinished(120000);
    return process.readAllStandardOutput().trimmed();
}

} // namespace

PgCluster& PgCluster::instance()
{
    static PgCluster cluster;
    return cluster;
}

PgCluster::PgCluster()
{
    m_dir = qEnvironmentVariable("SHIMING_TEST_PG_DIR");
    if (m_dir.isEmpty()) {
        m_dir = u"/tmp/shiming-pg-own-%1"_s.arg(QCoreApplication::applicationPid());
        m_owned = true;
        QStringList args{u"start"_s, m_dir};
        if (qEnvironmentVariableIsSet("SHIMING_PG_DURABLE"))
            args << u"--durable"_s;
        runScript(args);
    } else {
        // The fixture normally started it; start it when a test runs alone (idempotent).
        runScript({u"start"_s, m_dir});
    }
    m_adminUrl = runScript({u"url"_s, m_dir}).toStdString();
}

PgCluster::~PgCluster()
{
    if (m_owned)
        runScript({u"stop"_s, m_dir});
}

std::string PgCluster::newDatabase()
{
    const std::string name = "t_" + QUuid::createUuid().toString(QUuid::Id128).left(20).toStdString();
    pqxx::connection admin(m_adminUrl);
    pqxx::nontransaction tx(admin);
    tx.exec("CREATE DATABASE " + name);
    std::string url = m_adminUrl;
    url.replace(url.find("dbname=postgres"), std::string("dbname=postgres").size(), "dbname=" + name);
    return url;
}

std::string PgCluster::scalar(const std::string& url, const std::string& sql)
{
    pqxx::connection connection(url);
    pqxx::nontransaction tx(connection);
    const pqxx::result result = tx.exec(sql);
    if (result.empty() || result[0][0].is_null())
        return {};
    return result[0][0].as<std::string>();
}

HqProcess::HqProcess(std::string pgUrl, QString stateDir, QString faultPlan)
    : m_pgUrl(std::move(pgUrl))
    , m_stateDir(stateDir.isEmpty() ? m_temp.filePath(u"state"_s) : stateDir)
    , m_faultPlan(std::move(faultPlan))
{}

HqProcess::~HqProcess()
{
    stop();
}

int HqProcess::run(const QStringList& args, QByteArray* output, const QByteArray& input)
{
    QProcess process;
    process.start(QStringLiteral(SHIMING_HQ_BINARY), args);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return -1;
    if (output)
        *output = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool HqProcess::start()
{
    const QString pg = QString::fromStdString(m_pgUrl);
    if (run({u"init"_s, u"--pg"_s, pg, u"--state"_s, m_stateDir}) != 0)
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // A test that crashes must not leave a server behind.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QStringList args{u"serve"_s, u"--pg"_s, pg, u"--state"_s, m_stateDir, u"--listen"_s, u"127.0.0.1:0"_s};
    args << m_serveArguments;
    if (!m_faultPlan.isEmpty())
        args << u"--fault-plan"_s << m_faultPlan;
    m_process->start(QStringLiteral(SHIMING_HQ_BINARY), args);
    QByteArray seen;
    const bool ok = QTest::qWaitFor(
        [&] {
            seen += m_process->readAllStandardOutput();
            return seen.contains("listening on") && seen.endsWith('\n');
        },
        30000);
    if (!ok)
        return false;
    m_port = seen.mid(seen.lastIndexOf(':') + 1).trimmed().toInt();
    return m_port > 0;
}

void HqProcess::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(15000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_output += m_process->readAllStandardOutput();
    m_log += m_process->readAllStandardError();
    m_process.reset();
}

QByteArray HqProcess::serveLog()
{
    if (m_process)
        m_log += m_process->readAllStandardError();
    return m_log;
}

qint64 HqProcess::peakRssKib() const
{
    if (!m_process)
        return -1;
    QFile status(u"/proc/%1/status"_s.arg(m_process->processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

double processCpuSeconds(qint64 pid, bool reaped)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // After "pid (comm) " (comm may hold spaces): utime, stime, cutime, cstime are fields 14-17 (proc(5)).
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return -1;
    double ticks = fields[11].toDouble() + fields[12].toDouble();
    if (reaped)
        ticks += fields[13].toDouble() + fields[14].toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

double HqProcess::cpuSeconds() const
{
    return m_process ? processCpuSeconds(m_process->processId()) : -1;
}

QString HqProcess::url() const
{
    return u"https://127.0.0.1:%1"_s.arg(m_port);
}

std::optional<protocol::CredentialBundle> HqProcess::enroll(const QString& outletId, const QString& bundlePath,
                                                            int counter)
{
    const QString path =
        bundlePath.isEmpty() ? m_temp.filePath(u"%1-%2.bundle.json"_s.arg(outletId).arg(counter)) : bundlePath;
    QStringList args{u"enroll"_s, u"--state"_s, m_stateDir, u"--outlet"_s, outletId, u"--out"_s, path};
    if (counter != 1)
        args << u"--counter"_s << QString::number(counter);
    if (run(args) != 0)
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    auto bundle = protocol::CredentialBundle::fromJson(file.readAll());
    if (!bundle)
        return std::nullopt;
    return *bundle;
}

RawClient::RawClient(int port, const QString& caPath, const protocol::CredentialBundle* bundle)
    : m_port(port)
    , m_caPath(caPath)
{
    std::signal(SIGPIPE, SIG_IGN); // a refused handshake closes the socket under our write
    if (bundle) {
        m_bundle = *bundle;
        QFile cert(m_dir.filePath(u"client.crt"_s));
        cert.open(QIODevice::WriteOnly);
        cert.write(bundle->certificatePem);
        QFile key(m_dir.filePath(u"client.key"_s));
        key.open(QIODevice::WriteOnly);
        key.write(bundle->privateKeyPem);
    }
}

RawClient::~RawClient() = default;

RawResponse RawClient::send(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                            const std::map<std::string, std::string>& headers)
{
    std::unique_ptr<httplib::SSLClient> fresh;
    if (!m_keepAlive || !m_client) {
        if (m_bundle) {
            fresh =
                std::make_unique<httplib::SSLClient>("127.0.0.1", m_port, m_dir.filePath(u"client.crt"_s).toStdString(),
                                                     m_dir.filePath(u"client.key"_s).toStdString());
        } else {
            fresh = std::make_unique<httplib::SSLClient>("127.0.0.1", m_port);
        }
        fresh->set_ca_cert_path(m_caPath.toStdString().c_str());
        fresh->enable_server_certificate_verification(true);
        fresh->set_connection_timeout(m_connectTimeout, 0);
        fresh->set_read_timeout(m_readTimeout, 0);
        fresh->set_write_timeout(m_readTimeout, 0);
        fresh->set_keep_alive(m_keepAlive);
        fresh->set_tcp_nodelay(true); // as Qt's HTTP client (LowDelayOption)
        if (m_keepAlive)
            m_client = std::move(fresh);
    }
    httplib::SSLClient* client = m_keepAlive ? m_client.get() : fresh.get();
    httplib::Headers h;
    for (const auto& [k, v] : headers)
        h.emplace(k, v);
    const auto request = [&]() -> httplib::Result {
        if (method == "POST" && m_chunkedBytes >= 0) {
            const qint64 total = std::exchange(m_chunkedBytes, -1);
            return client->Post(
                target.constData(), h,
                [total](size_t offset, httplib::DataSink& sink) {
                    static const std::string chunk(64 * 1024, '\0');
                    if (qint64(offset) >= total) {
                        sink.done();
                        return true;
                    }
                    return sink.write(chunk.data(),
                                      size_t(std::min<qint64>(qint64(chunk.size()), total - qint64(offset))));
                },
                "application/cbor");
        }
        if (method == "POST")
            return client->Post(target.constData(), h, body.toStdString(), "application/cbor");
        return client->Get(target.constData(), h);
    };
    httplib::Result result = request();
    RawResponse response;
    if (!result)
        return response;
    response.status = result->status;
    response.body = QByteArray::fromStdString(result->body);
    for (const auto& [k, v] : result->headers)
        response.headers[k] = v;
    return response;
}

RawResponse RawClient::post(const QByteArray& target, const QByteArray& body, const Signing& signing)
{
    std::map<std::string, std::string> headers;
    if (m_bundle) {
        protocol::signature::Fields fields;
        fields.method = "POST";
        fields.target = target;
        fields.outletId = m_bundle->outletId;
        fields.timeMs = signing.timeMs ? signing.timeMs : QDateTime::currentMSecsSinceEpoch();
        fields.nonce = signing.nonce.isEmpty() ? protocol::signature::newNonce() : signing.nonce;
        headers[protocol::signature::HeaderOutlet] =
            (signing.outletHeader.isEmpty() ? m_bundle->outletId : signing.outletHeader).toStdString();
        headers[protocol::signature::HeaderTime] = std::to_string(fields.timeMs);
        headers[protocol::signature::HeaderNonce] = fields.nonce.toStdString();
        if (signing.sign) {
            const QByteArray& signedBody = signing.bodyForSignature.isNull() ? body : signing.bodyForSignature;
            headers[protocol::signature::HeaderSignature] =
                protocol::signature::sign(m_bundle->requestKey, fields, signedBody).toStdString();
        }
    }
    m_lastTarget = target;
    m_lastBody = body;
    m_lastHeaders = headers;
    return send("POST", target, body, headers);
}

RawResponse RawClient::postChunked(const QByteArray& target, qint64 bytes)
{
    Signing signing;
    signing.bodyForSignature = QByteArray(""); // the body is never looked at: it is refused for its size
    const QByteArray none;
    // post() signs and records the request; the body itself is streamed by send().
    m_chunkedBytes = bytes;
    return post(target, none, signing);
}

RawResponse RawClient::replayLast()
{
    return send("POST", m_lastTarget, m_lastBody, m_lastHeaders);
}

RawResponse RawClient::get(const QByteArray& target)
{
    std::map<std::string, std::string> headers;
    if (m_bundle) {
        protocol::signature::Fields fields{"GET", target, m_bundle->outletId, QDateTime::currentMSecsSinceEpoch(),
                                           protocol::signature::newNonce()};
        headers[protocol::signature::HeaderOutlet] = m_bundle->outletId.toStdString();
        headers[protocol::signature::HeaderTime] = std::to_string(fields.timeMs);
        headers[protocol::signature::HeaderNonce] = fields.nonce.toStdString();
        headers[protocol::signature::HeaderSignature] =
            protocol::signature::sign(m_bundle->requestKey, fields, QByteArray()).toStdString();
    }
    return send("GET", target, QByteArray(), headers);
}

protocol::RecordContent sampleContent(int identity, int serial, const QString& operatorCode, int photoBytes)
{
    protocol::RecordContent content;
    content.documentType = u"resident_id"_s;
    content.documentNumber = u"11010519900101%1"_s.arg(identity, 4, 10, QChar(u'0'));
    content.name = (identity % 2) ? u"阿依古丽·买买提"_s : u"𠮷田花子"_s;
    content.operatorCode = operatorCode;
    content.msisdn = u"138%1"_s.arg(serial, 8, 10, QChar(u'0'));
    content.iccid = u"898600%1"_s.arg(serial, 14, 10, QChar(u'0'));
    content.packageCode = u"P58"_s;
    content.registeredAtMs = QDateTime::currentMSecsSinceEpoch();
    content.clerk = u"clerk01"_s;
    QRandomGenerator random(quint32(serial * 31 + identity));
    for (const char* kind : {"chip", "live"}) {
        QByteArray jpeg(photoBytes, Qt::Uninitialized);
        random.generate(reinterpret_cast<quint32*>(jpeg.data()),
                        reinterpret_cast<quint32*>(jpeg.data() + (jpeg.size() / 4) * 4));
        jpeg[0] = char(0xFF);
        jpeg[1] = char(0xD8);
        content.photos.append({QString::fromLatin1(kind), jpeg});
    }
    return content;
}

protocol::Batch makeBatch(const QString& outletId, const QList<protocol::RecordContent>& contents, qint64 firstSequence)
{
    protocol::Batch batch;
    batch.id = QUuid::createUuid();
    batch.outletId = outletId;
    batch.firstSequence = firstSequence;
    batch.lastSequence = firstSequence + contents.size() - 1;
    batch.deviceTimeMs = QDateTime::currentMSecsSinceEpoch();
    qint64 seq = firstSequence;
    for (const auto& content : contents)
        batch.records.append(protocol::makeRecord(QUuid::createUuid(), seq++, content));
    return batch;
}

} // namespace shiming::testing
