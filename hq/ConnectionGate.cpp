#include "hq/ConnectionGate.h"

#include "core/common/Logging.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace shiming::hq {

namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;
constexpr int kTickMs = 200;
constexpr qint64 kLogEveryMs = 10000;

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void setNoDelay(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// Bytes on their way from one side to the other; at most kBufferBytes, so a fast sender waits for a slow
// receiver instead of filling the gate's memory.
struct Pipe {
    std::unique_ptr<char[]> bytes;
    std::size_t head = 0;
    std::size_t tail = 0;
    bool eof = false;  ///< the sending side closed its direction
    bool shut = false; ///< the close was passed on

    std::size_t room() const { return kBufferBytes - tail; }
    bool empty() const { return head == tail; }
    char* space()
    {
        if (!bytes)
            bytes = std::make_unique<char[]>(kBufferBytes);
        return bytes.get() + tail;
    }
};

enum class Side : std::uint64_t { Client = 0, Upstream = 1 };
constexpr int kGone = -2;
constexpr std::uint32_t kUnwatched = ~std::uint32_t(0);

struct Connection {
    std::uint64_t id = 0;
    int client = -1;
    int upstream = -1; ///< -1: not yet connected; kGone: the service closed its side and the socket is closed
    bool connecting = false;
    std::string address;
    bool relayed = false; ///< counted against the address's relayed connections (else its silent ones)
    qint64 acceptedMs = 0;
    qint64 lastMs = 0;
    Pipe toUpstream;
    Pipe toClient;
    // What epoll watches for on each socket; kUnwatched until the socket is added (0 is a valid set: errors only).
    std::uint32_t clientEvents = kUnwatched;
    std::uint32_t upstreamEvents = kUnwatched;
};

std::uint64_t tag(std::uint64_t id, Side side)
{
    return (id << 1) | std::uint64_t(side);
}

// Reads what `from` has into `pipe`. False: the socket failed (the connection goes).
bool fill(int from, Pipe& pipe)
{
    while (!pipe.eof && pipe.room() > 0) {
        const ssize_t n = ::recv(from, pipe.space(), pipe.room(), 0);
        if (n > 0) {
            pipe.tail += std::size_t(n);
            continue;
        }
        if (n == 0) {
            pipe.eof = true;
            break;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        if (errno == EINTR)
            continue;
        return false;
    }
    return true;
}

// Writes what `pipe` holds to `to`. False: the socket failed.
bool drain(int to, Pipe& pipe)
{
    while (!pipe.empty()) {
        const ssize_t n = ::send(to, pipe.bytes.get() + pipe.head, pipe.tail - pipe.head, MSG_NOSIGNAL);
        if (n > 0) {
            pipe.head += std::size_t(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        return false;
    }
    pipe.head = pipe.tail = 0;
    return true;
}

} // namespace

ConnectionGate::ConnectionGate(GateLimits limits)
    : m_limits(limits)
{}

ConnectionGate::~ConnectionGate()
{
    stop();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

Result<int> ConnectionGate::bind(const QString& host, int port)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    const QByteArray name = host.toUtf8();
    if (const int rc = ::getaddrinfo(name.constData(), service.c_str(), &hints, &found); rc != 0)
        return fail(Error::invalidInput(u"cannot resolve %1: %2"_s.arg(host, QString::fromUtf8(gai_strerror(rc)))));
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
    QString lastError;
    for (addrinfo* a = found; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        const int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) {
            sockaddr_storage bound{};
            socklen_t length = sizeof bound;
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
            m_listenFd = fd;
            const auto* v4 = reinterpret_cast<const sockaddr_in*>(&bound);
            const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&bound);
            return int(ntohs(bound.ss_family == AF_INET6 ? v6->sin6_port : v4->sin_port));
        }
        lastError = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
    }
    return fail(Error::storageFailure(u"cannot bind %1:%2 (%3)"_s.arg(host).arg(port).arg(lastError)));
}

Result<void> ConnectionGate::start(int upstreamPort)
{
    if (m_listenFd < 0)
        return fail(Error::invalidInput(u"the gate is not bound"_s));
    m_upstreamPort = upstreamPort;
    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epollFd < 0 || m_wakeFd < 0)
        return fail(Error::storageFailure(
            u"cannot start the connection gate: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)))));
    epoll_event listen{};
    listen.events = EPOLLIN;
    listen.data.u64 = ~std::uint64_t(0);
    ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_listenFd, &listen);
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.u64 = ~std::uint64_t(0) - 1;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &wake);
    m_thread = std::thread([this] { loop(); });
    return {};
}

