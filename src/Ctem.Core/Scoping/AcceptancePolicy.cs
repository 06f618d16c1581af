namespace Ctem.Core.Scoping;

/// <summary>How long a risk may be accepted (<c>acceptance: {maxDays}</c> in the scope file). Default: 90 days.</summary>
public sealed record AcceptancePolicy(int MaxDays = 90)
{
    public static AcceptancePolicy Default { get; } = new();
}
