#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pqxx/connection>

namespace shiming::hq {

/// PostgreSQL connections shared by HQ's worker threads: at most `size` open at once, whatever the number of
/// threads (the threads mostly wait on sockets; the database takes few connections well). A request takes one
/// for the moments it uses the database, never while it reads a body from the network.
class PgPool {
public:
    PgPool(std::string url, int size);
    ~PgPool();

    void setSize(int size);
    int size() const { return m_size; }

    /// A free connection, or a new one while under the size; waits up to `timeoutMs` for one to come back.
    /// Null when none came (the caller answers "unavailable"). Throws what pqxx throws when a new one cannot
    /// be opened.
    std::unique_ptr<pqxx::connection> take(int timeoutMs);
    /// Gives a connection back (null or broken: it is dropped and a new one may be opened later).
    void give(std::unique_ptr<pqxx::connection> connection);

private:
    std::string m_url;
    int m_size;
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<pqxx::connection>> m_free;
    int m_open = 0; ///< taken + free
};

} // namespace shiming::hq
