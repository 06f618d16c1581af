using Ctem.Core.Model;

namespace Ctem.Engine.Discovery.Matching;

/// <summary>
/// Findings of one inventory, and the checks that could not be decided (counted per reason, never guessed):
/// an ecosystem without a version scheme, or a version its scheme cannot read.
/// </summary>
public sealed record MatchResult(IReadOnlyList<ObservedFinding> Findings, IReadOnlyDictionary<string, int> Undetermined, int ComponentsChecked);
