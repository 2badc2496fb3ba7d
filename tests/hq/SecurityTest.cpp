#include "HqScene.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

using Setup = HqWithTwoOutlets;

QByteArray batchFor(const QString& outlet)
{
    return protocol::encodeBatch(makeBatch(outlet, {sampleContent(1, 1)}));
}

} // namespace

TEST_CASE("Security: no client certificate is refused in the handshake", "[hq]")
{
    Setup s;
    RawClient anonymous(s.hq.port(), s.ca, nullptr);
    CHECK(anonymous.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 0);
    CHECK(anonymous.get("/v1/health").status == 0);
    CHECK(s.rows() == 0);
}

TEST_CASE("Security: a certificate from another CA is refused", "[hq]")
{
    Setup s;
    HqProcess stranger(PgCluster::instance().newDatabase());
    REQUIRE(stranger.start());
    const auto foreign = stranger.enroll(u"OUT-A"_s); // same outlet id, wrong CA
    REQUIRE(foreign.has_value());
    RawClient client(s.hq.port(), s.ca, &*foreign);
    CHECK(client.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 0);
    CHECK(s.rows() == 0);
}

TEST_CASE("Security: another outlet's certificate cannot upload for this outlet", "[hq]")
{
    Setup s;
    RawClient asB(s.hq.port(), s.ca, &*s.b);
    CHECK(asB.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 403); // batch claims OUT-A
    RawClient::Signing claim;
    claim.outletHeader = u"OUT-A"_s;
    CHECK(asB.post("/v1/batches", batchFor(u"OUT-A"_s), claim).status == 403); // header claims OUT-A
    CHECK(s.rows() == 0);
    CHECK(asB.post("/v1/batches", batchFor(u"OUT-B"_s)).status == 200); // its own is fine
}

TEST_CASE("Security: a replayed request is refused and writes nothing", "[hq]")
{
    Setup s;
    RawClient client(s.hq.port(), s.ca, &*s.a);
    REQUIRE(client.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 200);
    const long long before = s.rows();
    const RawResponse replay = client.replayLast();
    CHECK(replay.status == 409);
    CHECK(replay.body.startsWith("REPLAYED"));
    CHECK(s.rows() == before);

    RawClient::Signing stale;
    stale.timeMs = QDateTime::currentMSecsSinceEpoch() - 10 * 60 * 1000;
    CHECK(client.post("/v1/batches", batchFor(u"OUT-A"_s), stale).status == 401);
    CHECK(s.rows() == before);
}

TEST_CASE("Security: a tampered or unsigned body is refused", "[hq]")
{
    Setup s;
    RawClient client(s.hq.port(), s.ca, &*s.a);
    const QByteArray original = batchFor(u"OUT-A"_s);
    QByteArray tampered = original;
    tampered[tampered.size() - 10] = char(tampered[tampered.size() - 10] ^ 0x01);
    RawClient::Signing signedOriginal;
    signedOriginal.bodyForSignature = original;
    CHECK(client.post("/v1/batches", tampered, signedOriginal).status == 401);
    RawClient::Signing unsignedRequest;
    unsignedRequest.sign = false;
    CHECK(client.post("/v1/batches", original, unsignedRequest).status == 401);
    RawClient::Signing badNonce;
    badNonce.nonce = "NOT-HEX!";
    CHECK(client.post("/v1/batches", original, badNonce).status == 401);
    CHECK(client.post("/v1/batches", "garbage").status == 400);
    CHECK(s.rows() == 0);
}

TEST_CASE("Security: an oversized body gets 413 and writes nothing", "[hq]")
{
    Setup s;
    RawClient client(s.hq.port(), s.ca, &*s.a);
    const QByteArray huge(protocol::kMaxBatchBytes + 512 * 1024, 'x');
    CHECK(client.post("/v1/batches", huge).status == 413);
    CHECK(s.rows() == 0);
}

TEST_CASE("Security: revoked certificates and outlets are refused", "[hq]")
{
    Setup s;
    const QString pg = QString::fromStdString(s.url);
    REQUIRE(s.hq.run({u"revoke"_s, u"--pg"_s, pg, u"--serial"_s, s.a->serial}) == 0);
    RawClient a(s.hq.port(), s.ca, &*s.a);
    CHECK(a.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 403);

    RawClient b(s.hq.port(), s.ca, &*s.b);
    REQUIRE(b.post("/v1/batches", batchFor(u"OUT-B"_s)).status == 200);
    REQUIRE(s.hq.run({u"revoke"_s, u"--pg"_s, pg, u"--outlet"_s, u"OUT-B"_s}) == 0);
    CHECK(b.post("/v1/batches", batchFor(u"OUT-B"_s)).status == 403);
    CHECK(s.rows() == 2);
    CHECK(s.hq.run({u"revoke"_s, u"--pg"_s, pg}) == 2);
}

TEST_CASE("Security: an outlet enrolled again right after its revocation is accepted", "[hq]")
{
    Setup s;
    const QString pg = QString::fromStdString(s.url);
    // Three times over, so that at least one re-enrolment falls in the same second as its revocation.
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        REQUIRE(s.hq.run({u"revoke"_s, u"--pg"_s, pg, u"--outlet"_s, u"OUT-A"_s}) == 0);
        RawClient old(s.hq.port(), s.ca, &*s.a);
        CHECK(old.post("/v1/batches", batchFor(u"OUT-A"_s)).status == 403);
        const auto again = s.hq.enroll(u"OUT-A"_s);
        REQUIRE(again.has_value());
        RawClient renewed(s.hq.port(), s.ca, &*again);
        CHECK(renewed
                  .post("/v1/batches",
                        protocol::encodeBatch(makeBatch(u"OUT-A"_s, {sampleContent(round + 10, round + 10)})))
                  .status == 200);
        s.a = again;
    }
}
