using System.CommandLine;
using System.Globalization;
using Ctem.Cli.Rendering;
using Ctem.Core.Stores;
using Spectre.Console;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem findings [--product P] [--explain ID]</c>: what the latest scans found and nothing has resolved since, most urgent first.</summary>
public static class FindingsCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string?>("--product") { Description = "Only this product's findings" };
        var explain = new Option<string?>("--explain")
        {
            Description = "Explain the priority of one finding (its ID), or of every open finding of a vulnerability (an id or alias such as CVE-2021-44228)",
        };
        var owner = new Option<string?>("--owner") { Description = "Only the findings this team owns (assigned by hand, else named by the scope file's owner rules)", HelpName = "TEAM" };
        var status = new Option<string>("--status")
        {
            Description = "Which findings: open (still reported by a source, and no VEX statement says not_affected, false_positive or fixed), resolved (no source reports them any more, or VEX closed them), or all",
            DefaultValueFactory = _ => "open",
            HelpName = "open|resolved|all",
        }.AcceptOnlyFromAmong("open", "resolved", "all");
        var format = FormatOptions.Output(OutputFormat.Lists);
        var failOn = new FailOnOption();
        var command = new Command("findings", "List the current (open) findings of every product, or of one, most urgent first") { product, status, owner, explain, format };
        failOn.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(explain) is not null && result.GetValue(format) is { } chosen && !OutputFormat.Reports.Contains(chosen))
            {
                result.AddError($"--explain writes {string.Join(" or ", OutputFormat.Reports)}, not {chosen}");
            }
        });
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (failOn.Read(context, parseResult) is not { } policy)
            {
                return ExitCodes.Usage;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            await ExpiredAcceptances.EndAsync(context, store, cancellationToken);
            var name = parseResult.GetValue(product);
            if (name is not null && !await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var filter = new FindingFilter(name, Enum.Parse<FindingStatusFilter>(parseResult.GetValue(status)!, ignoreCase: true)) { Owner = parseResult.GetValue(owner) };
            var findings = await FindingQuery.LoadAsync(store, filter, where: null, cancellationToken);
            var chosen = parseResult.GetValue(format)!;
            if (parseResult.GetValue(explain) is { } id)
            {
                return await ExplainAsync(context, store, findings, id, chosen, cancellationToken);
            }

            if (!OutputFormat.TryWriteList(context.Host.Stdout, chosen, findings, context.Host.Stderr))
            {
                FindingsTable.Write(Consoles.Stdout(context.Host), findings);
            }

            return FailOnOption.Gate(context, policy, findings, ExitCodes.Ok);
        }));
        return command.WithExamples(
            new("ctem findings --product payments-api", "The open findings of one product, most urgent first"),
            new("ctem findings --explain CVE-2021-44228", "Why every open finding of a vulnerability has its priority"),
            new("ctem findings --format csv > findings.csv", "Every open finding as CSV"));
    }

    private static async Task<int> ExplainAsync(CliContext context, Core.Stores.ICtemStore store, IReadOnlyList<FindingView> findings, string id, string format, CancellationToken cancellationToken)
    {
        var chosen = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? findings.Where(f => f.Id == number).ToList()
            : findings.Where(f => f.Vulnerability.Aliases.Prepend(f.Vulnerability.Id).Contains(id, StringComparer.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0 && number > 0)
        {
            // A finding VEX closed or no source reports any more is still explained by its ID.
            var any = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All) { Ids = [number] }, cancellationToken);
            chosen = [.. any.Select(FindingView.From)];
        }

        if (chosen.Count == 0)
        {
            context.Host.Stderr.WriteLine($"ctem: no open finding has the ID or vulnerability '{id}' (see 'ctem findings' for the IDs)");
            return ExitCodes.Usage;
        }

        if (format == OutputFormat.Json)
        {
            FindingsJson.Write(context.Host.Stdout, chosen);
            return ExitCodes.Ok;
        }

        var console = Consoles.Stdout(context.Host);
        for (var i = 0; i < chosen.Count; i++)
        {
            if (i > 0)
            {
                console.WriteLine();
            }

            RiskExplanation.Write(console, chosen[i], await store.GetFindingSourcesAsync(chosen[i].Id!.Value, cancellationToken), await store.GetRunsAsync(chosen[i].Product, cancellationToken));
            VexExplanation.Write(console, await store.GetFindingVexStatementsAsync(chosen[i].Id!.Value, cancellationToken));
            ValidationExplanation.Write(console, await store.GetValidationEvidenceAsync(null, [chosen[i].Id!.Value], cancellationToken));
        }

        return ExitCodes.Ok;
    }
}
