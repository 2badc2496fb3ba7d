#include "cli/ReaderCommands.h"

#include "cli/Options.h"
#include "core/common/Json.h"
#include "core/common/PrivateFile.h"
#include "core/identity/Validators.h"
#include "core/reader/Ga467Link.h"
#include "core/reader/Ga467Reader.h"
#include "core/reader/LibraryWltDecoder.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace shiming::reader;

namespace shiming::cli {
namespace {

QJsonObject errorJson(const ReaderError& error)
{
    return {{u"code"_s, error.codeName()}, {u"message"_s, error.message()}, {u"detail"_s, error.detail}};
}

QString dateText(const QDate& date)
{
    return date.isValid() ? date.toString(u"yyyy-MM-dd"_s) : QString();
}

QJsonObject documentJson(const CardReadout& readout)
{
    const IdentityDocument& d = readout.document;
    QJsonObject object{{u"type"_s, documentTypeKey(d.type)},
                       {u"name"_s, d.name},
                       {u"sex"_s, d.sexCode},
                       {u"nation_code"_s, d.nationCode},
                       {u"nation"_s, ethnicityName(d.nationCode)},
                       {u"birth_date"_s, dateText(d.birthDate)},
                       {u"address"_s, d.address},
                       {u"id_number"_s, d.number},
                       {u"authority"_s, d.authority},
                       {u"valid_from"_s, dateText(d.validFrom)},
                       {u"valid_to"_s, d.validToLongTerm ? u"长期"_s : dateText(d.validTo)}};
    if (!d.appendedAddress.isEmpty())
        object.insert(u"appended_address"_s, d.appendedAddress);
    if (d.type == DocumentType::ForeignPermanent) {
        object.insert(u"english_name"_s, d.englishName);
        object.insert(u"nationality"_s, d.nationality);
        object.insert(u"card_version"_s, d.cardVersion);
    }
    return object;
}

const QString kReadUsage =
    u"shimingctl reader read --port PATH [--baud N (default 115200)] [--decoder LIB] [--decoder-symbol SYMBOL "
    u"(default unpack)] [--photo-out FILE] [--timeout MS (default 10000)] [--fingerprint] [--json]"_s;
const QString kProbeUsage = u"shimingctl reader probe --port PATH [--baud N (default 115200)] [--json]"_s;

/// The checks both subcommands make on --port and --baud once the options are parsed.
std::expected<int, int> portAndBaud(const cli::Options& options, const cli::Io& io)
{
    if (options.value(u"--port"_s).isEmpty())
        return std::unexpected(options.usageError(io, u"--port PATH is required"_s));
    bool ok = false;
    const int baud = options.value(u"--baud"_s, u"115200"_s).toInt(&ok);
    if (!ok || baud < 1200)
        return std::unexpected(options.usageError(io, u"--baud takes a rate such as 115200"_s));
    return baud;
}

int runRead(const QStringList& args, const cli::Io& io)
{
    const auto parser = cli::parseCommand(
        args,
        {kReadUsage,
         {u"--port"_s, u"--baud"_s, u"--decoder"_s, u"--decoder-symbol"_s, u"--photo-out"_s, u"--timeout"_s},
         {u"--fingerprint"_s, u"--json"_s}},
        io);
    if (!parser)
        return parser.error();
    const auto baud = portAndBaud(*parser, io);
    if (!baud)
        return baud.error();
    bool ok = false;
    const int timeoutMs = parser->value(u"--timeout"_s, u"10000"_s).toInt(&ok);
    if (!ok || timeoutMs <= 0)
        return parser->usageError(io, u"--timeout takes milliseconds"_s);

    std::unique_ptr<LibraryWltDecoder> decoder;
    if (parser->has(u"--decoder"_s))
        decoder = std::make_unique<LibraryWltDecoder>(LibraryWltDecoder::Config{
            parser->value(u"--decoder"_s), parser->value(u"--decoder-symbol"_s, u"unpack"_s)});
    SystemClock clock;
    Ga467Reader::Options options;
    options.port = parser->value(u"--port"_s);
    options.baud = *baud;
    options.readFingerprint = parser->flag(u"--fingerprint"_s);
    Ga467Reader reader(options, decoder.get(), clock);

    std::optional<CardReadout> readout;
    std::optional<ReaderError> error;
    QEventLoop loop;
    QObject::connect(&reader, &IdCardReader::cardRead, &loop, [&](const CardReadout& r) {
        if (readout || error)
            return;
        readout = r;
        loop.quit();
    });
    QObject::connect(&reader, &IdCardReader::readFailed, &loop, [&](const ReaderError& e) {
        if (readout || error)
            return;
        error = e;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        if (readout || error)
            return;
        error = reader.status() == ReaderStatus::NoDevice
                    ? ReaderError{ReaderError::Kind::Timeout, 0, u"the reader did not become ready"_s}
                    : ReaderError::fromStatus(std::uint8_t(Sw3::FindFailed), u"no card placed in time"_s);
        loop.quit();
    });
    reader.start(); // may fail at once (no such port)
    if (!readout && !error)
        loop.exec();
    reader.stop();

    if (readout && parser->has(u"--photo-out"_s) && !readout->photo.isEmpty()) {
        // The card holder's photo: personal data, so the owner's alone (0600) like every export.
        if (auto written = writePrivateFile(parser->value(u"--photo-out"_s), readout->photo); !written) {
            io.error(u"shimingctl reader read: cannot write the photo: %1"_s.arg(written.error().detail));
            return cli::ExitFailure;
        }
    }
    if (parser->flag(u"--json"_s)) {
        QJsonObject object{{u"ok"_s, bool(readout)}};
        if (readout) {
            object.insert(u"document"_s, documentJson(*readout));
            object.insert(u"photo"_s, readout->photoStatus == PhotoStatus::Decoded);
            object.insert(u"photo_status"_s, photoStatusName(readout->photoStatus));
            object.insert(u"sam_id"_s, readout->samId);
            object.insert(u"valid"_s, readout->validation.valid());
            object.insert(u"validation"_s, validationResultToJson(readout->validation));
        } else {
            object.insert(u"document"_s, QJsonValue::Null);
            object.insert(u"photo"_s, false);
            object.insert(u"sam_id"_s,
                          reader.samId().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(reader.samId()));
            object.insert(u"error"_s, errorJson(*error));
        }
        io.out(compactJson(object) + '\n');
    } else if (readout) {
        const IdentityDocument& d = readout->document;
        io.print(u"%1  %2  %3"_s.arg(documentTypeKey(d.type), d.name, maskDocumentNumber(d.number)));
        io.print(u"photo: %1; SAM %2"_s.arg(photoStatusName(readout->photoStatus), readout->samId));
    } else {
        io.error(u"reader error (%1): %2"_s.arg(error->codeName(), error->message()));
    }
    return readout ? cli::ExitOk : cli::ExitFailure;
}

int runProbe(const QStringList& args, const cli::Io& io)
{
    const auto parser = cli::parseCommand(args, {kProbeUsage, {u"--port"_s, u"--baud"_s}, {u"--json"_s}}, io);
    if (!parser)
        return parser.error();
    const auto baud = portAndBaud(*parser, io);
    if (!baud)
        return baud.error();

    Ga467Link link({parser->value(u"--port"_s), *baud});
    std::optional<ReaderError> error;
    std::optional<std::uint8_t> samStatus;
    QString samId;
    if (Result<void> opened = link.open(); !opened) {
        error = ReaderError{ReaderError::Kind::Link, 0, opened.error().detail};
    } else {
        QEventLoop loop;
        link.request(ga467::Command::SamStatus, [&](std::expected<ga467::Reply, ReaderError> reply) {
            if (!reply) {
                error = reply.error();
                loop.quit();
                return;
            }
            samStatus = reply->sw3;
            link.request(ga467::Command::SamId, [&](std::expected<ga467::Reply, ReaderError> idReply) {
                if (!idReply)
                    error = idReply.error();
                else if (idReply->sw3 != kStatusOk)
                    error = ReaderError::fromStatus(idReply->sw3);
                else
                    samId = formatSamId(idReply->data);
                loop.quit();
            });
        });
        loop.exec();
    }
    if (!error && samStatus && *samStatus != kStatusOk)
        error = ReaderError::fromStatus(*samStatus);
    const bool ok = !error;
    if (parser->flag(u"--json"_s)) {
        QJsonObject object{
            {u"ok"_s, ok},
            {u"port"_s, parser->value(u"--port"_s)},
            {u"sam_id"_s, samId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(samId)},
            {u"sam_status"_s, samStatus ? QJsonValue(statusName(*samStatus)) : QJsonValue(QJsonValue::Null)}};
        if (error)
            object.insert(u"error"_s, errorJson(*error));
        io.out(compactJson(object) + '\n');
    } else if (ok) {
        io.print(u"reader ready; SAM %1"_s.arg(samId));
    } else {
        io.error(u"reader error (%1): %2"_s.arg(error->codeName(), error->message()));
    }
    return ok ? cli::ExitOk : cli::ExitFailure;
}

} // namespace

QList<Command> readerCommands()
{
    return {{u"reader"_s, u"read an ID card or probe a card reader (read|probe --port PATH)"_s,
             [](const QStringList& args, const cli::Io& io) {
                 const QString sub = args.value(0);
                 if (sub == u"read"_s)
                     return runRead(args.mid(1), io);
                 if (sub == u"probe"_s)
                     return runProbe(args.mid(1), io);
                 if (sub == u"--help"_s || sub == u"-h"_s) {
                     io.print(u"usage: "_s + kReadUsage + u"\n       "_s + kProbeUsage);
                     return int(ExitOk);
                 }
                 return usageError(io, kReadUsage + u"\n       "_s + kProbeUsage);
             }}};
}

} // namespace shiming::cli
