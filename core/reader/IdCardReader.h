#pragma once

#include "core/reader/CardReadout.h"
#include "core/reader/ReaderError.h"

#include <QObject>

namespace shiming::reader {

/// What the reader is doing, for the status line at the counter.
enum class ReaderStatus {
    NoDevice,    ///< no reader on the configured port (not plugged in, wrong port); retrying by itself
    Idle,        ///< reader ready, waiting for a card
    CardPresent, ///< a card was found and is being selected
    Reading,     ///< reading the card: the customer must not move it
    LiftCard,    ///< the card was read (or failed): lift it before the next one is read
};

/// Stable machine name: "no_device", "idle", "card_present", "reading", "lift_card".
QString readerStatusName(ReaderStatus status);
/// Clerk's text for a status (translated).
QString readerStatusText(ReaderStatus status);

/// A second-generation ID card reader. Asynchronous: start() begins polling and the result of each card placed
/// on the reader arrives as cardRead() or readFailed(). A card is read once; it must be lifted before it (or
/// another) is read again. Implementations recover from an unplugged reader by themselves.
class IdCardReader : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void start() = 0;
    virtual void stop() = 0;
    virtual ReaderStatus status() const = 0;
    /// The reader's SAM id once known, empty before.
    virtual QString samId() const = 0;

signals:
    void cardRead(const shiming::reader::CardReadout& readout);
    void readFailed(const shiming::reader::ReaderError& error);
    void statusChanged(shiming::reader::ReaderStatus status);
};

} // namespace shiming::reader

Q_DECLARE_METATYPE(shiming::reader::ReaderStatus)
