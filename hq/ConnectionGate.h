#pragma once

#include "core/common/Error.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <thread>

namespace shiming::hq {

/// What the gate lets through; the defaults suit a hall network of a few hundred outlets.
struct GateLimits {
    /// Connections from one address that have started talking and are relayed to the service (each may hold a
    /// worker thread while it stalls); more are closed when they start. Outlets behind one NAT share an address,
    /// so this is generous; one host that starts connections and stalls cannot take more workers than this.
    int perAddress = 64;
    /// Connections from one address that have not sent a byte yet (they cost a descriptor, no thread, no buffer);
    /// more are closed on accept.
    int silentPerAddress = 1024;
    /// Open connections in all; more are closed on accept.
    int total = 16384;
    /// A connection that sends nothing (no TLS ClientHello) within this time is closed without ever reaching a
    /// worker thread.
    int firstByteMs = 5000;
    /// A relayed connection with no byte in either direction for this long is closed (the service closes kept
    /// alive connections after 5 s itself; this catches a stalled peer on either side).
    int idleMs = 60000;
};

/// Counters for `shiming-hq stats` and the abuse test (monotonic since start).
struct GateCounters {
    std::atomic<std::uint64_t> accepted{0};
    std::atomic<std::uint64_t> refusedPerAddress{0};
    std::atomic<std::uint64_t> refusedTotal{0};
    std::atomic<std::uint64_t> silentClosed{0};
    std::atomic<std::uint64_t> idleClosed{0};
    std::atomic<int> open{0};
};

/// The front door of HQ: an event loop (epoll, one thread) that owns the public listening socket. It accepts
/// every connection, closes those over the per-address or total limit at once, holds the others without a
/// thread until they send their first bytes, and only then relays them byte for byte (TLS stays end to end)
/// to the HTTPS service on a loopback port. A socket that sends nothing therefore never occupies one of the
/// service's worker threads, however many of them are open; a connection that starts and then stalls is bounded
/// by the service's read timeout and, per address, by the limit. Logs no personal data (addresses of refused
/// peers only, rate-limited).
class ConnectionGate {
public:
    explicit ConnectionGate(GateLimits limits = {});
    /// Before start().
    void setLimits(const GateLimits& limits) { m_limits = limits; }
    ~ConnectionGate();
    ConnectionGate(const ConnectionGate&) = delete;
    ConnectionGate& operator=(const ConnectionGate&) = delete;

    /// Binds the public address (port 0: a free one). Returns the bound port.
    Result<int> bind(const QString& host, int port);
    /// Starts relaying accepted connections to 127.0.0.1:`upstreamPort` in the gate's own thread.
    Result<void> start(int upstreamPort);
    /// Stops the loop and closes every connection.
    void stop();

    const GateCounters& counters() const { return m_counters; }

private:
    void loop();

    GateLimits m_limits;
    GateCounters m_counters;
    int m_listenFd = -1;
    int m_epollFd = -1;
    int m_wakeFd = -1;
    int m_upstreamPort = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace shiming::hq
