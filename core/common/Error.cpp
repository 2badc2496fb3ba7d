#include "core/common/Error.h"

using namespace Qt::StringLiterals;

namespace shiming {

Error Error::because(Code code, Cause cause, const QString& detail)
{
    QString text = detail.isEmpty() ? describe(cause) : detail;
    return {code, std::move(text), std::move(cause)};
}

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidInput:
        return u"invalid_input"_s;
    case Error::Code::NotFound:
        return u"not_found"_s;
    case Error::Code::WrongKey:
        return u"wrong_key"_s;
    case Error::Code::DeviceFault:
        return u"device_fault"_s;
    case Error::Code::StorageFailure:
        return u"storage_failure"_s;
    case Error::Code::SyncFailure:
        return u"sync_failure"_s;
    case Error::Code::PolicyRefused:
        return u"policy_refused"_s;
    }
    return u"unknown"_s;
}

} // namespace shiming
