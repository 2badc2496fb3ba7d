#pragma once

#include <QDate>
#include <QDateTime>

namespace shiming {

/// The time source. Everything that depends on "now" (age, document expiry, lockouts, retention) takes a
/// Clock so that tests can fix the date.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    QDate today() const { return now().toLocalTime().date(); }
};

/// The wall clock.
class SystemClock final : public Clock {
public:
    QDateTime now() const override;
};

/// A clock that stands still until told otherwise; for tests and reproducible tools.
class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime at) : m_now(std::move(at)) {}
    QDateTime now() const override { return m_now; }
    void set(QDateTime at) { m_now = std::move(at); }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace shiming
