using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Core.Diagnostics;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Validation;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem validate [--product P] [--check ID] [--retest FINDING_ID] [--dry-run]</c>: is the exposure really there, strictly in scope.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string?>("--product") { Description = "Only this product's findings and deployments (default: every product's)" }.NotEmpty();
        var check = new Option<string?>("--check") { Description = "Only this check; it runs against the product's in-scope targets even when no open finding asks for it" }.NotEmpty();
        var retest = new Option<long?>("--retest") { Description = "Run this finding's checks again (after a fix) and record the outcome" };
        var rate = new Option<int>("--rate") { Description = "New connections a second, at most, across the whole run", DefaultValueFactory = _ => DiscoveryRequest.DefaultRate };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one connection, or one exchange on it, may take", DefaultValueFactory = _ => 3 };
        var budget = new Option<double>("--budget") { Description = "Seconds the whole run may take; checks left are not run and nothing is recorded for them", DefaultValueFactory = _ => 600 };
        var dryRun = new Option<bool>("--dry-run") { Description = "List every check and the targets it would contact; contact nothing, store nothing" };
        var format = FormatOptions.Output([OutputFormat.Table, OutputFormat.Json]);
        var scope = new ScopeOption("nothing was contacted");
        var command = new Command("validate", "Prove the products' open findings on their deployments with safe checks (built-in and the scope file's validation.checks), strictly inside scope.allow and outside scope.deny; each outcome (validated, not-reproduced, error) is evidence on the finding")
        {
            product, check, retest, rate, timeout, budget, dryRun, format,
        };
        scope.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (parseResult.GetValue(rate) is < 1 or > 10000 || parseResult.GetValue(timeout) is <= 0 or > 300 || parseResult.GetValue(budget) <= 0)
            {
                await context.Host.Stderr.WriteLineAsync("ctem: --rate is 1 to 10000 connections a second, --timeout more than 0 and at most 300 seconds, --budget more than 0 seconds");
                return ExitCodes.Usage;
            }

            if (parseResult.GetValue(retest) is { } id && (id <= 0 || parseResult.GetValue(product) is not null))
            {
                await context.Host.Stderr.WriteLineAsync("ctem: --retest takes a finding id (its product is the finding's), without --product");
                return ExitCodes.Usage;
            }

            if (scope.Read(context, parseResult, parseResult.GetValue(product), out var scopeExit) is not { } document)
            {
                return scopeExit;
            }

            var path = scope.PathOf(context, parseResult);
            var request = new ValidationRequest(parseResult.GetValue(product))
            {
                Scope = document,
                ScopeDirectory = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path)),
                CheckId = parseResult.GetValue(check),
                Retest = parseResult.GetValue(retest),
                Rate = parseResult.GetValue(rate),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
                Budget = TimeSpan.FromSeconds(parseResult.GetValue(budget)),
                DryRun = parseResult.GetValue(dryRun),
            };
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var tls = BuiltInPlugins.ServiceProbes.FirstOrDefault(p => p.Name == "probe/tls");
            var report = await new ExposureValidator(store, tls, context.HostResolver, context.Host.Time).ValidateAsync(request, cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                ValidateOutput.WriteJson(context.Host.Stdout, report);
            }
            else
            {
                ValidateOutput.WriteTable(context.Host.Stdout, Consoles.Stdout(context.Host), report, request);
            }

            DiagnosticsPrinter.Write(context.Host.Stderr, report.Diagnostics);
            return report.UsageError
                ? report.Diagnostics.Any(d => d.Code == DiagnosticCodes.InvalidCheck || d.Code == DiagnosticCodes.UnreadableFile) ? ExitCodes.BadInput : ExitCodes.Usage
                : report.Status == OperationStatus.Failed ? ExitCodes.Usage : ScanReportWriter.ExitCodeOf(report.Status);
        }));
        return command.WithExamples(
            new("ctem validate --product payments-api --dry-run", "Which checks would run against which in-scope targets, contacting nothing"),
            new("ctem validate --retest 42", "After a fix: run finding 42's checks again; a fixed exposure is recorded as not-reproduced"),
            new("ctem validate --check git-config --product payments-api --format json | jq '.results[] | {target, outcome}'", "One check on every in-scope target of a product, as JSON"));
    }
}