void ConnectionGate::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping = true;
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
    m_thread.join();
    ::close(m_epollFd);
    ::close(m_wakeFd);
    m_epollFd = m_wakeFd = -1;
}

void ConnectionGate::loop()
{
    std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> connections;
    std::unordered_map<std::string, int> perAddress; // relayed connections
    std::unordered_map<std::string, int> silentPerAddress;
    std::uint64_t nextId = 1;
    qint64 lastLogMs = 0;
    std::uint64_t refusedSinceLog = 0;
    std::string lastRefused;

    const auto watch = [this](int fd, std::uint64_t key, std::uint32_t events, std::uint32_t& current) {
        if (events == current)
            return;
        epoll_event event{};
        event.events = events;
        event.data.u64 = key;
        ::epoll_ctl(m_epollFd, current == kUnwatched ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event);
        current = events;
    };
    const auto close = [&](Connection& c) {
        if (c.client >= 0)
            ::close(c.client); // closing removes it from the epoll set
        if (c.upstream >= 0)
            ::close(c.upstream);
        auto& counts = c.relayed ? perAddress : silentPerAddress;
        if (auto it = counts.find(c.address); it != counts.end() && --it->second <= 0)
            counts.erase(it);
        --m_counters.open;
        connections.erase(c.id);
    };
    // Moves what can move and sets what each side waits for. False: the connection is finished and closed.
    const auto pump = [&](Connection& c) {
        const bool relaying = c.upstream >= 0 && !c.connecting;
        if (!fill(c.client, c.toUpstream))
            return false;
        if (relaying) {
            if (!drain(c.upstream, c.toUpstream))
                return false;
            if (c.toUpstream.eof && c.toUpstream.empty() && !c.toUpstream.shut) {
                ::shutdown(c.upstream, SHUT_WR);
                c.toUpstream.shut = true;
            }
            if (!fill(c.upstream, c.toClient))
                return false;
            if (c.toClient.eof) { // the service is done; its socket would only report its hang-up from now on
                ::close(c.upstream);
                c.upstream = kGone;
                c.upstreamEvents = kUnwatched;
            }
        }
        if (!drain(c.client, c.toClient))
            return false;
        // The service closed its side: nothing more will be answered once its last bytes are out.
        if (c.toClient.eof && c.toClient.empty())
            return false;
        // The client left before the service was reached.
        if (c.upstream == -1 && c.toUpstream.eof)
            return false;
        std::uint32_t clientWants = 0;
        if (!c.toUpstream.eof && c.toUpstream.room() > 0)
            clientWants |= EPOLLIN;
        if (!c.toClient.empty())
            clientWants |= EPOLLOUT;
        watch(c.client, tag(c.id, Side::Client), clientWants, c.clientEvents);
        if (c.upstream >= 0) {
            std::uint32_t upstreamWants = 0;
            if (c.connecting || !c.toUpstream.empty())
                upstreamWants |= EPOLLOUT;
            if (!c.connecting && !c.toClient.eof && c.toClient.room() > 0)
                upstreamWants |= EPOLLIN;
            watch(c.upstream, tag(c.id, Side::Upstream), upstreamWants, c.upstreamEvents);
        }
        return true;
    };
    // The client sent its first bytes: open the way to the service, unless its address has all it may have.
    const auto connectUpstream = [&](Connection& c) {
        if (perAddress[c.address] >= m_limits.perAddress) {
            ++m_counters.refusedPerAddress;
            ++refusedSinceLog;
            lastRefused = c.address;
            return false;
        }
        if (auto it = silentPerAddress.find(c.address); it != silentPerAddress.end() && --it->second <= 0)
            silentPerAddress.erase(it);
        ++perAddress[c.address];
        c.relayed = true;
        c.upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c.upstream < 0)
            return false;
        setNoDelay(c.upstream);
        sockaddr_in service{};
        service.sin_family = AF_INET;
        service.sin_port = htons(std::uint16_t(m_upstreamPort));
        service.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(c.upstream, reinterpret_cast<const sockaddr*>(&service), sizeof service) == 0)
            c.connecting = false;
        else if (errno == EINPROGRESS)
            c.connecting = true;
        else
            return false;
        return true;
    };
    const auto acceptAll = [&] {
        for (;;) {
            sockaddr_storage peer{};
            socklen_t length = sizeof peer;
            const int fd =
                ::accept4(m_listenFd, reinterpret_cast<sockaddr*>(&peer), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED)
                    continue;
                return; // EAGAIN, or out of descriptors (EMFILE): the rest wait in the backlog
            }
            char text[INET6_ADDRSTRLEN] = {};
            if (peer.ss_family == AF_INET6)
                ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&peer)->sin6_addr, text, sizeof text);
            else
                ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&peer)->sin_addr, text, sizeof text);
            std::string address(text);
            ++m_counters.accepted;
            const bool overTotal = m_counters.open.load() >= m_limits.total;
            const auto silent = silentPerAddress.find(address);
            const bool overAddress =
                !overTotal && silent != silentPerAddress.end() && silent->second >= m_limits.silentPerAddress;
            if (overTotal || overAddress) {
                ::close(fd);
                ++(overTotal ? m_counters.refusedTotal : m_counters.refusedPerAddress);
                ++refusedSinceLog;
                lastRefused = address;
                continue;
            }
            setNoDelay(fd);
            auto c = std::make_unique<Connection>();
            c->id = nextId++;
            c->client = fd;
            c->address = std::move(address);
            c->acceptedMs = c->lastMs = nowMs();
            ++silentPerAddress[c->address];
            ++m_counters.open;
            watch(c->client, tag(c->id, Side::Client), EPOLLIN, c->clientEvents);
            connections.emplace(c->id, std::move(c));
        }
    };

    epoll_event events[256];
    while (!m_stopping) {
        const int ready = ::epoll_wait(m_epollFd, events, 256, kTickMs);
        const qint64 now = nowMs();
        for (int i = 0; i < ready; ++i) {
            const std::uint64_t key = events[i].data.u64;
            if (key == ~std::uint64_t(0)) {
                acceptAll();
                continue;
            }
            if (key == ~std::uint64_t(0) - 1)
                continue; // woken to stop
            const auto it = connections.find(key >> 1);
            if (it == connections.end())
                continue; // closed earlier in this round
            Connection& c = *it->second;
            c.lastMs = now;
            bool alive = true;
            if (Side(key & 1) == Side::Client && (events[i].events & (EPOLLHUP | EPOLLERR))) {
                alive = false; // the client is gone both ways: no answer can reach it
            } else if (Side(key & 1) == Side::Client && c.upstream == -1) {
                if (!connectUpstream(c))
                    alive = false;
            } else if (Side(key & 1) == Side::Upstream && c.connecting) {
                int error = 0;
                socklen_t length = sizeof error;
                ::getsockopt(c.upstream, SOL_SOCKET, SO_ERROR, &error, &length);
                if (error != 0) {
                    qCWarning(lcSync) << "gate: the service does not accept connections:" << std::strerror(error);
                    alive = false;
                } else {
                    c.connecting = false;
                }
            }
            if (!alive || !pump(c))
                close(c);
        }
        // Deadlines: a silent socket after firstByteMs, any connection quiet for idleMs.
        for (auto it = connections.begin(); it != connections.end();) {
            Connection& c = *it->second;
            ++it;
            if (c.upstream == -1 && c.toUpstream.empty() && now - c.acceptedMs > m_limits.firstByteMs) {
                ++m_counters.silentClosed;
                close(c);
            } else if (now - c.lastMs > m_limits.idleMs) {
                ++m_counters.idleClosed;
                close(c);
            }
        }
        if (refusedSinceLog > 0 && now - lastLogMs > kLogEveryMs) {
            qCWarning(lcSync).noquote() << "gate: refused" << refusedSinceLog
                                        << "connection(s) over the connection limits, the last from"
                                        << QString::fromStdString(lastRefused);
            refusedSinceLog = 0;
            lastLogMs = now;
        }
    }
    while (!connections.empty())
        close(*connections.begin()->second);
}

} // namespace shiming::hq
