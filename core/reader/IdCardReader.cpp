#include "core/reader/IdCardReader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace shiming::reader {

QString readerStatusName(ReaderStatus status)
{
    switch (status) {
    case ReaderStatus::NoDevice:
        return u"no_device"_s;
    case ReaderStatus::Idle:
        return u"idle"_s;
    case ReaderStatus::CardPresent:
        return u"card_present"_s;
    case ReaderStatus::Reading:
        return u"reading"_s;
    case ReaderStatus::LiftCard:
        return u"lift_card"_s;
    }
    return u"unknown"_s;
}

QString readerStatusText(ReaderStatus status)
{
    switch (status) {
    case ReaderStatus::NoDevice:
        return QCoreApplication::translate("shiming::reader::ReaderStatus", "No card reader connected");
    case ReaderStatus::Idle:
        return QCoreApplication::translate("shiming::reader::ReaderStatus", "Place the ID card on the reader");
    case ReaderStatus::CardPresent:
        return QCoreApplication::translate("shiming::reader::ReaderStatus", "Card found");
    case ReaderStatus::Reading:
        return QCoreApplication::translate("shiming::reader::ReaderStatus", "Reading the card, do not move it");
    case ReaderStatus::LiftCard:
        return QCoreApplication::translate("shiming::reader::ReaderStatus", "Lift the card from the reader");
    }
    return {};
}

} // namespace shiming::reader
