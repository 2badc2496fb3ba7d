#include "core/common/Clock.h"

namespace shiming {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTime();
}

} // namespace shiming
