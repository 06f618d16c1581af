using System.CommandLine;
using Ctem.Engine.Discovery;

namespace Ctem.Cli.Commands;

/// <summary><c>--source NAME</c> on <c>scan</c> and <c>ingest</c>: which of the product's sources (CI jobs) a run belongs to.</summary>
public static class SourceOption
{
    public static Option<string?> Create(string defaultDescription)
    {
        var option = new Option<string?>("--source")
        {
            Description = $"The source (CI job) this run belongs to: a run resolves only findings its own source reported before (default: {defaultDescription})",
            HelpName = "NAME",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && SourceNames.Problem(name) is { } problem)
            {
                result.AddError($"--source: {problem}");
            }
        });
        return option;
    }
}
