#pragma once

#include "core/common/Reason.h"

#include <QString>

#include <expected>

namespace shiming {

/// A failure that crossed a module edge. `code` is the kind of failure, `cause` exactly why when the clerk can
/// act on it (a Reason with its arguments as fields), `detail` English for logs and support staff. None holds
/// personal data (no names, ID numbers, photos or keys). The clerk sees the text widgets/common/ClerkText
/// chooses by cause, else by code.
struct Error {
    enum class Code {
        InvalidInput,
        NotFound,
        WrongKey,
        DeviceFault,
        StorageFailure,
        SyncFailure,
        PolicyRefused,
    };

    Code code = Code::InvalidInput;
    QString detail;
    Cause cause;

    static Error invalidInput(QString detail) { return {Code::InvalidInput, std::move(detail), {}}; }
    static Error notFound(QString detail) { return {Code::NotFound, std::move(detail), {}}; }
    static Error wrongKey(QString detail) { return {Code::WrongKey, std::move(detail), {}}; }
    static Error deviceFault(QString detail) { return {Code::DeviceFault, std::move(detail), {}}; }
    static Error storageFailure(QString detail) { return {Code::StorageFailure, std::move(detail), {}}; }
    static Error syncFailure(QString detail) { return {Code::SyncFailure, std::move(detail), {}}; }
    static Error policyRefused(QString detail) { return {Code::PolicyRefused, std::move(detail), {}}; }
    /// A failure of kind `code` for a reason the clerk can act on; without a detail, describe(cause) is it.
    static Error because(Code code, Cause cause, const QString& detail = {});
    Reason reason() const { return cause.reason; }
};

/// Stable machine name of an error code ("invalid_input", "wrong_key", ...), for JSON output and logs.
QString errorCodeName(Error::Code code);

template <typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning a failure from a function that returns Result<T>.
inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

/// A result whose value is not needed (an audit entry's id, say): its error, or success.
template <typename T>
Result<void> asVoid(const Result<T>& result)
{
    if (!result)
        return fail(result.error());
    return {};
}

} // namespace shiming
