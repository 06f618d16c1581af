using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Probes.Tls;

/// <summary>
/// TLS on a port that waits for the client: a handshake (SNI only for a name the scope allows; no certificate download,
/// no revocation fetch), then the certificate (expired, not yet valid, self-signed, incomplete or untrusted chain,
/// hostname mismatch, RSA key under 2048 bits), the protocols (SSLv3, TLS 1.0 and 1.1 by a hand-written
/// <see cref="ClientHello"/>, since the platform will not offer them), the weak cipher groups and OCSP stapling.
/// Verdicts carry testssl.sh's check ids and severities, so a testssl.sh report of the same port merges with them.
/// </summary>
public sealed class TlsProbe : IServiceProbe
{
    private const string Testssl = "testssl.sh:";
    private const int MaxFirstFlight = 64 * 1024;

    private static readonly (ushort Version, string CheckId, string Name, string Severity)[] LegacyProtocols =
    [
        (ClientHello.Ssl3, "SSLv3", "SSLv3", "high"),
        (ClientHello.Tls10, "TLS1", "TLS 1.0", "low"),
        (ClientHello.Tls11, "TLS1_1", "TLS 1.1", "low"),
    ];

    public string Name => "probe/tls";

    public int Version => 1;

    public bool Applies(ProbedService service) => service?.Banner is null;

    public async Task<ProbeResult> ProbeAsync(ProbedService service, IProbeNetwork network, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(network);
        var endpoint = service.Endpoint;
        // The platform refuses some servers outright (an RSA key under 2048 bits, only old protocols); their
        // certificates still come in the clear in the answer to a hand-written TLS 1.2 or 1.0 hello.
        var session = await HandshakeAsync(service, network, cancellationToken)
            ?? await ClearTextSessionAsync(service, network, ClientHello.Tls12, cancellationToken)
            ?? await ClearTextSessionAsync(service, network, ClientHello.Tls10, cancellationToken);
        var findings = new List<ReportedFinding>();
        var legacy = 0;
        foreach (var (version, checkId, name, severity) in LegacyProtocols)
        {
            if (await HelloAsync(service, network, version, CipherSuites.Broad, askOcsp: false, cancellationToken) is { } hello && hello.Version == version)
            {
                legacy++;
                findings.Add(Finding(endpoint, checkId, $"{name} offered (deprecated)", severity));
            }
        }

        // A server that speaks only protocols the platform refuses is still TLS: its old protocols are the findings.
        if (session is null && legacy == 0)
        {
            return ProbeResult.None;
        }

        using (session?.Leaf)
        {
            if (session is not null)
            {
                findings.InsertRange(0, CertificateFindings(service, session, endpoint, network.Time.GetUtcNow()));
            }

            foreach (var group in CipherSuites.Weak)
            {
                if (await HelloAsync(service, network, ClientHello.Tls12, group.Suites, askOcsp: false, cancellationToken) is { } hello && group.Suites.Contains(hello.CipherSuite))
                {
                    findings.Add(Finding(endpoint, group.CheckId, $"{group.Title} offered (cipher suite 0x{hello.CipherSuite:x4})", group.Severity));
                }
            }

            var stapling = await HelloAsync(service, network, ClientHello.Tls12, CipherSuites.Broad, askOcsp: true, cancellationToken);
            if (stapling is not null && !stapling.Extensions.Contains((ushort)5))
            {
                findings.Add(Finding(endpoint, "OCSP_stapling", "OCSP stapling not offered", "low"));
            }

            // The hand-written hellos are TLS 1.2 and older, which a TLS 1.3-only server refuses: say what that leaves.
            IReadOnlyList<string> notes = stapling is null && session is { Protocol: SslProtocols.Tls13 }
                ? ["TLS 1.3 only: no weak cipher suite exists in TLS 1.3 (its five suites are all AEAD), so none was looked for; OCSP stapling was not checked (TLS 1.3 sends the stapled answer encrypted, after the hello)"]
                : [];

            var facts = session is null
                ? ["TLS: only protocols older than TLS 1.2 answered; the certificate was not read"]
                : new[] { $"TLS: {(session.Protocol == SslProtocols.None ? "read from a hand-written hello (the platform refused the handshake)" : session.Protocol.ToString())}, {session.CipherSuite}, certificate {session.Leaf.Subject} issued by {session.Leaf.Issuer}" };
            return new ProbeResult("tls", findings) { Tls = session is { Protocol: not SslProtocols.None }, Facts = facts, Notes = notes };
        }
    }

    private sealed record Session(X509Certificate2 Leaf, IReadOnlyList<X509Certificate2> Presented, SslProtocols Protocol, TlsCipherSuite CipherSuite);

