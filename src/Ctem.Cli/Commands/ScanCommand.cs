using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Prioritization;
using Ctem.Engine.Discovery;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem scan PATH…</c>: discovery and matching for one product, stored as a run.</summary>
public static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path") { Description = "SBOMs, lockfiles, package databases, or directories (source trees, root filesystems) to scan", Arity = ArgumentArity.OneOrMore };
        var product = new Option<string?>("--product") { Description = "Product the findings belong to, as declared in the scope file (default: the SBOM's metadata.component name)" }.NotEmpty();
        var format = FormatOptions.Output(OutputFormat.Lists);
        var source = SourceOption.Create("the given paths, relative to the working directory");
        var inputs = InputOptions.Create();
        var failOn = new FailOnOption();
        var scopeOption = new ScopeOption();
        var command = new Command("scan", "Scan a product's SBOMs and lockfiles: match their components against the knowledge base and store the findings") { paths, product, source, format };
        inputs.AddTo(command);
        failOn.AddTo(command);
        scopeOption.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (failOn.Read(context, parseResult) is not { } policy)
            {
                return ExitCodes.Usage;
            }

            if (scopeOption.Read(context, parseResult, parseResult.GetValue(product), out var refused) is not { } scope)
            {
                return refused;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            await ExpiredAcceptances.EndAsync(context, store, cancellationToken);
            var runner = context.Scanner(store, inputs.Reader(context, parseResult));
            var request = new ScanRequest(parseResult.GetValue(paths)!, parseResult.GetValue(product), inputs.FormatIn(parseResult)) { Scope = scope, Source = parseResult.GetValue(source) };
            var report = await LiveStatus.RunAsync(context.Host, "scanning…", progress => runner.ScanAsync(request, progress, cancellationToken));
            var shown = ScanReportWriter.Write(context.Host, report, parseResult.GetValue(format)!);
            if (report.Run is not null)
            {
                await NotifyCommand.AfterAsync(context, store, scope, report.Product?.Name, cancellationToken);
            }

            return FailOnOption.Gate(context, policy, shown, ScanReportWriter.ExitCodeOf(report.Status));
        }));
        return command.WithExamples(
            new("ctem scan sbom.cdx.json", "Match an SBOM against the knowledge base, store the findings and list them, most urgent first"),
            new("ctem scan . --product payments-api --scope ctem.yaml", "Scan a source tree's lockfiles as a product the scope file declares"),
            new("ctem scan sbom.cdx.json --format sarif --fail-on priority>=high > ctem.sarif", "In CI: SARIF for code scanning, and exit 1 when a finding is of high priority or more"));
    }
}
