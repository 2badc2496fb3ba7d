#include "hq/FaultPlan.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace shiming::hq {

Result<FaultPlan> FaultPlan::parse(const QString& text)
{
    FaultPlan plan;
    if (text.isEmpty())
        return plan;
    plan.m_enabled = true;
    quint32 seed = 1;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0).trimmed();
        bool ok = false;
        const double value = part.section(u'=', 1).trimmed().toDouble(&ok);
        if (!ok || value < 0)
            return fail(Error::invalidInput(u"fault plan entry %1 malformed"_s.arg(key)));
        if (key == "seed"_L1)
            seed = quint32(value);
        else if (key == "fail-before"_L1)
            plan.m_failBefore = value;
        else if (key == "fail-after"_L1)
            plan.m_failAfter = value;
        else if (key == "slow"_L1)
            plan.m_slow = value;
        else if (key == "slow-ms"_L1)
            plan.m_slowMs = int(value);
        else if (key == "reset"_L1)
            plan.m_reset = value;
        else if (key == "reset-before"_L1)
            plan.m_resetBefore = value;
        else
            return fail(Error::invalidInput(u"unknown fault %1"_s.arg(key)));
    }
    plan.m_random.seed(seed);
    return plan;
}

FaultPlan::Fault FaultPlan::next()
{
    if (!m_enabled)
        return Fault::None;
    std::lock_guard lock(*m_mutex);
    double draw = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    for (const auto& [p, fault] : {std::pair{m_failBefore, Fault::FailBefore}, std::pair{m_failAfter, Fault::FailAfter},
                                   std::pair{m_slow, Fault::Slow}, std::pair{m_reset, Fault::Reset},
                                   std::pair{m_resetBefore, Fault::ResetBefore}}) {
        if (draw < p)
            return fault;
        draw -= p;
    }
    return Fault::None;
}

} // namespace shiming::hq
