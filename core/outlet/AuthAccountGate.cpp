#include "core/outlet/AuthAccountGate.h"

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/outlet/SignIn.h"

using namespace Qt::StringLiterals;

namespace shiming {

AuthAccountGate::AuthAccountGate(auth::Authenticator& authenticator, QObject* parent)
    : AccountGate(parent)
    , m_authenticator(authenticator)
{}

AuthAccountGate::~AuthAccountGate() = default;

Result<QString> AuthAccountGate::login(const QString& user, const QByteArray& password)
{
    auto session = outlet::signIn(m_authenticator, user, password);
    if (!session)
        return fail(session.error());
    m_session = std::move(*session);
    connect(m_session.get(), &auth::Session::locked, this, &AccountGate::locked);
    connect(m_session.get(), &auth::Session::unlocked, this, &AccountGate::unlocked);
    emit loggedIn();
    return m_session->account().name;
}

void AuthAccountGate::logout()
{
    if (!m_session)
        return;
    emit aboutToLogOut();
    m_session.reset();
    emit loggedOut();
}

QString AuthAccountGate::accountName() const
{
    return m_session ? m_session->account().name : QString();
}

QString AuthAccountGate::displayName() const
{
    if (!m_session)
        return {};
    return m_session->account().displayName.isEmpty() ? m_session->account().name : m_session->account().displayName;
}

bool AuthAccountGate::isLocked() const
{
    return m_session && m_session->isLocked();
}

void AuthAccountGate::lockNow()
{
    if (m_session)
        m_session->lockNow();
}

Result<void> AuthAccountGate::unlock(const QByteArray& password)
{
    if (!m_session)
        return fail(Error::invalidInput(u"not logged in"_s));
    return m_session->unlock(password);
}

void AuthAccountGate::touch()
{
    if (m_session && !m_session->isLocked())
        m_session->touch();
}

Result<QString> AuthAccountGate::approveAsManager(const QString& user, const QByteArray& password,
                                                  const QString& action)
{
    if (!m_session || m_session->isLocked())
        return fail(Error::invalidInput(u"not logged in"_s));
    auto account =
        m_authenticator.approveOverride(m_session->store(), user, password, action, m_session->account().name);
    if (!account)
        return fail(account.error());
    return account->name;
}

void AuthAccountGate::setIdleSeconds(int seconds)
{
    if (m_session)
        m_session->setIdleSeconds(seconds);
}

int AuthAccountGate::idleSeconds() const
{
    return m_session ? m_session->idleSeconds() : 0;
}

store::OutletStore* AuthAccountGate::store() const
{
    return m_session && !m_session->isLocked() ? &m_session->store() : nullptr;
}

} // namespace shiming
