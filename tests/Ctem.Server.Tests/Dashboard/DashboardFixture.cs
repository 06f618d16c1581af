using Ctem.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Ctem.Server.Tests.Dashboard;

/// <summary>
/// The API fixture's two teams and products (SQLite), served by a real Kestrel on a free loopback port for the
/// browser, and one chromium for the whole class. The API fixture's in-process client answers the same database.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private WebApplication? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ApiFixture? _api;

    internal ApiFixture Api => _api ?? throw new InvalidOperationException("not started");

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        if (Dashboard.Browser.UnavailableReason is not null)
        {
            return;
        }

        _api = await ApiFixture.CreateAsync(Dialect.Sqlite);
        await AddExposureGraphAsync(_api);
        _server = ServerHost.Build([], new ServerSettings(_api.Database.Spec) { Urls = "http://127.0.0.1:0" });
        await _server.StartAsync();
        BaseUrl = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        (_playwright, _browser) = await Dashboard.Browser.LaunchAsync();
    }

    /// <summary>A new browser context (its own cookies) at <paramref name="width"/> px, signed in with the token of (team, role) unless role is null.</summary>
    public async Task<IPage> PageAsync(string? role = "writer", string team = ApiFixture.OwnTeam, int width = 1280)
    {
        Prerequisite();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        if (role is not null)
        {
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("API token").FillAsync(Api.Tokens[(team, role)]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(BaseUrl + "/");
        }

        return page;
    }

    /// <summary>Whether the own product has an exposure graph with attack paths (it takes the shared sample data).</summary>
    public bool HasGraph { get; private set; }

    // The own product on the internet, with crown jewels behind it, and Trivy's network CVEs and leaked AWS key
    // ingested into it: the product page then draws paths and a cut.
    private async Task AddExposureGraphAsync(ApiFixture api)
    {
        string[] reports = [Ctem.Testing.RepoPaths.SharedData("scanners", "trivy", "defectdojo__cvss_severity_source.json"), Ctem.Testing.RepoPaths.SharedData("scanners", "trivy", "trivy-integration__secrets.json")];
        if (!reports.All(File.Exists))
        {
            return;
        }

        var scope = Path.Combine(api.Database.Directory, "graph.yaml");
        await File.WriteAllTextAsync(scope, $"""
            products:
              - name: {ApiFixture.OwnProduct}
                owner:
                  team: {ApiFixture.OwnTeam}
                criticality: high
                deployments:
                  - name: web
                    environment: production
                    internetFacing: true
                    connects: [{ApiFixture.OwnProduct}/api, payments]
                  - name: api
                    environment: production
                    connects: [orders-db]
            integrations:
              - name: payments
                kind: api
                endpoint: https://api.payments.example
                data: [card-data]
              - name: aws-exports
                kind: saas
                endpoint: https://s3.amazonaws.com
                data: [exports]
            data:
              - name: orders-db
                classification: restricted
                crownJewel: true
              - name: card-data
                classification: restricted
                crownJewel: true
              - name: exports
                classification: confidential
                crownJewel: true
            """);
        foreach (var report in reports)
        {
            await api.CliAsync("ingest", report, "--product", ApiFixture.OwnProduct, "--scope", scope);
        }

        HasGraph = true;
    }

    public static void Prerequisite() => Ctem.Testing.Prerequisite.Require(Dashboard.Browser.UnavailableReason);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }
}
