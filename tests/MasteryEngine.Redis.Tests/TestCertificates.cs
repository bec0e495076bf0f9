using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>A private CA and a server certificate for 127.0.0.1, valid around now, in a temporary directory.</summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly string directory;

    private TestCertificates(string directory) => this.directory = directory;

    public string CaFile => Path.Combine(directory, "ca.pem");

    public string ServerCertificateFile => Path.Combine(directory, "server.pem");

    public string ServerKeyFile => Path.Combine(directory, "server.key");

    public static TestCertificates Create()
    {
        var certificates = new TestCertificates(Directory.CreateTempSubdirectory("me-redis-tls-").FullName);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Mastery Engine Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        // TLS validation reads the real clock, so the certificates are valid around real now.
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, now.AddDays(-1), now.AddDays(1), [1, 2, 3, 4, 5, 6, 7, 8]);

        File.WriteAllText(certificates.CaFile, ca.ExportCertificatePem());
        File.WriteAllText(certificates.ServerCertificateFile, server.ExportCertificatePem());
        File.WriteAllText(certificates.ServerKeyFile, serverKey.ExportPkcs8PrivateKeyPem());
        return certificates;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
