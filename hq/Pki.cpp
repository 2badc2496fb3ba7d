#include "hq/Pki.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace shiming::hq::pki {

namespace {

struct Free {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Free>;
using CertPtr = std::unique_ptr<X509, Free>;
using BioPtr = std::unique_ptr<BIO, Free>;
using BnPtr = std::unique_ptr<BIGNUM, Free>;

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(length));
}

QByteArray keyToPem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

QByteArray certToPem(X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

KeyPtr keyFromPem(const QByteArray& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

CertPtr certFromPem(const QByteArray& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return CertPtr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

QString serialOf(const X509* cert)
{
    BnPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
    char* hex = BN_bn2hex(bn.get());
    const QString result = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    return result;
}

bool addExtension(X509* issuer, X509* cert, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool ok = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

struct Draft {
    KeyPtr key;
    CertPtr cert;
};

// Outlet certificates are not backdated: HQ checks them against its own clock, and revoking an outlet revokes
// every certificate issued up to that second (a re-enrolment right after must stay valid).
Result<Draft> draft(const QString& commonName, int validDays, long backdateSeconds = 300, const QString& hall = {},
                    int counter = 0)
{
    Draft d;
    d.key.reset(EVP_EC_gen("P-256"));
    d.cert.reset(X509_new());
    if (!d.key || !d.cert)
        return fail(Error::storageFailure(u"cannot generate key"_s));
    X509_set_version(d.cert.get(), 2);
    BnPtr serial(BN_new());
    BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
    BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(d.cert.get()));
    X509_gmtime_adj(X509_getm_notBefore(d.cert.get()), -backdateSeconds);
    X509_gmtime_adj(X509_getm_notAfter(d.cert.get()), long(validDays) * 86400);
    X509_set_pubkey(d.cert.get(), d.key.get());
    X509_NAME* name = X509_get_subject_name(d.cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Shiming HQ"), -1, -1,
                               0);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1,
                               -1, 0);
    if (!hall.isEmpty()) {
        // Signed by HQ's CA, so HQ can take the hall and counter from the peer certificate of every request.
        const QByteArray ou = hall.toUtf8();
        const QByteArray number = QByteArray::number(counter);
        X509_NAME_add_entry_by_txt(name, "OU", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(ou.constData()),
                                   -1, -1, 0);
        X509_NAME_add_entry_by_txt(name, "serialNumber", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>(number.constData()), -1, -1, 0);
    }
    return d;
}

Result<KeyAndCertificate> finish(Draft& d, X509* issuerCert, EVP_PKEY* issuerKey)
{
    X509_set_issuer_name(d.cert.get(), X509_get_subject_name(issuerCert ? issuerCert : d.cert.get()));
    if (X509_sign(d.cert.get(), issuerKey, EVP_sha256()) <= 0)
        return fail(Error::storageFailure(u"cannot sign certificate"_s));
    return KeyAndCertificate{keyToPem(d.key.get()), certToPem(d.cert.get()), serialOf(d.cert.get())};
}

} // namespace

Result<KeyAndCertificate> createCa(const QString& commonName, int validDays)
{
    auto d = draft(commonName, validDays);
    if (!d)
        return fail(d.error());
    X509* cert = d->cert.get();
    if (!addExtension(cert, cert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
        !addExtension(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(cert, cert, NID_subject_key_identifier, "hash"))
        return fail(Error::storageFailure(u"cannot add CA extensions"_s));
    return finish(*d, nullptr, d->key.get());
}

namespace {

Result<KeyAndCertificate> issueLeaf(const KeyAndCertificate& ca, const QString& commonName, int validDays,
                                    const char* extendedUsage, const QByteArray& subjectAltName, long backdate,
                                    const QString& hall = {}, int counter = 0)
{
    KeyPtr caKey = keyFromPem(ca.keyPem);
    CertPtr caCert = certFromPem(ca.certificatePem);
    if (!caKey || !caCert)
        return fail(Error::invalidInput(u"CA key or certificate unreadable"_s));
    auto d = draft(commonName, validDays, backdate, hall, counter);
    if (!d)
        return fail(d.error());
    X509* cert = d->cert.get();
    bool ok = addExtension(caCert.get(), cert, NID_basic_constraints, "critical,CA:FALSE") &&
              addExtension(caCert.get(), cert, NID_key_usage, "critical,digitalSignature,keyAgreement") &&
              addExtension(caCert.get(), cert, NID_ext_key_usage, extendedUsage) &&
              addExtension(caCert.get(), cert, NID_authority_key_identifier, "keyid");
    if (ok && !subjectAltName.isEmpty())
        ok = addExtension(caCert.get(), cert, NID_subject_alt_name, subjectAltName.constData());
    if (!ok)
        return fail(Error::storageFailure(u"cannot add certificate extensions"_s));
    return finish(*d, caCert.get(), caKey.get());
}

} // namespace

Result<KeyAndCertificate> issueServer(const KeyAndCertificate& ca, const QStringList& subjectAltNames, int validDays)
{
    QStringList entries;
    for (const QString& name : subjectAltNames) {
        const bool isAddress = !name.isEmpty() && (name.front().isDigit() || name.contains(u':'));
        entries << (isAddress ? u"IP:"_s : u"DNS:"_s) + name;
    }
    return issueLeaf(ca, subjectAltNames.value(0, u"localhost"_s), validDays, "serverAuth", entries.join(u',').toUtf8(),
                     300);
}

Result<KeyAndCertificate> issueOutlet(const KeyAndCertificate& ca, const QString& outletId, int validDays,
                                      const QString& hall, int counter)
{
    return issueLeaf(ca, outletId, validDays, "clientAuth", QByteArray(), 0, hall.isEmpty() ? outletId : hall, counter);
}

namespace {

// The first entry of `nid` in the subject; null when there is none or it is unreadable.
QString subjectEntry(const X509_NAME* subject, int nid)
{
    const int index = X509_NAME_get_index_by_NID(subject, nid, -1);
    if (index < 0)
        return {};
    ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

Result<PeerIdentity> identityOf(X509* cert)
{
    PeerIdentity identity;
    const X509_NAME* subject = X509_get_subject_name(cert);
    identity.commonName = subjectEntry(subject, NID_commonName);
    if (identity.commonName.isEmpty())
        return fail(Error::policyRefused(u"certificate has no readable common name"_s));
    identity.hall = subjectEntry(subject, NID_organizationalUnitName);
    bool counterOk = false;
    const int counter = subjectEntry(subject, NID_serialNumber).toInt(&counterOk);
    if (identity.hall.isEmpty() || !counterOk || counter < 1 || counter > 99) {
        // Issued before halls: counter 1 of a hall of its own.
        identity.hall = identity.commonName;
        identity.counter = 1;
    } else {
        identity.counter = counter;
    }
    identity.serialHex = serialOf(cert);
    struct tm notBefore {};
    if (ASN1_TIME_to_tm(X509_get0_notBefore(cert), &notBefore) == 1) {
        identity.notBefore = QDateTime(QDate(notBefore.tm_year + 1900, notBefore.tm_mon + 1, notBefore.tm_mday),
                                       QTime(notBefore.tm_hour, notBefore.tm_min, notBefore.tm_sec), Qt::UTC);
    }
    return identity;
}

} // namespace

Result<PeerIdentity> peerIdentity(const ssl_st* ssl)
{
    if (!ssl)
        return fail(Error::policyRefused(u"no TLS session"_s));
    CertPtr cert(SSL_get1_peer_certificate(ssl));
    if (!cert)
        return fail(Error::policyRefused(u"no client certificate"_s));
    return identityOf(cert.get());
}

Result<PeerIdentity> certificateIdentity(const QByteArray& certificatePem)
{
    CertPtr cert = certFromPem(certificatePem);
    if (!cert)
        return fail(Error::invalidInput(u"certificate unreadable"_s));
    return identityOf(cert.get());
}

} // namespace shiming::hq::pki
