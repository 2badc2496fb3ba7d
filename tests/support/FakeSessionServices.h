#pragma once

// Fakes for the registration session's services: a sink that keeps committed records in memory (or fails on
// demand), an in-memory holdings table and risk list, and helpers that make valid resident ID documents.

#include "core/registration/Policy.h"
#include "core/registration/RegistrationSessionSink.h"

#include <QHash>
#include <QSet>

namespace shiming::testing {

class FakeSink final : public registration::RegistrationSessionSink {
public:
    Result<registration::Registration> commitRegistration(const registration::Registration& registration) override
    {
        ++attempts;
        if (failNext) {
            failNext = false;
            return fail(Error::storageFailure(QStringLiteral("disk full (fake)")));
        }
        registration::Registration stored = registration;
        stored.uuid = QStringLiteral("fake-%1").arg(records.size() + 1);
        stored.sequence = records.size() + 1;
        records.append(stored);
        return stored;
    }

    Result<bool> iccidInUse(const QString& iccid) const override
    {
        if (iccidUnreadable)
            return fail(Error::storageFailure(QStringLiteral("database unreadable (fake)")));
        for (const registration::Registration& record : records) {
            if (record.iccid == iccid && record.status != registration::RecordStatus::Voided)
                return true;
        }
        return false;
    }

    QList<registration::Registration> records;
    int attempts = 0;
    bool failNext = false;
    bool iccidUnreadable = false;
};

class FakeHoldings final : public registration::HoldingsSource {
public:
    Result<registration::IdentityHoldings> holdings(DocumentType, const QString& number) const override
    {
        if (unreadable)
            return fail(Error::storageFailure(QStringLiteral("database disk image is malformed")));
        return table.value(number);
    }
    QHash<QString, registration::IdentityHoldings> table;
    bool unreadable = false; ///< the store cannot be read
};

class FakeRiskList final : public registration::RiskList {
public:
    Result<bool> contains(DocumentType, const QString& number) const override
    {
        if (unreadable)
            return fail(Error::storageFailure(QStringLiteral("database disk image is malformed")));
        return numbers.contains(number);
    }
    QSet<QString> numbers;
    bool unreadable = false; ///< the store cannot be read
};

/// A GB 11643 number with a correct check character.
inline QString residentIdNumber(const QString& region, const QDate& birth, int sequence)
{
    const QString body =
        region + birth.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("%1").arg(sequence, 3, 10, QChar(u'0'));
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (body[i].unicode() - u'0') * weights[i];
    return body + QStringLiteral("10X98765432").at(sum % 11);
}

/// A resident ID card document valid on `today`, of someone born on `birth`.
inline IdentityDocument residentCard(const QString& name, const QDate& birth, const QDate& today, int sequence = 123)
{
    IdentityDocument document;
    document.type = DocumentType::ResidentId;
    document.name = name;
    document.sexCode = sequence % 2 ? QStringLiteral("1") : QStringLiteral("2");
    document.nationCode = QStringLiteral("01");
    document.birthDate = birth;
    document.address = QStringLiteral("北京市朝阳区建国路1号");
    document.number = residentIdNumber(QStringLiteral("110105"), birth, sequence);
    document.authority = QStringLiteral("北京市公安局朝阳分局");
    document.validFrom = today.addYears(-2);
    document.validTo = today.addYears(8);
    document.nationality = QStringLiteral("CHN");
    return document;
}

} // namespace shiming::testing
