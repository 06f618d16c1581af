using System.Net;
using System.Text;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Tests.Discovery.Active;
using Ctem.Engine.Validation.Checks;
using Ctem.Plugins.Probes.Tls;
using Xunit;

namespace Ctem.Engine.Tests.Validation.Checks;

/// <summary>Every built-in check against a loopback service that has the exposure, and one that does not.</summary>
public sealed class BuiltInChecksTests
{
    private const string EnvFile = "APP_NAME=shop\nDB_HOST=db\nDB_PASSWORD=s3cr3t-Passw0rd-value\nexport STRIPE_API_KEY=sk_live_51HqLyjWDarjtT1zdp7dc\n";

    public static TheoryData<string, bool> Cases
    {
        get
        {
            var cases = new TheoryData<string, bool>();
            foreach (var check in CheckLoader.BuiltIn().Checks)
            {
                cases.Add(check.Id, true);
                cases.Add(check.Id, false);
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Check_LoopbackService_ValidatedOnlyWhenExposed(string id, bool exposed)
    {
        var check = CheckLoader.BuiltIn().Checks.Single(c => c.Id == id);
        var now = DateTimeOffset.UtcNow;
        var (server, scheme) = Server(id, exposed, now);
        await using (server)
        {
            var target = new CheckTarget("127.0.0.1", IPAddress.Loopback, server.Port, scheme is null ? null : new Uri($"{scheme}://127.0.0.1:{server.Port}/"));

            var result = await new CheckExecutor(Network(), new TlsProbe()).RunAsync(check, target, CancellationToken.None);

            Assert.True(server.Accepted > 0);
            Assert.Equal(exposed ? ValidationOutcome.Validated : ValidationOutcome.NotReproduced, result.Outcome);
            Assert.NotNull(result.Excerpt);
        }
    }

    [Fact]
    public async Task DotenvFile_Validated_EvidenceMasksTheSecrets()
    {
        var check = CheckLoader.BuiltIn().Checks.Single(c => c.Id == "dotenv-file");
        await using var server = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/.env"] = LoopbackServer.Page(200, "", EnvFile) });

        var result = await new CheckExecutor(Network(), null).RunAsync(check, new CheckTarget("127.0.0.1", IPAddress.Loopback, server.Port, new Uri($"http://127.0.0.1:{server.Port}/")), CancellationToken.None);

        Assert.Equal(ValidationOutcome.Validated, result.Outcome);
        Assert.DoesNotContain("s3cr3t-Passw0rd-value", result.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live_51HqLyjWDarjtT1zdp7dc", result.Excerpt, StringComparison.Ordinal);
        Assert.Contains("DB_PASSWORD=s3cr… (21 characters)", result.Excerpt, StringComparison.Ordinal);
        Assert.Contains("DB_HOST=db", result.Excerpt, StringComparison.Ordinal);
        Assert.Contains("extracted variable: APP_NAME, variable: DB_HOST, variable: DB_PASSWORD, variable: STRIPE_API_KEY", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpCheck_RedirectOutOfScope_IsNotFollowed()
    {
        await using var outside = LoopbackServer.Http("127.0.0.2", new Dictionary<string, string> { ["/.git/config"] = LoopbackServer.Page(200, "", "[core]\n") });
        await using var inside = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/.git/config"] = LoopbackServer.Page(302, $"Location: http://127.0.0.2:{outside.Port}/.git/config\r\n", "") });
        var check = CheckLoader.BuiltIn().Checks.Single(c => c.Id == "git-config") ;
        var redirecting = check with { Requests = [check.Requests[0] with { MaxRedirects = 3 }] };

        var result = await new CheckExecutor(Network(), null).RunAsync(redirecting, new CheckTarget("127.0.0.1", IPAddress.Loopback, inside.Port, new Uri($"http://127.0.0.1:{inside.Port}/")), CancellationToken.None);

        Assert.Equal((0, ValidationOutcome.NotReproduced), (outside.Accepted, result.Outcome));
        Assert.Contains($"redirect to http://127.0.0.2:{outside.Port}/.git/config not followed", result.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NothingListening_IsAnError()
    {
        var check = CheckLoader.BuiltIn().Checks.Single(c => c.Id == "redis-unauth");
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var result = await new CheckExecutor(Network(), null).RunAsync(check, new CheckTarget("127.0.0.1", IPAddress.Loopback, port, null), CancellationToken.None);

        Assert.Equal((ValidationOutcome.Error, null), (result.Outcome, result.Excerpt));
        Assert.Contains($"127.0.0.1:{port}", result.Detail, StringComparison.Ordinal);
    }

    private static (LoopbackServer Server, string? Scheme) Server(string id, bool exposed, DateTimeOffset now)
    {
        static LoopbackServer Http(string path, string page, bool exposed) =>
            LoopbackServer.Http("127.0.0.1", exposed ? new Dictionary<string, string> { [path] = page } : new Dictionary<string, string> { [path] = LoopbackServer.Page(404, "", "<html>not here</html>") });

        var valid = LoopbackServer.Certificate("127.0.0.1", now.AddDays(-1), now.AddDays(100));
        return id switch
        {
            "git-config" => (Http("/.git/config", LoopbackServer.Page(200, "", "[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n\turl = https://deploy:ghp_abcdefghijklmnop@github.com/acme/shop.git\n"), exposed), "http"),
            "dotenv-file" => (Http("/.env", LoopbackServer.Page(200, "", EnvFile), exposed), "http"),
            "directory-listing" => (Http("/", LoopbackServer.Page(200, "Content-Type: text/html\r\n", exposed ? "<html><head><title>Index of /</title></head><body><a href=\"backup.sql\">backup.sql</a></body></html>" : "<html><title>Shop</title></html>"), true), "http"),
            "tomcat-manager-panel" => (Http("/manager/html", LoopbackServer.Page(401, "WWW-Authenticate: Basic realm=\"Tomcat Manager Application\"\r\n", "<h1>401 Unauthorized</h1>"), exposed), "http"),
            "springboot-env" => (Http("/actuator/env", LoopbackServer.Page(200, "Content-Type: application/vnd.spring-boot.actuator.v3+json\r\n", "{\"activeProfiles\":[\"prod\"],\"propertySources\":[{\"name\":\"server.ports\",\"properties\":{\"local.server.port\":{\"value\":8080}}}]}"), exposed), "http"),
            "apache-server-status" => (Http("/server-status", LoopbackServer.Page(200, "", "<html><h1>Apache Server Status for 127.0.0.1 (via 127.0.0.1)</h1><dl><dt>Server Version: Apache/2.4.62 (Debian)</dt></dl></html>"), exposed), "http"),
            "phpinfo-files" => (Http("/info.php", LoopbackServer.Page(200, "", "<html><h1 class=\"p\">PHP Version 8.2.26</h1><h2>PHP Extension</h2></html>"), exposed), "http"),
            "ds-store-file" => (Http("/.DS_Store", LoopbackServer.Page(200, "Content-Type: application/octet-stream\r\n", "\0\0\0\u0001Bud1\0\0\u0010\0\0\0\u0008\0"), exposed), "http"),
            "docker-api-unauth" => (Http("/version", LoopbackServer.Page(200, "Content-Type: application/json\r\n", "{\"Platform\":{\"Name\":\"Docker Engine - Community\"},\"Version\":\"27.3.1\",\"ApiVersion\":\"1.47\",\"GoVersion\":\"go1.22.7\"}"), exposed), "http"),
            "elasticsearch-unauth" => (Http("/", LoopbackServer.Page(200, "Content-Type: application/json\r\n", exposed ? "{\"name\":\"node-1\",\"cluster_name\":\"docker-cluster\",\"version\":{\"number\":\"8.15.0\",\"lucene_version\":\"9.11.1\"},\"tagline\":\"You Know, for Search\"}" : "{\"error\":\"security_exception\"}"), true), "http"),
            "missing-hsts" => (LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/"] = LoopbackServer.Page(200, exposed ? "" : "Strict-Transport-Security: max-age=31536000\r\n", "<html>shop</html>") }, valid), "https"),
            "redis-unauth" => (Reply("INFO", exposed ? "$120\r\n# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\nos:Linux 6.1.0 x86_64\r\n\r\n" : "-NOAUTH Authentication required.\r\n"), null),
            "unauth-psql" => (Reply("\0\u0003\0\0user\0postgres", exposed ? "R\0\0\0\u0008\0\0\0\0S\0\0\0\u0016application_name\0\0" : "R\0\0\0\u000C\0\0\0\u0005\u0012\u0034\u0056\u0078"), null),
            "expired-ssl" => (LoopbackServer.Tls("127.0.0.1", exposed ? LoopbackServer.Certificate("127.0.0.1", now.AddDays(-30), now.AddDays(-1)) : valid), null),
            "deprecated-tls" => (exposed ? LegacyTlsServer.Start("127.0.0.1") : LoopbackServer.Tls("127.0.0.1", valid), null),
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "a built-in check without a loopback test"),
        };
    }

    /// <summary>A TCP service that answers <paramref name="reply"/> once the request holds <paramref name="expected"/>, and nothing otherwise.</summary>
    private static LoopbackServer Reply(string expected, string reply) =>
        LoopbackServer.Start("127.0.0.1", async (stream, token) =>
        {
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer, token);
            if (Encoding.Latin1.GetString(buffer, 0, read).Contains(expected, StringComparison.Ordinal))
            {
                await stream.WriteAsync(Encoding.Latin1.GetBytes(reply), token);
            }
        });

    private static ScopedNetwork Network() =>
        new(new NetworkScope([NetworkTarget.Parse("127.0.0.1", out _)!], []), new FakeResolver([]), new ConnectionPacer(1000, TimeProvider.System), TimeSpan.FromSeconds(3), TimeProvider.System);
}
