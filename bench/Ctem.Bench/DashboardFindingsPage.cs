using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Access;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Plugins;
using Ctem.Server;
using Ctem.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ctem.Bench;

/// <summary>
/// The dashboard's findings page over 100,000 findings (the ingest benchmark's generated Trivy report, owned by one
/// team): the server on a loopback port, a signed-in session, then the time to the last byte of the first render and
/// of later ones, for the default view and a filtered, sorted, paged one.
/// </summary>
internal static partial class DashboardFindingsPage
{
    private const string Team = "bench";

    public static async Task RunAsync(ICtemStore store, InputReader reader, string database, string directory)
    {
        var report = Path.Combine(directory, "trivy-100k.json");
        await File.WriteAllTextAsync(report, IngestThroughput.Report(IngestThroughput.DefaultFindings / IngestThroughput.PerPackage, shift: 0));
        var product = new ScopeProduct("bench-dashboard", null, new ProductOwner(Team, null), Criticality.High, DataSensitivity.Unspecified, false, [], []);
        var ingester = new ReportIngester(store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, reader, TimeProvider.System);
        var ingest = await ingester.IngestAsync(new IngestRequest([report], product.Name, null) { Scope = ScopeDocument.Empty with { Products = [product] } }, CancellationToken.None);
        var token = await new ApiTokens(store.Tokens, RandomNumberGenerator.Fill, TimeProvider.System).IssueAsync(Team, ApiRole.Reader, null, CancellationToken.None);

        await using var server = ServerHost.Build(["--Logging:LogLevel:Default=Warning"], new ServerSettings(database) { Urls = "http://127.0.0.1:0", RequestsPerMinute = 100_000 });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var form = await client.GetStringAsync("/sign-in");
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        using var signIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token.Secret, ["__RequestVerificationToken"] = antiforgery }));
        if (signIn.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"sign-in answered {signIn.StatusCode}");
        }

        Console.WriteLine($"dashboard findings page, {ingest.Runs.Sum(r => r.Findings.Count):N0} findings of one team, {Environment.ProcessorCount} cores, SQLite unless CTEM_BENCH_DB:");
        Console.WriteLine("| view | first render | median of the next 5 |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var view in new[] { "/findings", "/findings?priority=critical&text=bench-19&sort=due&page=2" })
        {
            var first = await TimeAsync(client, view);
            var next = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                next.Add(await TimeAsync(client, view));
            }

            Console.WriteLine($"| {view} | {first:F0} ms | {next.Order().ElementAt(2):F0} ms |");
        }

        await server.StopAsync();
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {response.StatusCode}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
