#include "hq/PgPool.h"

#include <chrono>

namespace shiming::hq {

PgPool::PgPool(std::string url, int size)
    : m_url(std::move(url))
    , m_size(size)
{}

PgPool::~PgPool() = default;

void PgPool::setSize(int size)
{
    std::lock_guard lock(m_mutex);
    m_size = size;
}

std::unique_ptr<pqxx::connection> PgPool::take(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    const bool available = m_returned.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                               [this] { return !m_free.empty() || m_open < m_size; });
    if (!available)
        return nullptr;
    if (!m_free.empty()) {
        std::unique_ptr<pqxx::connection> connection = std::move(m_free.back());
        m_free.pop_back();
        return connection;
    }
    ++m_open;
    lock.unlock();
    try {
        return std::make_unique<pqxx::connection>(m_url);
    } catch (...) {
        lock.lock();
        --m_open;
        m_returned.notify_one();
        throw;
    }
}

void PgPool::give(std::unique_ptr<pqxx::connection> connection)
{
    std::lock_guard lock(m_mutex);
    if (connection && connection->is_open() && m_open <= m_size)
        m_free.push_back(std::move(connection));
    else
        --m_open;
    m_returned.notify_one();
}

} // namespace shiming::hq
