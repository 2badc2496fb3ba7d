#include "core/review/ReviewTypes.h"

using namespace Qt::StringLiterals;

namespace shiming::review {

QString syncStateKey(SyncState state)
{
    switch (state) {
    case SyncState::NotQueued:
        return u"not_queued"_s;
    case SyncState::Waiting:
        return u"waiting"_s;
    case SyncState::Sending:
        return u"sending"_s;
    case SyncState::Answered:
        return u"answered"_s;
    }
    return u"not_queued"_s;
}

std::optional<SyncState> parseSyncState(QStringView key)
{
    for (SyncState state : {SyncState::NotQueued, SyncState::Waiting, SyncState::Sending, SyncState::Answered}) {
        if (key == syncStateKey(state))
            return state;
    }
    return std::nullopt;
}

QString maskPhoneNumber(QStringView number)
{
    QString text;
    text.reserve(number.size());
    for (QChar c : number) {
        if (!c.isSpace() && c != u'-')
            text += c;
    }
    const qsizetype n = text.size();
    const qsizetype keepStart = n >= 11 ? 3 : n >= 7 ? 2 : 0;
    const qsizetype keepEnd = n >= 11 ? 4 : n >= 7 ? 2 : 0;
    for (qsizetype i = keepStart; i < n - keepEnd; ++i)
        text[i] = u'*';
    return text;
}

} // namespace shiming::review
