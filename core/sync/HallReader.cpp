#include "core/sync/HallReader.h"

#include "core/sync/HqClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace shiming::sync {

namespace {

QByteArray encoded(const QString& value)
{
    return QUrl::toPercentEncoding(value);
}

QByteArray withZone(QByteArray target, const QString& timeZone)
{
    if (!timeZone.isEmpty())
        target += "&tz=" + encoded(timeZone);
    return target;
}

} // namespace

QByteArray HallReader::dayTarget(QDate date, const QString& manager, const QString& timeZone)
{
    return withZone("/v1/hall/day?date=" + date.toString(Qt::ISODate).toLatin1() + "&manager=" + encoded(manager),
                    timeZone);
}

QByteArray HallReader::reportTarget(QDate date, const QString& manager, const QString& timeZone)
{
    return withZone("/v1/hall/report?date=" + date.toString(Qt::ISODate).toLatin1() + "&manager=" + encoded(manager),
                    timeZone);
}

QByteArray HallReader::recordTarget(const QString& uuid, const QString& manager, bool reveal)
{
    return "/v1/hall/record/" + encoded(uuid) + "?manager=" + encoded(manager) + (reveal ? "&reveal=1" : "");
}

void HallReader::read(const QByteArray& target, std::function<void(const HallAnswer&)> done)
{
    m_client.get(target, [done = std::move(done)](const HqReply& reply) {
        HallAnswer answer;
        if (reply.isTransportFailure()) {
            answer.error =
                reply.timedOut ? u"HQ did not answer in time"_s : u"HQ unreachable: "_s + reply.transportError;
            done(answer);
            return;
        }
        answer.reached = true;
        answer.status = reply.status;
        if (reply.status != 200) {
            answer.code = QString::fromLatin1(reply.body.left(64)).trimmed();
            answer.error = u"HQ refused the read (HTTP %1 %2)"_s.arg(reply.status).arg(answer.code);
            done(answer);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(reply.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            answer.status = 0;
            answer.error = u"HQ's answer could not be read"_s;
            done(answer);
            return;
        }
        answer.body = document.object();
        done(answer);
    });
}

HallAnswer HallReader::readBlocking(const QByteArray& target)
{
    QEventLoop loop;
    HallAnswer result;
    bool finished = false;
    read(target, [&](const HallAnswer& answer) {
        result = answer;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

} // namespace shiming::sync
