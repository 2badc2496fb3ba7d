#pragma once

#include "core/outlet/AccountGate.h"

#include <memory>

namespace shiming::auth {
class Authenticator;
class Session;
} // namespace shiming::auth

namespace shiming::store {
class OutletStore;
}

namespace shiming {

/// AccountGate over core/auth: login unwraps the account's key slot and opens the outlet database; the
/// auth::Session locks itself after the idle time.
class AuthAccountGate final : public AccountGate {
    Q_OBJECT

public:
    explicit AuthAccountGate(auth::Authenticator& authenticator, QObject* parent = nullptr);
    ~AuthAccountGate() override;

    Result<QString> login(const QString& user, const QByteArray& password) override;
    void logout() override;
    bool isLoggedIn() const override { return m_session != nullptr; }
    QString accountName() const override;
    QString displayName() const override;
    bool isLocked() const override;
    void lockNow() override;
    Result<void> unlock(const QByteArray& password) override;
    void touch() override;
    Result<QString> approveAsManager(const QString& user, const QByteArray& password, const QString& action) override;

    /// The idle time after which the session in progress locks itself (HQ's idle-lock setting); a session signed
    /// in later starts with the configured time until the setting is applied again at sign-in.
    void setIdleSeconds(int seconds);
    int idleSeconds() const;

    /// The open store while logged in (and not locked), else nullptr.
    store::OutletStore* store() const;

private:
    auth::Authenticator& m_authenticator;
    std::unique_ptr<auth::Session> m_session;
};

} // namespace shiming
