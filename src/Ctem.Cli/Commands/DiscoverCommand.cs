using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem discover [--product P] [--ports LIST|top100|top1000] [--rate N] [--dry-run]</c>: what is reachable in the deployments, strictly in scope.</summary>
public static class DiscoverCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string?>("--product") { Description = "Only this product's deployments (default: every product's)" }.NotEmpty();
        var ports = new Option<string>("--ports") { Description = "Ports to try on targets that name none: top100, top1000 (Nmap's most often open) or a list such as 22,80,8000-8100", DefaultValueFactory = _ => PortList.Top100 };
        var rate = new Option<int>("--rate") { Description = "New connections a second, at most, across the whole run", DefaultValueFactory = _ => DiscoveryRequest.DefaultRate };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one connection, or one exchange on it, may take", DefaultValueFactory = _ => 3 };
        var budget = new Option<double>("--budget") { Description = "Seconds the whole run may take; what is left is reported and nothing is resolved", DefaultValueFactory = _ => 600 };
        var dryRun = new Option<bool>("--dry-run") { Description = "List every address, port and URL that would be contacted; contact nothing, store nothing" };
        var format = FormatOptions.Output([OutputFormat.Table, OutputFormat.Json]);
        var scope = new ScopeOption("nothing was contacted");
        var command = new Command("discover", "Find what is reachable in the products' deployments (deployments[].targets), strictly inside the scope file's scope.allow and outside scope.deny: TCP connect scan, banners, services, TLS and HTTP checks, fingerprints; stored as findings")
        {
            product, ports, rate, timeout, budget, dryRun, format,
        };
        scope.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (PortList.Parse(parseResult.GetValue(ports)!, out var problem) is not { } portList)
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: --ports: {problem}");
                return ExitCodes.Usage;
            }

            if (parseResult.GetValue(rate) is < 1 or > 10000 || parseResult.GetValue(timeout) is <= 0 or > 300 || parseResult.GetValue(budget) <= 0)
            {
                await context.Host.Stderr.WriteLineAsync("ctem: --rate is 1 to 10000 connections a second, --timeout more than 0 and at most 300 seconds, --budget more than 0 seconds");
                return ExitCodes.Usage;
            }

            if (scope.Read(context, parseResult, parseResult.GetValue(product), out var scopeExit) is not { } document)
            {
                return scopeExit;
            }

            var request = new DiscoveryRequest(parseResult.GetValue(product), portList)
            {
                Scope = document,
                Rate = parseResult.GetValue(rate),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
                Budget = TimeSpan.FromSeconds(parseResult.GetValue(budget)),
                DryRun = parseResult.GetValue(dryRun),
            };
            DiscoveryReport report;
            if (request.DryRun)
            {
                // A dry run stores nothing, so it needs no database.
                report = await Discoverer(context, null).DiscoverAsync(request, cancellationToken);
            }
            else
            {
                await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
                report = await Discoverer(context, store).DiscoverAsync(request, cancellationToken);
            }

            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                DiscoverOutput.WriteJson(context.Host.Stdout, report);
            }
            else
            {
                DiscoverOutput.WriteTable(context.Host.Stdout, Consoles.Stdout(context.Host), report, request);
            }

            DiagnosticsPrinter.Write(context.Host.Stderr, report.Diagnostics);
            return report.Status == OperationStatus.Failed && report.Plan.Hosts.Count == 0 ? ExitCodes.Usage : ScanReportWriter.ExitCodeOf(report.Status);
        }));
        return command.WithExamples(
            new("ctem discover --product payments-api --dry-run", "Every address, port and URL the product's deployments would have contacted"),
            new("ctem discover --ports top1000 --rate 20", "Nmap's 1000 most common ports on every in-scope target, 20 new connections a second"),
            new("ctem discover --format json | jq '.services[] | {asset, service, fingerprints}'", "What runs where, as JSON"));
    }

    private static ActiveDiscoverer Discoverer(CliContext context, Core.Stores.ICtemStore? store) =>
        new(new ReportIngester(store!, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, context.Reader, context.Host.Time),
            BuiltInPlugins.ServiceProbes, context.HostResolver, context.Host.Time);
}
