using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Mobilization.Plan;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem plan [--product P]</c>: which package versions to change, in what order, to fix the open findings.</summary>
public static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string?>("--product") { Description = "Only this product's findings (default: every product, actions grouped across them)" };
        var format = FormatOptions.Output([OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown]);
        var command = new Command(
            "plan",
            "Plan the upgrades that fix the open findings: for each vulnerable package, the lowest version no known advisory affects, grouped across products and ranked by the risk removed")
        {
            product, format,
        };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            await ExpiredAcceptances.EndAsync(context, store, cancellationToken);
            var name = parseResult.GetValue(product);
            if (name is not null && !await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var plan = await new RemediationPlanner(store, BuiltInPlugins.VersionSchemes).PlanAsync(name, cancellationToken);
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    PlanReportOutput.WriteJson(context.Host.Stdout, name, plan);
                    break;
                case OutputFormat.Markdown:
                    PlanReportOutput.WriteMarkdown(context.Host.Stdout, name, plan);
                    break;
                default:
                    PlanOutput.WriteTable(context.Host.Stdout, Consoles.Stdout(context.Host), name, plan);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem plan", "What to upgrade first across every product, most risk removed first"),
            new("ctem plan --product payments-api --format markdown > plan.md", "One product's plan, for a ticket or pull-request comment"),
            new("ctem plan --format json | jq '.actions[0]'", "The first action for a script: from, to, the findings it fixes"));
    }
}
