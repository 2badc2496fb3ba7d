#pragma once

#include <QString>

#include <expected>

namespace shiming {

/// A failure that crossed a module edge. `detail` is English, for logs and support staff, and never holds
/// personal data (no names, ID numbers, photos or keys). The clerk sees a translated text chosen by `code`
/// in widgets/common/ErrorText.
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

    static Error invalidInput(QString detail) { return {Code::InvalidInput, std::move(detail)}; }
    static Error notFound(QString detail) { return {Code::NotFound, std::move(detail)}; }
    static Error wrongKey(QString detail) { return {Code::WrongKey, std::move(detail)}; }
    static Error deviceFault(QString detail) { return {Code::DeviceFault, std::move(detail)}; }
    static Error storageFailure(QString detail) { return {Code::StorageFailure, std::move(detail)}; }
    static Error syncFailure(QString detail) { return {Code::SyncFailure, std::move(detail)}; }
    static Error policyRefused(QString detail) { return {Code::PolicyRefused, std::move(detail)}; }
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

} // namespace shiming
