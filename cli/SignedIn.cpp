#include "cli/SignedIn.h"

#include "core/auth/Authenticator.h"
#include "core/common/Clock.h"
#include "core/outlet/SignIn.h"

using namespace Qt::StringLiterals;

namespace shiming::cli {

QStringList signInOptions()
{
    return {u"--db"_s, u"--user"_s, u"--password-file"_s};
}

int withSignedIn(const Options& options, const Io& io, const Clock& clock,
                 const std::function<int(auth::Authenticator&, auth::Session&)>& work)
{
    const QString db = options.value(u"--db"_s);
    const QString user = options.value(u"--user"_s);
    if (db.isEmpty() || user.isEmpty())
        return options.usageError(io);
    QString message;
    QByteArray password = readSecret(options.value(u"--password-file"_s), io, &message);
    if (password.isEmpty())
        return failWith(io, Error::invalidInput(message));
    auth::Authenticator authenticator(db, clock);
    auto session = outlet::signIn(authenticator, user, std::move(password));
    if (!session)
        return failWith(io, session.error());
    return work(authenticator, **session);
}

int withSignedIn(const Options& options, const Io& io, const Clock& clock,
                 const std::function<int(auth::Session&)>& work)
{
    return withSignedIn(options, io, clock,
                        [&](auth::Authenticator&, auth::Session& session) { return work(session); });
}

} // namespace shiming::cli
