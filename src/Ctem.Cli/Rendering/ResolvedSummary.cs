using Ctem.Core.Stores;

namespace Ctem.Cli.Rendering;

/// <summary>The line after a run's summary that names what it resolved: the first ten, then how many more.</summary>
public static class ResolvedSummary
{
    private const int Named = 10;

    /// <summary>"Resolved: CVE-… in pkg@1.2 (#12), …and 3 more." or null when the run resolved nothing.</summary>
    public static string? Line(IReadOnlyList<ResolvedFinding> resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (resolved.Count == 0)
        {
            return null;
        }

        var named = string.Join(", ", resolved.Take(Named).Select(f => $"{f.VulnerabilityId} in {f.Component} (#{f.Id})"));
        return resolved.Count > Named ? $"Resolved: {named}, …and {resolved.Count - Named} more." : $"Resolved: {named}.";
    }
}
