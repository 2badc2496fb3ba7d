#pragma once

#include "core/common/Error.h"

#include <QCoreApplication>

namespace shiming {

/// The one place that turns an Error into text for the clerk.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    static QString forClerk(const Error& error);
};

} // namespace shiming
