using System.Globalization;
using System.Net;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Ctem.Server.Tests.Dashboard;

/// <summary>The dashboard in real Chromium: sign-in and out, every page at both widths, filters, triage, the numbers, team isolation.</summary>
public sealed class DashboardBrowserTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    public static readonly TheoryData<string, int> Pages = new()
    {
        { "/sign-in", 1280 }, { "/sign-in", 390 },
        { "/", 1280 }, { "/", 390 },
        { "/findings", 1280 }, { "/findings", 390 },
        { "/findings?priority=high&sort=due", 1280 },
        { "/findings/{finding}", 1280 }, { "/findings/{finding}", 390 },
        { "/products/harp", 1280 }, { "/products/harp", 390 },
        { "/plan", 1280 }, { "/plan", 390 },
        { "/trends", 1280 }, { "/trends", 390 },
    };

    [SkippableFact]
    public async Task SignIn_WrongToken_IsRefused_RightToken_OpensThePortfolio_SignOut_EndsTheSession()
    {
        var page = await dashboard.PageAsync(role: null);

        await page.GotoAsync("/findings?priority=high");
        Assert.StartsWith(dashboard.BaseUrl + "/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("API token").FillAsync("ctem_not-a-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("unknown, revoked or expired", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("API token").FillAsync(dashboard.Api.Tokens[(ApiFixture.OwnTeam, "reader")]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(dashboard.BaseUrl + "/findings?priority=high");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "ctem_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(dashboard.BaseUrl + "/sign-in");
        await page.GotoAsync("/");
        Assert.StartsWith(dashboard.BaseUrl + "/sign-in", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Keyboard_SkipsToTheContent_AndFiltersWithoutAMouse()
    {
        var page = await dashboard.PageAsync("reader");
        await page.GotoAsync("/findings");
        Task<string> Focused() => page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent.trim()");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await Focused());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await Focused());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("f-product", await Focused());
        for (var i = 0; i < 10 && await Focused() != "f-text"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("f-text", await Focused());
        await page.Keyboard.TypeAsync("GHSA");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("text=GHSA", StringComparison.Ordinal));
        var shown = await page.Locator("#findings tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.finding)");
        Assert.Equal((await ApiIdsAsync("/api/v1/findings?text=GHSA&limit=1000")).Take(50), shown);
    }

    [SkippableFact]
    public async Task SignOut_WithoutTheAntiForgeryToken_IsRefused()
    {
        var page = await dashboard.PageAsync();

        var response = await page.APIRequest.PostAsync("/sign-out");

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        await page.GotoAsync("/");
        Assert.Equal(dashboard.BaseUrl + "/", page.Url);
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_Opens_HasNoSeriousAccessibilityViolation_AndIsCaptured(string path, int width)
    {
        var page = await dashboard.PageAsync(role: path == "/sign-in" ? null : "writer", width: width);
        var url = path.Replace("{finding}", await OwnFindingAsync(), StringComparison.Ordinal);

        var response = await page.GotoAsync(url);

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        var name = $"{(path.Trim('/').Length == 0 ? "portfolio" : string.Concat(path.Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')))}-{width}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotDirectory, name), FullPage = true });
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}").ToList();
        Assert.True(serious.Count == 0, $"{url} at {width} px: " + string.Join("\n", serious));
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{url} at {width} px scrolls sideways");
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Product_ExposureGraph_HighlightsThePaths_AndListsTheCut_AsTheApiComputesThem(int width)
    {
        var page = await dashboard.PageAsync(width: width);
        Ctem.Testing.Prerequisite.Require(dashboard.HasGraph ? null : "the exposure graph takes the shared sample data (../shared/data)");
        using var client = dashboard.Api.Client("reader");
        var paths = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/products/{ApiFixture.OwnProduct}/paths")).RootElement;
        var cut = paths.GetProperty("cut").GetProperty("findings").EnumerateArray().Select(f => "#" + f.GetInt64().ToString(CultureInfo.InvariantCulture)).ToList();

        await page.GotoAsync($"/products/{ApiFixture.OwnProduct}");
        await page.Locator("#exposure").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotDirectory, $"products-harp-graph-{width}.png"), FullPage = false });

        Assert.NotEmpty(cut);
        Assert.Equal(cut, (await page.Locator("#cut li a").AllInnerTextsAsync()).Select(t => t.Split(' ')[0]));
        Assert.Equal(Math.Min(20, paths.GetProperty("paths").GetArrayLength()), await page.Locator("#paths tbody tr").CountAsync());
        Assert.True(await page.Locator("svg.graph .node.on-path").CountAsync() >= paths.GetProperty("paths")[0].GetProperty("nodes").GetArrayLength());
        Assert.True(await page.Locator("svg.graph .node.cut").CountAsync() >= cut.Count);
        Assert.True(await page.Locator("svg.graph .edge.on-path").CountAsync() > 0);
        Assert.Contains("to cut", await page.Locator("#exposure-summary").InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Findings_Filter_KeepsItInTheUrl_AndListsWhatTheApiLists()
    {
        var page = await dashboard.PageAsync();
        DashboardFixture.Prerequisite();
        using var client = dashboard.Api.Client("reader");
        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/findings?limit=1")).RootElement.GetProperty("findings")[0];
        var priority = first.GetProperty("risk").GetProperty("priority").GetString()!;
        var text = first.GetProperty("component").GetProperty("name").GetString()!.Split('/')[0];
        await page.GotoAsync("/findings");

        await page.GetByLabel("Priority").SelectOptionAsync(priority);
        await page.GetByLabel("Text (id, alias, package, summary)").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"priority={priority}", StringComparison.Ordinal) && url.Contains($"text={Uri.EscapeDataString(text)}", StringComparison.Ordinal));

        var shown = await page.Locator("#findings tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.finding)");
        var expected = await ApiIdsAsync($"/api/v1/findings?priority={priority}&text={Uri.EscapeDataString(text)}&limit=1000");
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Take(50), shown);
        Assert.All(await page.Locator("#findings tbody td.priority").AllInnerTextsAsync(), p => Assert.Equal(priority, p));
        var shared = await dashboard.PageAsync();
        await shared.GotoAsync(page.Url);
        Assert.Equal(shown, await shared.Locator("#findings tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.finding)"));
    }

    [SkippableTheory]
    [InlineData("priority=urgent", "priority 'urgent' is not one of")]
    [InlineData("kev=maybe", "kev 'maybe' is not true or false")]
    [InlineData("product=storefront", "no product named 'storefront'")]
    public async Task Findings_UnknownFilter_IsNamed(string query, string message)
    {
        var page = await dashboard.PageAsync("reader");

        var response = await page.GotoAsync("/findings?" + query);

        Assert.Equal((int)HttpStatusCode.BadRequest, response!.Status);
        Assert.Contains(message, await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Triage_RecordsTheAnalysis_WithItsAuditEntry_AsTheApiSeesIt()
    {
        var page = await dashboard.PageAsync("writer");
        var id = await OwnFindingAsync(last: true);
        await page.GotoAsync($"/findings/{id}");

        await page.GetByLabel("State").SelectOptionAsync("false_positive");
        await page.GetByLabel("Detail").FillAsync("the scanner confused two packages");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record analysis" }).ClickAsync();

        Assert.Equal("Triaged as false_positive.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var statement = await page.Locator("#statements li").First.InnerTextAsync();
        Assert.Contains("false_positive by payments (dashboard, token", statement, StringComparison.Ordinal);
        Assert.Contains("the scanner confused two packages", statement, StringComparison.Ordinal);
        Assert.Contains("vex: false_positive", await page.Locator("#history").InnerTextAsync(), StringComparison.Ordinal);
        using var client = dashboard.Api.Client("reader");
        var finding = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/findings/{id}")).RootElement;
        Assert.Equal("false_positive", finding.GetProperty("vex").GetProperty("state").GetString());
    }

    [SkippableFact]
    public async Task Triage_ByAReader_IsRefused()
    {
        var page = await dashboard.PageAsync("reader");
        var id = await OwnFindingAsync();

        await page.GotoAsync($"/findings/{id}");

        Assert.Contains("Your token's role is reader", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Record analysis" }).CountAsync());
    }

    [SkippableFact]
    public async Task Portfolio_Numbers_AreTheApis()
    {
        var page = await dashboard.PageAsync("reader");
        await page.GotoAsync("/");

        var rows = page.Locator("#portfolio tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        var product = await rows.First.GetAttributeAsync("data-product");
        Assert.Equal(ApiFixture.OwnProduct, product);
        async Task<int> Cell(string name) => int.Parse(await rows.First.Locator($"td[data-cell='{name}']").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal((await ApiIdsAsync($"/api/v1/findings?product={product}&limit=1000")).Count, await Cell("open"));
        foreach (var priority in new[] { "critical", "high", "medium", "low" })
        {
            Assert.Equal((await ApiIdsAsync($"/api/v1/findings?product={product}&priority={priority}&limit=1000")).Count, await Cell(priority));
        }

        Assert.Equal((await ApiIdsAsync($"/api/v1/findings?product={product}&kev=true&limit=1000")).Count, await Cell("kev"));
        using var client = dashboard.Api.Client("reader");
        var sla = JsonDocument.Parse(await client.GetStringAsync("/api/v1/sla")).RootElement;
        Assert.Equal(sla.GetProperty("breached").GetArrayLength(), await Cell("breaches"));
        Assert.Equal(await Cell("open"), int.Parse(await page.Locator("[data-total='open']").InnerTextAsync(), CultureInfo.InvariantCulture));
    }

    [SkippableTheory]
    [InlineData("Download the SBOM (CycloneDX JSON)", "harp.cdx.json", "bomFormat", "CycloneDX")]
    [InlineData("Download the VEX (OpenVEX)", "harp.openvex.json", "@context", "https://openvex.dev/ns/v0.2.0")]
    public async Task Product_Downloads_AreTheProductsDocuments(string link, string fileName, string property, string value)
    {
        var page = await dashboard.PageAsync("reader");
        await page.GotoAsync($"/products/{ApiFixture.OwnProduct}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());

        Assert.Equal(fileName, download.SuggestedFilename);
        var document = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
        Assert.Equal(value, document.GetProperty(property).GetString());
    }

    [SkippableTheory]
    [InlineData("/products/storefront")]
    [InlineData("/products/storefront?handler=Sbom")]
    [InlineData("/findings/{other}")]
    public async Task AnotherTeamsProduct_IsNotReachableByUrl(string path)
    {
        var page = await dashboard.PageAsync("admin");
        var other = await OtherFindingAsync();

        var response = await page.GotoAsync(path.Replace("{other}", other, StringComparison.Ordinal));

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.DoesNotContain(ApiFixture.OtherTeam, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task<List<string>> ApiIdsAsync(string path, string team = ApiFixture.OwnTeam)
    {
        using var client = dashboard.Api.Client("reader", team);
        return JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).ToList();
    }

    private async Task<string> OwnFindingAsync(bool last = false)
    {
        DashboardFixture.Prerequisite();
        var ids = await ApiIdsAsync("/api/v1/findings?limit=1000");
        return last ? ids[^1] : ids[0];
    }

    private async Task<string> OtherFindingAsync()
    {
        DashboardFixture.Prerequisite();
        return (await ApiIdsAsync("/api/v1/findings?limit=1000", ApiFixture.OtherTeam))[0];
    }
}
