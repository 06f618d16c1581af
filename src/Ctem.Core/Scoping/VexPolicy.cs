using Ctem.Core.Model;

namespace Ctem.Core.Scoping;

/// <summary>
/// The <c>vex:</c> section of <c>ctem.yaml</c>: who issues the VEX documents Ctem exports and whose products they are,
/// and which kinds of suggestion are applied at scan time without asking (<see cref="VexSuggestionKinds"/>).
/// </summary>
public sealed record VexPolicy(VexParty? Author, VexParty? Supplier, IReadOnlyList<string> Auto)
{
    public static VexPolicy Empty { get; } = new(null, null, []);
}

/// <summary>The kinds of suggestion <c>ctem vex suggest</c> makes, by the evidence behind them.</summary>
public static class VexSuggestionKinds
{
    /// <summary>The component is seen only in development or test scope, or is absent from the release's runtime inventory.</summary>
    public const string ComponentNotPresent = "component_not_present";

    /// <summary>A newer scan of the same release no longer finds it.</summary>
    public const string Fixed = "fixed";

    /// <summary>The latest validation check on the deployment (<c>ctem validate</c>) could not reproduce the exposure.</summary>
    public const string NotReproduced = "not_reproduced";

    public static readonly IReadOnlyList<string> All = [ComponentNotPresent, Fixed, NotReproduced];
}
