#include "core/auth/Session.h"

#include "core/auth/Authenticator.h"
#include "core/common/Logging.h"

namespace shiming::auth {

Session::Session(std::unique_ptr<store::OutletStore> store, Account account, Authenticator& authenticator,
                 int idleSeconds, QObject* parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_account(std::move(account))
    , m_authenticator(authenticator)
    , m_idleSeconds(idleSeconds)
    , m_lastActivity(authenticator.clock().now())
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &Session::checkIdle);
    if (m_idleSeconds > 0)
        m_timer.start();
}

Session::~Session()
{
    if (m_store) {
        if (auto r = m_store->audit().append(store::audit::Logout, m_account.name); !r)
            qCWarning(lcAuth) << "could not audit the logout:" << r.error().detail;
    }
}

void Session::setIdleSeconds(int seconds)
{
    m_idleSeconds = seconds;
    if (m_idleSeconds > 0 && !m_timer.isActive())
        m_timer.start();
}

void Session::touch()
{
    if (!m_locked)
        m_lastActivity = m_authenticator.clock().now();
}

void Session::lockNow()
{
    if (m_locked)
        return;
    m_locked = true;
    qCInfo(lcAuth) << "session locked";
    emit locked();
}

void Session::checkIdle()
{
    if (m_locked || m_idleSeconds <= 0)
        return;
    if (m_lastActivity.secsTo(m_authenticator.clock().now()) >= m_idleSeconds)
        lockNow();
}

Result<void> Session::unlock(const QByteArray& password)
{
    auto account = m_authenticator.verify(*m_store, m_account.name, password);
    if (!account)
        return fail(account.error());
    m_locked = false;
    m_lastActivity = m_authenticator.clock().now();
    emit unlocked();
    return {};
}

} // namespace shiming::auth
