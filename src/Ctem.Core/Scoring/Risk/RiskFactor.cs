namespace Ctem.Core.Scoring.Risk;

/// <summary>
/// One term of a risk score: what was found (<see cref="Value"/>), where that comes from (<see cref="Source"/>), its level
/// on the 0–1 scale, its weight, and the points (of 100) it adds. The scope factor multiplies instead, so its
/// <see cref="Contribution"/> is the (negative) number of points it takes away.
/// </summary>
public sealed record RiskFactor(string Name, string Value, string Source, double Level, double Weight, double Contribution);
