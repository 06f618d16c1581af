namespace Ctem.Core.Scoring.Ssvc;

/// <summary>One decision point and the value chosen for it, in the data's wording, for explanations.</summary>
/// <param name="DecisionPointId"><c>namespace:key:version</c>, e.g. <c>ssvc:E:1.1.0</c>.</param>
/// <param name="DecisionPointName">E.g. <c>Exploitation</c>.</param>
/// <param name="ValueKey">E.g. <c>P</c>.</param>
/// <param name="ValueName">E.g. <c>Public PoC</c>.</param>
public sealed record SsvcSelection(string DecisionPointId, string DecisionPointName, string ValueKey, string ValueName)
{
    internal static SsvcSelection Of(SsvcDecisionPoint point, string key) =>
        new(point.Id, point.Name, key, point.ByKey(key)!.Name);

    public override string ToString() => $"{DecisionPointName}: {ValueName}";
}
