using System.Collections.Concurrent;
using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Knowledge;

namespace Ctem.Engine.Discovery.Active;

/// <summary>
/// <c>ctem discover</c>: what is reachable in the products' deployments, strictly inside the scope file's
/// <c>scope:</c>. Plans every address and port first (<see cref="DiscoveryPlan"/>), then TCP-connects each (a connect
/// scan, bounded concurrency, paced), reads what the open ones say unprompted, hands each open port to the probes in
/// order, and stores the result per product as a run of source <c>ctem-discover</c>, through the same path as an
/// ingested report: assets keyed <c>tcp://ADDRESS:PORT</c> as port scanners key them, findings merged and resolved
/// like any other source's.
/// </summary>
public sealed class ActiveDiscoverer(ReportIngester ingester, IReadOnlyList<IServiceProbe> probes, IHostResolver resolver, TimeProvider time)
{
    /// <summary>The tool name discover's findings carry, and the prefix of its sources.</summary>
    public const string Tool = "ctem-discover";

    /// <summary>Port scanners' shared open-port check: discover's open ports are the same finding as Nmap's.</summary>
    public const string OpenPortRule = "nmap:open-port";

    public async Task<DiscoveryReport> DiscoverAsync(DiscoveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = time.GetUtcNow();
        var network = new ScopedNetwork(request.Scope.Network, resolver, new ConnectionPacer(request.Rate, time), request.Timeout, time);
        var empty = new DiscoveryPlan([], []);
        if (request.Scope.Network.Allow.Count == 0)
        {
            return Failed(empty, "the scope file has no scope.allow, so nothing may be contacted; add scope: {allow: [...]} naming the hosts, addresses or ranges discovery may reach");
        }

        if (request.Product is { } named && request.Scope.FindProduct(named) is null)
        {
            return Failed(empty, $"the scope file has no product '{named}'");
        }

        var plan = await DiscoveryPlan.CreateAsync(request.Scope, request.Product, request.Ports, network, cancellationToken);
        if (plan.Hosts.Count == 0)
        {
            return Failed(plan, "no deployment target is inside scope.allow (deployments[].targets); nothing to contact") with { Refused = plan.Refused };
        }

        if (request.DryRun)
        {
            return new DiscoveryReport(OperationStatus.Succeeded, plan, [], [], []) { DryRun = true, Refused = plan.Refused };
        }

        using var budget = new CancellationTokenSource(request.Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var services = new ConcurrentBag<DiscoveredService>();
        var exhausted = false;
        try
        {
            var open = await ScanAsync(plan, network, request, linked.Token);
            await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = request.Concurrency, CancellationToken = linked.Token }, async (found, token) =>
                services.Add(await ProbeAsync(found.Host, found.Service, network, token)));
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            exhausted = true;
        }

        var ordered = await WithFingerprintVulnerabilitiesAsync(
            services.OrderBy(s => s.Host.Product, StringComparer.Ordinal).ThenBy(s => s.Service.Endpoint.Key, StringComparer.Ordinal).ToList(), cancellationToken);
        var stored = new List<IngestReport>();
        foreach (var product in plan.Hosts.Select(h => h.Product).Distinct(StringComparer.Ordinal))
        {
            var report = ReportOf(product, plan, ordered.Where(s => s.Host.Product == product).ToList());
            var ingest = new IngestRequest([], product, null) { Scope = request.Scope, Source = $"{Tool}:{product}" };
            stored.Add(await ingester.RecordAsync(report, "ctem discover", !exhausted, ingest, startedAt, cancellationToken));
        }

