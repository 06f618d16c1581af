namespace Ctem.Core.Scoring.Ssvc;

/// <summary>One value of an SSVC decision point as the data names it, e.g. key <c>P</c>, name <c>Public PoC</c>.</summary>
public sealed record SsvcDecisionPointValue(string Key, string Name, string Definition);
