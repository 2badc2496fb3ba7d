#include "core/outlet/OutletSync.h"

#include "core/common/Logging.h"
#include "core/outlet/AuthAccountGate.h"
#include "core/store/OutletStore.h"
#include "core/sync/HqClient.h"
#include "core/sync/SyncCredentials.h"

namespace shiming {

OutletSync::OutletSync(AuthAccountGate& gate, sync::SyncScheduler::Options options, QObject* parent)
    : QObject(parent)
    , m_gate(gate)
    , m_options(options)
{
    connect(&m_gate, &AccountGate::loggedIn, this, &OutletSync::start);
    connect(&m_gate, &AccountGate::aboutToLogOut, this, &OutletSync::stop);
    connect(&m_gate, &AccountGate::unlocked, this, &OutletSync::refresh);
    if (m_gate.isLoggedIn())
        start();
}

OutletSync::~OutletSync()
{
    stop();
}

void OutletSync::start()
{
    stop();
    store::OutletStore* store = m_gate.store();
    if (!store)
        return;
    auto credentials = sync::loadCredentials(*store);
    if (!credentials) {
        qCInfo(lcSync) << "outlet not enrolled with HQ, no sync:" << credentials.error().detail;
        m_state = State::NotEnrolled;
        refresh();
        return;
    }
    m_client = std::make_unique<sync::HqClient>(credentials->bundle, credentials->hqUrl);
    m_engine = std::make_unique<sync::SyncEngine>(*store, *m_client, credentials->operatorCode);
    m_scheduler = std::make_unique<sync::SyncScheduler>(*m_engine, m_options);
    connect(m_scheduler.get(), &sync::SyncScheduler::passFinished, this, &OutletSync::refresh);
    connect(m_scheduler.get(), &sync::SyncScheduler::onlineChanged, this, &OutletSync::refresh);
    m_state = State::Running;
    m_scheduler->start();
    refresh();
}

void OutletSync::stop()
{
    // The engine refers to the store of the session that is about to close: everything goes before it does.
    // The client goes first: should aborting a request still call back, the engine and the store are there.
    if (m_scheduler)
        m_scheduler->stop();
    m_client.reset();
    m_scheduler.reset();
    m_engine.reset();
    if (m_state != State::SignedOut) {
        m_state = State::SignedOut;
        m_status = {};
        emit statusChanged();
    }
}

void OutletSync::registrationCommitted()
{
    if (m_scheduler)
        m_scheduler->registrationCommitted();
    refresh();
}

void OutletSync::syncNow()
{
    if (m_scheduler)
        m_scheduler->syncNow();
}

void OutletSync::refresh()
{
    store::OutletStore* store = m_gate.store();
    if (!store || m_state == State::SignedOut)
        return;
    auto status = sync::readSyncStatus(*store);
    if (!status) {
        qCWarning(lcSync) << "sync status unreadable:" << status.error().detail;
        return;
    }
    m_status = *status;
    emit statusChanged();
}

} // namespace shiming