        var diagnostics = stored.SelectMany(s => s.Diagnostics).ToList();
        var status = stored.Any(s => s.Status == OperationStatus.Failed) ? OperationStatus.Failed
            : exhausted ? OperationStatus.Partial
            : OperationStatus.Succeeded;
        return new DiscoveryReport(status, plan, ordered, stored, diagnostics)
        {
            Refused = [.. plan.Refused.Concat(network.Refused).Distinct(StringComparer.Ordinal)],
            Connections = network.Connections,
            BudgetExhausted = exhausted,
        };
    }

    // Each service's fingerprints matched against NVD's CPE configurations, as findings beside the probes' own.
    private async Task<List<DiscoveredService>> WithFingerprintVulnerabilitiesAsync(IReadOnlyList<DiscoveredService> services, CancellationToken cancellationToken)
    {
        var matches = await FingerprintVulnerabilities.MatchAsync(ingester.Store, services.SelectMany(s => s.Fingerprints), cancellationToken);
        return services.Select(found =>
        {
            var endpoint = found.Service.Endpoint;
            var own = matches.Where(m => found.Fingerprints.Contains(m.Fingerprint)).Select(m => FingerprintVulnerabilities.ToFinding(m, endpoint)).ToList();
            return own.Count == 0 ? found : found with { Findings = [.. found.Findings, .. own] };
        }).ToList();
    }

    private static async Task<IReadOnlyList<(PlannedHost Host, ProbedService Service)>> ScanAsync(
        DiscoveryPlan plan, ScopedNetwork network, DiscoveryRequest request, CancellationToken cancellationToken)
    {
        var open = new ConcurrentBag<(PlannedHost, ProbedService)>();
        var work = plan.Hosts.SelectMany(h => h.Ports.Select(p => (Host: h, Port: p)));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = request.Concurrency, CancellationToken = cancellationToken }, async (item, token) =>
        {
            var stream = await network.ConnectAddressAsync(item.Host.Host, item.Host.Address, item.Port, token);
            if (stream is null)
            {
                return;
            }

            await using (stream)
            {
                var banner = await BannerReader.ReadAsync(stream, request.BannerWait, token);
                var paths = item.Host.Urls.Where(u => u.Port == item.Port).Select(u => u.PathAndQuery).DefaultIfEmpty("/").Distinct(StringComparer.Ordinal).ToList();
                open.Add((item.Host, new ProbedService(item.Host.Host, item.Host.Address, item.Port) { Banner = banner, Paths = paths }));
            }
        });
        return [.. open];
    }

    private async Task<DiscoveredService> ProbeAsync(PlannedHost host, ProbedService service, ScopedNetwork network, CancellationToken cancellationToken)
    {
        var fingerprints = new List<Fingerprint>();
        var findings = new List<ReportedFinding>();
        var notes = new List<string>();
        var facts = new List<string>();
        foreach (var probe in probes.Where(p => p.Applies(service)))
        {
            var result = await probe.ProbeAsync(service, network, cancellationToken);
            service = service with { Service = result.Service ?? service.Service, Tls = service.Tls || result.Tls };
            fingerprints.AddRange(result.Fingerprints);
            findings.AddRange(result.Findings);
            notes.AddRange(result.Notes.Select(n => $"{probe.Name}: {n}"));
            facts.AddRange(result.Facts);
        }

        return new DiscoveredService(host, service, fingerprints.DistinctBy(f => f.Purl.ToString()).ToList(), findings) { Notes = notes, Facts = facts };
    }

    private static ScannerReport ReportOf(string product, DiscoveryPlan plan, IReadOnlyList<DiscoveredService> services)
    {
        var findings = new List<ReportedFinding>();
        var assets = plan.Hosts.Where(h => h.Product == product).Select(h => ReportedAsset.Host(h.Address.ToString())).ToList();
        foreach (var found in services)
        {
            var endpoint = found.Service.Endpoint;
            if (found.Fingerprints.FirstOrDefault() is { } first)
            {
                endpoint = endpoint with { Version = first.Version is null ? first.Product : $"{first.Product} {first.Version}", Purl = first.Purl };
            }

            assets.Add(endpoint);
            var where = string.Create(CultureInfo.InvariantCulture, $"{found.Service.Port}/tcp");
            var label = found.Service.Service is { } service ? endpoint.Version is { } version ? $"{service} ({version})" : service : null;
            findings.Add(new ReportedFinding(endpoint, [], OpenPortRule, label is null ? $"Open port {where}" : $"Open port {where}: {label}", "info", null)
            {
                SharedRule = true,
                Description = Describe(found),
            });
            // The probes' findings on the endpoint take its facts; a fingerprint's CVE keeps its own product and version.
            findings.AddRange(found.Findings.Select(f => f.Asset.Key == endpoint.Key && f.VulnerabilityIds.Count == 0 ? f with { Asset = endpoint } : f));
        }

        var report = new ScannerReport("ctem/discover", Tool, null, product, findings) { Assets = assets.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList() };
        return report;
    }

    private static string? Describe(DiscoveredService found)
    {
        var lines = new List<string>();
        if (found.Service.Service is { } service)
        {
            lines.Add("service " + service + (found.Service.Tls ? " over TLS" : ""));
        }

        if (found.Service.Banner is { } banner)
        {
            lines.Add("banner: " + banner.Split('\n')[0].TrimEnd('\r'));
        }

        lines.AddRange(found.Facts);
        lines.AddRange(found.Fingerprints.Select(f => $"{f.Purl}{(f.Cpe is null ? "" : " " + f.Cpe)} (from \"{f.Evidence}\")"));
        return lines.Count > 0 ? string.Join("; ", lines) : null;
    }

    private static DiscoveryReport Failed(DiscoveryPlan plan, string message) =>
        new(OperationStatus.Failed, plan, [], [], [Diagnostic.Error(DiagnosticCodes.OutOfScope, "ctem.yaml", message)]);
}
