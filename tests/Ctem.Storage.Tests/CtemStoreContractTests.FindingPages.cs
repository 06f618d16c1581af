using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    private const string Log4j = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private const string Through = "pkg:npm/through@2.3.4";

    // Each case is read page by page (two findings a page) and must equal the whole list filtered and ordered as the
    // findings list always did it, in memory.
    public static TheoryData<string> FindingPageCases => new()
    {
        "order=priority",
        "order=id",
        "order=priority&product=shop",
        "order=id&product=blog",
        "order=priority&products=blog",
        "order=priority&products=blog,nobody",
        "order=priority&priorities=critical",
        "order=priority&priorities=high,low",
        "order=priority&kev=true",
        "order=priority&kev=false",
        "order=priority&text=LODASH",
        "order=priority&text=44228",
        "order=priority&text=summary of cve-2021-2",
        "order=priority&text=100%_sure",
        "order=id&owner=web",
        "order=priority&status=resolved",
        "order=id&status=all",
        "order=priority&status=all&product=shop&kev=false&priorities=critical,high",
        "order=priority&ssvc=act",
        "order=id&ssvc=trackstar&status=all",
        "order=priority&text=cve-2021-4",
        "order=priority&text=\"]",
    };

    // Numbered pages read every order, the due order too (which has no cursor), and count what the filters select.
    public static TheoryData<string> NumberedPageCases
    {
        get
        {
            var cases = new TheoryData<string>();
            foreach (var query in FindingPageCases)
            {
                cases.Add(query);
            }

            cases.Add("order=due");
            cases.Add("order=due&status=all");
            cases.Add("order=due&product=shop&kev=true");
            cases.Add("order=due&ssvc=attend&text=npm");
            return cases;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(FindingPageCases))]
    public async Task GetFindingPageAsync_PageByPage_EqualsTheWholeListFilteredAndOrdered(string query)
    {
        var store = await OpenStoreAsync();
        await StorePagedFindingsAsync(store);
        var request = PageRequest(query);

        var paged = await ReadAllPagesAsync(store, request);
        var expected = Expected(await store.GetFindingsAsync(request.Filter, Ct), request);

        Assert.Equal(expected.Select(Label), paged.Select(Label));
        Assert.All(paged, f => Assert.NotEmpty(f.Sources));
    }

    [SkippableTheory]
    [MemberData(nameof(NumberedPageCases))]
    public async Task GetFindingPageAsync_NumberedPages_EqualTheWholeListAndCountFindingsAsyncItsLength(string query)
    {
        var store = await OpenStoreAsync();
        await StorePagedFindingsAsync(store);
        var request = PageRequest(query);

        var paged = new List<StoredFinding>();
        for (var page = await store.GetFindingPageAsync(request, Ct); page.Count > 0; page = await store.GetFindingPageAsync(request with { Offset = paged.Count }, Ct))
        {
            Assert.True(page.Count <= request.Limit);
            paged.AddRange(page);
        }

        var expected = Expected(await store.GetFindingsAsync(request.Filter, Ct), request);
        Assert.Equal(expected.Select(Label), paged.Select(Label));
        Assert.Equal(expected.Count, await store.CountFindingsAsync(request, Ct));
        Assert.Equal(expected.Count, await store.CountFindingsAsync(request with { Offset = 3, Limit = 1 }, Ct));
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(400)]
    public async Task CountOpenFindingsAsync_IsTheListingsOpenFindingsByPriority_TheirKevEntries_AndSlasBreaches(int daysLater)
    {
        var store = await OpenStoreAsync();
        var kept = await StorePagedFindingsAsync(store);
        await store.AcceptRiskAsync(kept.Single(k => k.Observation.Vulnerability.Id == "CVE-2021-44906").Id, "behind the gateway", StoreData.T0.AddDays(900), "alice", StoreData.T0, Ct);
        var now = StoreData.T0.AddDays(daysLater);

        var counts = await store.CountOpenFindingsAsync(["shop", "blog", "nobody"], now, Ct);

        var open = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.Open), Ct);
        var all = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All), Ct);
        var inKev = Kev.Entries.ToDictionary(e => e.CveId, StringComparer.Ordinal);
        var expected = new[] { "blog", "shop" }.Select(product => new
        {
            Product = product,
            Priorities = string.Join(' ', open.Where(f => f.Product == product && f.Risk is not null).CountBy(f => f.Risk!.Priority.ToString().ToLowerInvariant()).OrderBy(p => p.Key, StringComparer.Ordinal)),
            Kev = open.Count(f => f.Product == product && f.Vulnerability.Aliases.Prepend(f.Vulnerability.Id).Any(inKev.ContainsKey)),
            Breached = all.Count(f => f.Product == product && f.Status == FindingStatus.Open
                && DueDate.Of(f.Risk, f.FirstSeenAt, f.Vulnerability.Aliases.Prepend(f.Vulnerability.Id).Select(inKev.GetValueOrDefault).OfType<KevEntry>().MinBy(e => e.DateAdded))?.At < now),
        });
        Assert.Equal(
            expected.Select(e => $"{e.Product}: {e.Priorities}; kev {e.Kev}; breached {e.Breached}"),
            counts.Select(c => $"{c.Product}: {string.Join(' ', c.OpenByPriority.Where(p => p.Value > 0).OrderBy(p => p.Key, StringComparer.Ordinal))}; kev {c.Kev}; breached {c.Breached}"));
        Assert.Equal(daysLater is 0 or 5 ? 1 : daysLater == 20 ? 3 : 5, counts.Single(c => c.Product == "shop").Breached);
    }

    [SkippableTheory]
    [InlineData("priority")]
    [InlineData("id")]
    public async Task GetFindingPageAsync_FindingsAddedAndResolvedBetweenPages_NextPageStartsAfterTheCursor(string order)
    {
        var store = await OpenStoreAsync();
        var kept = await StorePagedFindingsAsync(store);
        var request = PageRequest($"order={order}&product=shop") with { Limit = 2 };
        var first = await store.GetFindingPageAsync(request, Ct);
        var cursor = Position(first[^1]);

        // Between the pages: the first page's first finding and one after the cursor are resolved, two are added.
        var gone = (await store.GetFindingsAsync(request.Filter, Ct)).Where(f => f.Id != first[0].Id).Select(f => f.Id).Except(first.Select(f => f.Id)).First();
        var next = kept.Where(f => f.Id != first[0].Id && f.Id != gone).Select(f => f.Observation)
            .Append(Observed("pkg:npm/express@4.17.1", "CVE-2022-24999", 99, Priority.Critical))
            .Append(Observed("pkg:npm/qs@6.5.2", "CVE-2022-24999", 1, Priority.Low))
            .ToList();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(3), next), Ct);
        var rest = await ReadAllPagesAsync(store, request with { After = cursor });

        var expected = Expected(await store.GetFindingsAsync(request.Filter, Ct), request).SkipWhile(f => f.Id != first[^1].Id).Skip(1).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(Label), rest.Select(Label));
        Assert.DoesNotContain(rest, f => first.Any(p => p.Id == f.Id) || f.Id == gone);
        Assert.Equal(order == "id", rest.Any(f => f.Vulnerability.Id == "CVE-2022-24999" && f.ComponentPurl.Contains("express", StringComparison.Ordinal)));
    }

    private async Task<List<(long Id, ObservedFinding Observation)>> StorePagedFindingsAsync(ICtemStore store)
    {
        await ReplaceAsync(store, Kev, "kev");
        ObservedFinding[] shop =
        [
            Observed(Lodash, "CVE-2021-23337", 65, Priority.High, owner: "web"),
            Observed(Minimist, "CVE-2021-44906", 90, Priority.Critical, slaDays: 7, ssvc: SsvcOutcome.Act),
            Observed(Log4j, "GHSA-jfh8-c2jp-5v3q", 90, Priority.Critical, aliases: "CVE-2021-44228", slaDays: 7, ssvc: SsvcOutcome.Act),
            Observed(Through, "CVE-2021-29940", 30, Priority.Low, summary: "100%_sure", slaDays: 90, ssvc: SsvcOutcome.Track),
            StoreData.Finding("pkg:npm/left-pad@1.0.0", "CVE-2000-0001"),
            Observed("pkg:npm/ms@0.7.0", "CVE-2017-20162", 90, Priority.Critical, slaDays: 7),
        ];
        ObservedFinding[] blog =
        [
            Observed(Lodash, "CVE-2021-23337", 65, Priority.High),
            Observed(Through, "CVE-2021-29940", 30, Priority.Low, owner: "web"),
            Observed("pkg:npm/minimatch@3.0.4", "CVE-2022-3517", 45, Priority.Medium, aliases: "CVE-2021-45046", slaDays: 1, ssvc: SsvcOutcome.TrackStar),
        ];
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [.. shop, Observed("pkg:npm/debug@2.6.8", "CVE-2017-16137", 40, Priority.Medium, ssvc: SsvcOutcome.TrackStar)]), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), shop), Ct);
        var outcome = await store.RecordScanAsync(StoreData.Scan("blog", StoreData.T0.AddDays(2), blog), Ct);
        var stored = await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.Open), Ct);
        Assert.NotNull(outcome.Findings);
        return [.. shop.Select(o => (stored.Single(f => f.ComponentPurl == o.ComponentCoordinates).Id, o))];
    }

    private static ObservedFinding Observed(
        string purl, string id, double score, Priority priority, string? owner = null, string? aliases = null, string? summary = null, int slaDays = 30, SsvcOutcome ssvc = SsvcOutcome.Attend)
    {
        var finding = StoreData.Finding(purl, id, aliases is null ? [] : [aliases]) with { Risk = Risk(score, priority) with { SlaDays = slaDays, Ssvc = ssvc }, Owner = owner };
        return summary is null ? finding : finding with { Vulnerability = finding.Vulnerability with { Summary = summary } };
    }

    private static async Task<List<StoredFinding>> ReadAllPagesAsync(ICtemStore store, FindingPageRequest request)
    {
        var all = new List<StoredFinding>();
        for (var page = await store.GetFindingPageAsync(request, Ct); page.Count > 0; page = await store.GetFindingPageAsync(request with { After = Position(all[^1]) }, Ct))
        {
            Assert.True(page.Count <= request.Limit);
            all.AddRange(page);
        }

        return all;
    }

    private static FindingPageRequest PageRequest(string query)
    {
        var values = query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        string[]? List(string key) => values.TryGetValue(key, out var list) ? list.Split(',') : null;
        var status = Enum.Parse<FindingStatusFilter>(values.GetValueOrDefault("status", "open"), ignoreCase: true);
        return new FindingPageRequest(
            new FindingFilter(values.GetValueOrDefault("product"), status) { Owner = values.GetValueOrDefault("owner") },
            Enum.Parse<FindingOrder>(values["order"], ignoreCase: true),
            2)
        {
            Products = List("products"),
            Priorities = List("priorities"),
            Kev = values.TryGetValue("kev", out var kev) ? bool.Parse(kev) : null,
            Text = values.GetValueOrDefault("text"),
            Ssvc = values.TryGetValue("ssvc", out var ssvc) ? Enum.Parse<SsvcOutcome>(ssvc, ignoreCase: true) : null,
        };
    }

    // The listing's meaning, in memory: what the store must reproduce in SQL.
    private static List<StoredFinding> Expected(IEnumerable<StoredFinding> findings, FindingPageRequest request)
    {
        var inKev = Kev.Entries.ToDictionary(e => e.CveId, StringComparer.Ordinal);
        var wanted = findings
            .Where(f => request.Products is null || request.Products.Contains(f.Product))
            .Where(f => request.Priorities is null || (f.Risk is { } risk && request.Priorities.Contains(risk.Priority.ToString().ToLowerInvariant())))
            .Where(f => request.Kev is null || f.Vulnerability.Aliases.Prepend(f.Vulnerability.Id).Any(inKev.ContainsKey) == request.Kev)
            .Where(f => request.Ssvc is null || f.Risk?.Ssvc == request.Ssvc)
            .Where(f => request.Text is not { } text
                || new[] { f.Vulnerability.Id, f.Vulnerability.Summary, f.ComponentPurl, f.PackageName, f.Product }.Concat(f.Vulnerability.Aliases)
                    .Any(v => v?.Contains(text, StringComparison.OrdinalIgnoreCase) == true));
        // KEV's earliest-added entry among the vulnerability's ids, as the report-time lookup merges them.
        DateTimeOffset? Due(StoredFinding f) => DueDate.Of(
            f.Risk, f.FirstSeenAt, f.Vulnerability.Aliases.Prepend(f.Vulnerability.Id).Select(inKev.GetValueOrDefault).OfType<KevEntry>().MinBy(e => e.DateAdded))?.At;
        return request.Order switch
        {
            FindingOrder.Id => [.. wanted.OrderBy(f => f.Id)],
            FindingOrder.Due => [.. wanted.OrderBy(f => Due(f) is null).ThenBy(Due).ThenBy(f => f.Product, StringComparer.Ordinal).ThenBy(f => f.ComponentPurl, StringComparer.Ordinal)
                .ThenBy(f => f.Vulnerability.Id, StringComparer.Ordinal).ThenBy(f => f.Id)],
            _ => [.. wanted.OrderByDescending(f => f.Risk?.Score ?? -1).ThenBy(f => f.Product, StringComparer.Ordinal).ThenBy(f => f.ComponentPurl, StringComparer.Ordinal)
                .ThenBy(f => f.Vulnerability.Id, StringComparer.Ordinal).ThenBy(f => f.Id)],
        };
    }

    private static FindingPosition Position(StoredFinding f) => new(f.Risk?.Score ?? -1, f.Product, f.ComponentPurl, f.Vulnerability.Id, f.Id);

    private static string Label(StoredFinding f) => $"{f.Id} {f.Product} {f.ComponentPurl} {f.Vulnerability.Id} {f.Risk?.Score} {f.Status}";
}