    private static IEnumerable<ReportedFinding> CertificateFindings(ProbedService service, Session session, ReportedAsset endpoint, DateTimeOffset now)
    {
        var leaf = session.Leaf;
        if (leaf.NotAfter.ToUniversalTime() < now.UtcDateTime)
        {
            yield return Finding(endpoint, "cert_expirationStatus", $"certificate expired on {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC", "critical");
        }

        if (leaf.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            yield return Finding(endpoint, "cert_notBefore", $"certificate not valid before {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC", "high");
        }

        var selfSigned = leaf.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData);
        using var chain = new X509Chain();
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.ExtraStore.AddRange(session.Presented.ToArray());
        var trusted = chain.Build(leaf);
        var status = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if (selfSigned)
        {
            yield return Finding(endpoint, "cert_chain_of_trust", "chain of trust failed (self signed)", "critical");
        }
        else if (status.HasFlag(X509ChainStatusFlags.PartialChain))
        {
            yield return Finding(endpoint, "cert_chain_of_trust", "chain of trust failed (chain incomplete: the server does not send the issuer)", "critical");
        }
        else if (!trusted)
        {
            yield return Finding(endpoint, "cert_chain_of_trust", $"chain of trust failed ({status})", "critical");
        }

        if (!leaf.MatchesHostname(service.Host))
        {
            yield return Finding(endpoint, "cert_trust", $"certificate does not match {service.Host} (subject {leaf.Subject})", "high");
        }

        if (leaf.GetRSAPublicKey() is { } rsa)
        {
            using (rsa)
            {
                if (rsa.KeySize < 2048)
                {
                    yield return Finding(endpoint, "cert_keySize", $"RSA {rsa.KeySize} bits (too small)", rsa.KeySize <= 1024 ? "high" : "medium");
                }
            }
        }
    }

    private static async Task<Session?> ClearTextSessionAsync(ProbedService service, IProbeNetwork network, ushort version, CancellationToken cancellationToken)
    {
        if (await HelloAsync(service, network, version, CipherSuites.Broad, askOcsp: false, cancellationToken) is not { Certificates.Count: > 0 } hello)
        {
            return null;
        }

        try
        {
            var certificates = hello.Certificates.Select(c => X509CertificateLoader.LoadCertificate(c)).ToList();
            return new Session(certificates[0], certificates.Skip(1).ToList(), SslProtocols.None, (TlsCipherSuite)hello.CipherSuite);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static async Task<Session?> HandshakeAsync(ProbedService service, IProbeNetwork network, CancellationToken cancellationToken)
    {
        var stream = await network.ConnectAsync(service, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        X509Certificate2? leaf = null;
        var presented = new List<X509Certificate2>();
        await using var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(network.Timeout);
        var options = new SslClientAuthenticationOptions
        {
            // The name was allowed with the connection; an address is sent as no SNI at all.
            TargetHost = service.Host,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            CertificateChainPolicy = new X509ChainPolicy { DisableCertificateDownloads = true, RevocationMode = X509RevocationMode.NoCheck },
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                // A probe judges the certificate itself, afterwards: accept it to see everything the server sends.
                leaf = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                presented.AddRange((chain?.ChainPolicy.ExtraStore ?? []).Select(c => X509CertificateLoader.LoadCertificate(c.RawData)));
                return true;
            },
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(options, bounded.Token);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            leaf?.Dispose();
            return null;
        }

        return leaf is null ? null : new Session(leaf, presented, ssl.SslProtocol, ssl.NegotiatedCipherSuite);
    }

    private static async Task<ServerHello?> HelloAsync(
        ProbedService service, IProbeNetwork network, ushort version, IReadOnlyList<ushort> suites, bool askOcsp, CancellationToken cancellationToken)
    {
        var stream = await network.ConnectAsync(service, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        await using (stream)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(network.Timeout);
            try
            {
                var serverName = IPAddress.TryParse(service.Host, out _) ? null : service.Host;
                await stream.WriteAsync(ClientHello.Build(version, suites, serverName, askOcsp), bounded.Token);
                var answer = new byte[MaxFirstFlight];
                var read = 0;
                // The first flight (ServerHello, Certificate, … ServerHelloDone) may come in many reads.
                while (read < answer.Length)
                {
                    var n = await stream.ReadAsync(answer.AsMemory(read), bounded.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                    if (ServerHello.Complete(answer.AsSpan(0, read)))
                    {
                        break;
                    }
                }

                return ServerHello.Read(answer.AsSpan(0, read));
            }
            catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return null;
            }
        }
    }

    private static ReportedFinding Finding(ReportedAsset endpoint, string checkId, string verdict, string severity) =>
        new(endpoint, [], Testssl + checkId, $"{checkId}: {verdict}", severity, null) { SharedRule = true, Description = verdict };
}
